import crypto from 'node:crypto';
import { z } from 'zod';
import { DauysError } from '../../errors';
import type { IgnoredInbound, WebhookChannel } from '../webhook-channel';
import { botsByPhoneId, createWhatsAppBots } from './whatsapp-cloud-api';
import { normalizeWhatsAppWebhook, type WhatsAppIgnored } from './whatsapp-inbound';
import { isValidWhatsAppSignature } from './whatsapp-signature';
import { whatsappWebhookSchema, type WhatsAppWebhook } from './whatsapp-webhook.schema';

const verifyQuery = z.object({
  'hub.mode': z.string().optional(),
  'hub.verify_token': z.string().optional(),
  'hub.challenge': z.string().max(200).optional(),
});

/**
 * WhatsApp Cloud API's webhook, `POST /webhooks/whatsapp` for both bots (each message is routed
 * by the business number that received it): live when `WHATSAPP_APP_SECRET` is set, and
 * authenticated by `X-Hub-Signature-256` over the raw bytes. `GET /webhooks/whatsapp` answers
 * Meta's subscription check with `hub.challenge` when `hub.verify_token` matches.
 */
export function whatsappWebhookChannel(options: {
  config: Parameters<typeof createWhatsAppBots>[0] & {
    WHATSAPP_APP_SECRET?: string | undefined;
    WHATSAPP_VERIFY_TOKEN?: string | undefined;
  };
  secret: string;
}): WebhookChannel<WhatsAppWebhook> {
  const { config, secret } = options;
  const { WHATSAPP_APP_SECRET: appSecret, WHATSAPP_VERIFY_TOKEN: verifyToken } = config;
  const routing = botsByPhoneId(createWhatsAppBots(config));
  return {
    channel: 'whatsapp',
    endpoints: [
      { path: '/webhooks/whatsapp', disabledBecause: appSecret ? undefined : 'whatsapp is not configured' },
    ],
    authenticates: 'raw-body',
    authenticate({ headers, rawBody }) {
      const genuine =
        appSecret !== undefined &&
        isValidWhatsAppSignature(rawBody ?? Buffer.alloc(0), headers['x-hub-signature-256'], appSecret);
      return genuine ? undefined : 'missing or wrong X-Hub-Signature-256';
    },
    schema: whatsappWebhookSchema,
    bodyName: 'a WhatsApp webhook',
    normalize(webhook, { receivedAt }) {
      const ignored: IgnoredInbound[] = [];
      const items = normalizeWhatsAppWebhook(webhook, {
        secret,
        botsByPhoneId: routing,
        receivedAt,
        onIgnored: (each) => ignored.push(describeIgnored(each)),
      });
      if (items.length === 0 && ignored.length === 0) {
        // Delivery receipts and account changes: Meta sends one per message we send.
        ignored.push({
          reason: 'no_message',
          fields: {},
          message: 'whatsapp delivery without a message',
          level: 'debug',
        });
      }
      return { items, ignored };
    },
    subscription: {
      path: '/webhooks/whatsapp',
      answer(query) {
        if (!verifyToken) throw new DauysError('DAUYS_ERR_NOT_FOUND', 'whatsapp is not configured');
        const parsed = verifyQuery.safeParse(query);
        const given = parsed.success ? parsed.data['hub.verify_token'] : undefined;
        const matches = given !== undefined && crypto.timingSafeEqual(digest(given), digest(verifyToken));
        return parsed.success && parsed.data['hub.mode'] === 'subscribe' && matches
          ? (parsed.data['hub.challenge'] ?? '')
          : undefined;
      },
    },
  };
}

function describeIgnored({ reason, phoneNumberId }: WhatsAppIgnored): IgnoredInbound {
  // The business number's id is ours (or a misconfigured one), never the sender's: safe to log.
  return reason === 'unknown_phone_number'
    ? {
        reason,
        fields: { phoneNumberId },
        message: `whatsapp message ignored: phone number id ${phoneNumberId} is neither WHATSAPP_VOTER_PHONE_ID nor WHATSAPP_OBSERVER_PHONE_ID`,
        level: 'warn',
      }
    : { reason, fields: { phoneNumberId }, message: 'whatsapp message ignored: a reaction', level: 'info' };
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}
