import crypto from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { botsByPhoneId, createWhatsAppBots } from '../../channels/whatsapp/whatsapp-cloud-api';
import { normalizeWhatsAppWebhook } from '../../channels/whatsapp/whatsapp-inbound';
import { isValidWhatsAppSignature } from '../../channels/whatsapp/whatsapp-signature';
import { whatsappWebhookSchema } from '../../channels/whatsapp/whatsapp-webhook.schema';
import { DauysError, invalidInput, zodIssuesToInputIssues } from '../../errors';

const verifyQuery = z.object({
  'hub.mode': z.string().optional(),
  'hub.verify_token': z.string().optional(),
  'hub.challenge': z.string().max(200).optional(),
});

/**
 * `GET /webhooks/whatsapp` answers Meta's subscription check (`hub.challenge` when
 * `hub.verify_token` matches `WHATSAPP_VERIFY_TOKEN`). `POST /webhooks/whatsapp` checks
 * `X-Hub-Signature-256` over the raw body with `WHATSAPP_APP_SECRET` — a forged or missing one
 * is 401 and nothing is read further — then validates, normalizes and stores every message in
 * the inbox, answering 200 only once they are committed. The raw-body parser is registered in
 * this plugin only, so no other route sees bodies as bytes.
 */
export const whatsappWebhookRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  const { WHATSAPP_APP_SECRET: appSecret, WHATSAPP_VERIFY_TOKEN: verifyToken } = app.config;
  const routing = botsByPhoneId(createWhatsAppBots(app.config));
  const counted = (outcome: string) => app.metrics.webhookUpdates.inc({ channel: 'whatsapp', outcome });

  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  server.get('/webhooks/whatsapp', async (request, reply) => {
    if (!verifyToken) throw new DauysError('DAUYS_ERR_NOT_FOUND', 'whatsapp is not configured');
    const query = verifyQuery.safeParse(request.query);
    const given = query.success ? query.data['hub.verify_token'] : undefined;
    const matches =
      given !== undefined &&
      crypto.timingSafeEqual(
        crypto.createHash('sha256').update(given).digest(),
        crypto.createHash('sha256').update(verifyToken).digest(),
      );
    if (!query.success || query.data['hub.mode'] !== 'subscribe' || !matches) {
      return reply
        .status(403)
        .send({ error: 'DAUYS_ERR_FORBIDDEN', message: 'wrong hub.mode or hub.verify_token' });
    }
    return reply.type('text/plain').send(query.data['hub.challenge'] ?? '');
  });

  server.post('/webhooks/whatsapp', async (request, reply) => {
    if (!appSecret) throw new DauysError('DAUYS_ERR_NOT_FOUND', 'whatsapp is not configured');
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (!isValidWhatsAppSignature(raw, request.headers['x-hub-signature-256'], appSecret)) {
      counted('unauthorized');
      return reply
        .status(401)
        .send({ error: 'DAUYS_ERR_UNAUTHORIZED', message: 'missing or wrong X-Hub-Signature-256' });
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      counted('rejected');
      throw invalidInput('body is not JSON');
    }
    const parsed = whatsappWebhookSchema.safeParse(json);
    if (!parsed.success) {
      counted('rejected');
      throw invalidInput('not a WhatsApp webhook', zodIssuesToInputIssues(parsed.error.issues));
    }
    const items = normalizeWhatsAppWebhook(parsed.data, {
      secret: app.secret,
      botsByPhoneId: routing,
      receivedAt: new Date(),
      onIgnored: ({ reason, phoneNumberId }) => {
        counted(`ignored_${reason}`);
        if (reason === 'unknown_phone_number')
          app.logger.warn(
            { phoneNumberId, reason },
            `whatsapp message ignored: phone number id ${phoneNumberId} is neither WHATSAPP_VOTER_PHONE_ID nor WHATSAPP_OBSERVER_PHONE_ID`,
          );
        else app.logger.info({ phoneNumberId, reason }, 'whatsapp message ignored: a reaction');
      },
    });
    if (items.length === 0) {
      counted('ignored');
      return reply.status(200).send();
    }
    const { stored, duplicates } = await app.inbox.accept(items);
    if (stored > 0) counted('stored');
    if (duplicates > 0) counted('duplicate');
    return reply.status(200).send();
  });
};
