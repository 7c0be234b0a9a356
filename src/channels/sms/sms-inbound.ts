import type { BotName, InboundContent } from '../../flows/messages';
import { pseudonymFor } from '../../security/pseudonym';
import type { IgnoredInbound, InboundItem } from '../webhook-channel';

/** One SMS as a provider reported it, before it becomes an inbox item. */
export interface ReceivedSms {
  /** Which provider (a log label): 'twilio', 'android'. */
  provider: string;
  bot: BotName;
  /** The sender's number as the provider gives it ("+77011234567"). */
  from: string;
  text: string;
  /** Unique per provider account and stable across its redeliveries. */
  dedupeKey: string;
  /** When the sender's phone sent it, or the best the provider knows (see each provider). */
  sentAt: Date;
  receivedAt: Date;
}

/**
 * Separators people and phones put in numbers: removed so "+7 701 123-45-67" and "+77011234567"
 * are one participant. Nothing else is rewritten: turning a national "8701…" into "+7701…" is
 * country-specific, and both providers give international numbers for mobile senders.
 */
const SEPARATORS = /[\s\-().]/g;

/** A number an SMS can be answered at: digits with an optional "+", not a sender name ("Beeline"). */
const REPLYABLE = /^\+?\d{3,15}$/;

/** "/start", "/start CODE": SMS has no commands, but one typed is one (as on WhatsApp). */
const TYPED_COMMAND = /^\/([A-Za-z_]+)(?:\s+([\s\S]*))?$/;

/**
 * An SMS as an inbox item: the participant is the keyed pseudonym of the sender's number, and the
 * number itself is only the reply address (the inbox stores it encrypted, `dauys purge` deletes
 * it). A message from a sender name, not a number (an operator's notice, an advert), cannot be
 * answered and is ignored; the log line names the provider and our bot, never the sender.
 *
 * @example
 * smsInboundItem(secret, { provider: 'twilio', bot: 'voter', from: '+77011234567', text: 'hello', dedupeKey: 'SM…', sentAt, receivedAt });
 * // { item: { inbound: { channel: 'sms', content: { kind: 'text', text: 'hello' }, … }, dedupeKey: 'SM…', replyAddress: '+77011234567' } }
 */
export function smsInboundItem(
  secret: string,
  sms: ReceivedSms,
): { item: InboundItem } | { ignored: IgnoredInbound } {
  const number = sms.from.replace(SEPARATORS, '');
  if (!REPLYABLE.test(number)) {
    return {
      ignored: {
        reason: 'not_a_phone_number',
        fields: { provider: sms.provider, bot: sms.bot },
        message: `sms ignored: the ${sms.provider} sender is a name, not a number that can be answered`,
        level: 'info',
      },
    };
  }
  return {
    item: {
      dedupeKey: sms.dedupeKey,
      replyAddress: number,
      inbound: {
        channel: 'sms',
        bot: sms.bot,
        participant: pseudonymFor(secret, 'sms', number),
        sentAt: sms.sentAt,
        receivedAt: sms.receivedAt,
        textOnly: true,
        content: contentOf(sms.text),
      },
    },
  };
}

function contentOf(text: string): InboundContent {
  const command = TYPED_COMMAND.exec(text.trim());
  if (command?.[1])
    return { kind: 'command', command: command[1].toLowerCase(), args: (command[2] ?? '').trim() };
  return { kind: 'text', text };
}
