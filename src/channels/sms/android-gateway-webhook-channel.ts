import { z } from 'zod';
import type { BotName } from '../../flows/messages';
import type { WebhookChannel, WebhookEndpoint } from '../webhook-channel';
import { androidGatewayAccount, SMS_BOTS, type SmsSettings } from './sms-accounts';
import { checkAndroidGatewaySignature } from './android-gateway-signature';
import { smsInboundItem } from './sms-inbound';

/** The `sms:received` payload (https://docs.sms-gate.app/features/webhooks/#supported-events). */
const receivedPayloadSchema = z.looseObject({
  /** A hash of the message, "not guaranteed to be unique" (the docs): see the dedupe key below. */
  messageId: z.string().min(1).optional(),
  message: z.string(),
  phoneNumber: z.string().min(1),
  /** When the phone received it, in its local time zone with the offset. */
  receivedAt: z.iso.datetime({ offset: true }),
  simNumber: z.number().int().nullable().optional(),
});

/**
 * A webhook delivery: `{ id, webhookId, deviceId, event, payload }`. Only `sms:received` is a
 * message; `sms:sent`, `sms:delivered`, `sms:failed`, `system:ping` … are acknowledged unread.
 */
export const androidGatewayWebhookSchema = z
  .looseObject({
    id: z.string().min(1),
    webhookId: z.string().optional(),
    deviceId: z.string().optional(),
    event: z.string().min(1),
    payload: z.looseObject({}),
  })
  .check((ctx) => {
    if (ctx.value.event !== 'sms:received') return;
    const parsed = receivedPayloadSchema.safeParse(ctx.value.payload);
    for (const issue of parsed.error?.issues ?? []) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.payload,
        path: ['payload', ...issue.path],
        message: issue.message,
      });
    }
  });

export type AndroidGatewayWebhook = z.infer<typeof androidGatewayWebhookSchema>;

/**
 * "SMS Gateway for Android" webhooks, `POST /webhooks/sms/android/voter` and `/observer`: each
 * bot's phone registers its `sms:received` webhook at its own URL (the app's `POST /webhooks`),
 * signed with the signing key set on the phone (`SMS_ANDROID_SIGNING_KEY`). The phone's
 * `receivedAt` dates the message: a phone that was offline delivers late, but the vote keeps the
 * time it arrived on the phone, and the grace rules downstream judge it by that.
 */
export function androidGatewayWebhookChannel(options: {
  config: SmsSettings;
  secret: string;
  /** The clock X-Timestamp is checked against (tests). */
  now?: () => number;
}): WebhookChannel<AndroidGatewayWebhook> {
  const { config, secret, now = Date.now } = options;
  const signingKey = config.SMS_ANDROID_SIGNING_KEY;
  const endpoints = SMS_BOTS.map((bot): WebhookEndpoint => {
    const account = androidGatewayAccount(config, bot);
    return {
      path: `/webhooks/sms/android/${bot}`,
      bot,
      disabledBecause:
        account && signingKey ? undefined : `sms ${bot} bot is not configured on an android gateway`,
      ...(account && !signingKey
        ? { warning: `sms ${bot} on android disabled: SMS_ANDROID_SIGNING_KEY is not set` }
        : {}),
    };
  });
  return {
    channel: 'sms',
    endpoints,
    authenticates: 'raw-body',
    authenticate({ headers, rawBody }) {
      if (!signingKey) return 'missing or wrong X-Signature';
      return checkAndroidGatewaySignature(rawBody ?? Buffer.alloc(0), headers, signingKey, now());
    },
    schema: androidGatewayWebhookSchema,
    bodyName: 'an SMS Gateway for Android webhook',
    normalize(delivery, { endpoint, receivedAt }) {
      const bot = endpoint.bot as BotName;
      if (delivery.event !== 'sms:received') {
        const fields = { bot, event: delivery.event.slice(0, 40) };
        return {
          items: [],
          ignored: [
            {
              reason: 'not_a_message',
              fields,
              message: 'android gateway event without a message',
              level: 'debug',
            },
          ],
        };
      }
      const sms = receivedPayloadSchema.parse(delivery.payload);
      const sentAt = new Date(sms.receivedAt);
      const result = smsInboundItem(secret, {
        provider: 'android',
        bot,
        from: sms.phoneNumber,
        text: sms.message,
        // The event id is new each time the phone emits it (an inbox export re-emits old SMS),
        // and messageId is a 32-bit hash: with the phone's receipt time it is stable and unique.
        dedupeKey: sms.messageId ? `${sms.messageId}@${sentAt.getTime()}` : `event:${delivery.id}`,
        sentAt,
        receivedAt,
      });
      return 'ignored' in result
        ? { items: [], ignored: [result.ignored] }
        : { items: [result.item], ignored: [] };
    },
  };
}
