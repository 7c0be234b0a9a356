import type { Locale } from '../../domain/locale';
import type { BotName, OutboundMessage } from '../../flows/messages';
import type { ChannelSender, SendResult } from '../channel-sender';
import { renderForSms, type RenderTexts } from './sms-render';
import { smsSegments } from '../../shared/sms-segments';

/** How one provider hands a text to the phone network: undefined when accepted, or "wait". */
export interface SmsTransport {
  readonly bot: BotName;
  /** Throws `SendFailure` when refused; never puts the number in the error. */
  deliver(to: string, text: string): Promise<{ retryAfterMs: number } | undefined>;
}

/**
 * Delivers outbox messages as SMS through one bot's provider (Twilio or an Android gateway). SMS
 * cannot edit a sent message or answer a button press, so `replacePanel` sends anew and
 * `answer_button` sends nothing. `cost` is the message's segments, what operators bill and
 * throttle by, so `SMS_MAX_SENDS_PER_SECOND` is segments a second.
 *
 * @example
 * const sender = smsSender(new TwilioTransport(account), translateAll);
 * await sender.send('+77010000001', reply);
 */
export function smsSender(transport: SmsTransport, render: RenderTexts): Required<ChannelSender> {
  const texts = (message: Exclude<OutboundMessage, { kind: 'answer_button' }>, locale: Locale) =>
    renderForSms(locale, message, render);
  return {
    channel: 'sms',
    bot: transport.bot,
    cost: (message, locale) =>
      message.kind === 'answer_button'
        ? 0
        : texts(message, locale).reduce((sum, text) => sum + smsSegments(text).segments, 0),
    async send(address, out): Promise<SendResult> {
      if (out.message.kind === 'answer_button') return {};
      for (const text of texts(out.message, out.locale)) {
        const wait = await transport.deliver(address, text);
        if (wait) return wait;
      }
      return {};
    },
  };
}
