import { z } from 'zod';
import type { BotName } from '../../flows/messages';
import type { IgnoredInbound, InboundItem, WebhookChannel, WebhookEndpoint } from '../webhook-channel';
import { SMS_BOTS, twilioAccount, type SmsSettings } from './sms-accounts';
import { smsInboundItem } from './sms-inbound';
import { isValidTwilioSignature } from './twilio-signature';

/**
 * The fields of Twilio's incoming-message webhook the bots read
 * (https://www.twilio.com/docs/messaging/guides/webhook-request); loose, Twilio sends many more
 * (FromCity, SmsStatus, ApiVersion …) and adds some.
 */
export const twilioInboundSchema = z.looseObject({
  MessageSid: z.string().min(1),
  AccountSid: z.string().min(1),
  From: z.string().min(1),
  To: z.string().optional(),
  Body: z.string().default(''),
  NumMedia: z.string().regex(/^\d+$/).optional(),
  NumSegments: z.string().regex(/^\d+$/).optional(),
});

export type TwilioInbound = z.infer<typeof twilioInboundSchema>;

/** What Twilio expects back when we reply later through the API, not in the response. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's incoming-SMS webhooks, `POST /webhooks/sms/twilio/voter` and `/observer` (set each as
 * the "A message comes in" URL of that bot's number or Messaging Service): form-encoded, and
 * authenticated by `X-Twilio-Signature` over the full URL, which is why the public base URL
 * (`SMS_TWILIO_WEBHOOK_BASE_URL`, else `PUBLIC_URL`) must be exactly what Twilio calls. Twilio's
 * webhook carries no time of sending, so an SMS is dated by its receipt.
 */
export function twilioWebhookChannel(options: {
  config: SmsSettings;
  secret: string;
}): WebhookChannel<TwilioInbound> {
  const { config, secret } = options;
  const authToken = config.SMS_TWILIO_AUTH_TOKEN;
  const base = (config.SMS_TWILIO_WEBHOOK_BASE_URL ?? config.PUBLIC_URL)?.replace(/\/+$/, '');
  const endpoints = SMS_BOTS.map((bot): WebhookEndpoint => {
    const account = twilioAccount(config, bot);
    const named = config[`SMS_TWILIO_${bot === 'voter' ? 'VOTER' : 'OBSERVER'}_FROM`];
    const warning = !named
      ? undefined
      : !account
        ? `sms ${bot} on twilio disabled: set SMS_TWILIO_ACCOUNT_SID and SMS_TWILIO_AUTH_TOKEN`
        : !base
          ? `sms ${bot} on twilio disabled: set SMS_TWILIO_WEBHOOK_BASE_URL or PUBLIC_URL (Twilio signs the URL it calls)`
          : undefined;
    return {
      path: `/webhooks/sms/twilio/${bot}`,
      bot,
      disabledBecause: account && base ? undefined : `sms ${bot} bot is not configured on twilio`,
      ...(warning ? { warning } : {}),
    };
  });
  return {
    channel: 'sms',
    endpoints,
    authenticates: 'raw-body',
    bodyType: 'form',
    accepted: { status: 200, contentType: 'text/xml', body: EMPTY_TWIML },
    authenticate({ headers, rawBody, url }) {
      const genuine =
        authToken !== undefined &&
        base !== undefined &&
        isValidTwilioSignature(
          authToken,
          base + (url ?? ''),
          rawBody ?? Buffer.alloc(0),
          headers['x-twilio-signature'],
        );
      return genuine ? undefined : 'missing or wrong X-Twilio-Signature';
    },
    schema: twilioInboundSchema,
    bodyName: 'a Twilio incoming message',
    normalize(sms, { endpoint, receivedAt }) {
      const bot = endpoint.bot as BotName;
      // An MMS with pictures only: SMS bots take no media, and an empty text is no answer.
      const mediaOnly = Number(sms.NumMedia ?? 0) > 0 && sms.Body.trim() === '';
      const result = smsInboundItem(secret, {
        provider: 'twilio',
        bot,
        from: sms.From,
        text: sms.Body,
        dedupeKey: sms.MessageSid,
        sentAt: receivedAt,
        receivedAt,
      });
      if ('ignored' in result) return { items: [], ignored: [result.ignored] };
      const item: InboundItem = mediaOnly
        ? { ...result.item, inbound: { ...result.item.inbound, content: { kind: 'other' } } }
        : result.item;
      return { items: [item], ignored: [] as IgnoredInbound[] };
    },
  };
}
