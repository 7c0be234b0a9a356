import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../app';
import { invalidInput, DauysError } from '../errors';
import { LOCALES } from '../domain/locale';
import { WEBCHAT_MAX_PHOTO_BYTES, WEBCHAT_PHOTO_TYPES, WebchatService } from '../services/webchat.service';
import { parseRequest } from './parse-request';

/** What these routes use of the app, and all they can reach. */
export type WebchatRoutesServices = Pick<App, 'webchat'>;

const COOKIE = 'dauys_chat';
const SESSION_DAYS = 7;

const clientMessageId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"');
const locale = z.enum(LOCALES).optional();
const messageBody = z.object({
  clientMessageId,
  locale,
  input: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string().trim().min(1, 'must not be empty').max(1000) }),
    z.object({
      kind: z.literal('command'),
      command: z.enum(['start', 'language', 'help', 'privacy', 'delete']),
    }),
    z.object({ kind: z.literal('button'), data: z.string().min(1).max(64) }),
  ]),
});
const photoQuery = z.object({ clientMessageId, locale });
const pollQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

/**
 * The web chat's API under `/webchat/api`: the same voter conversation as the bots, for people
 * without Telegram and for trying the platform with no token. The session is an anonymous
 * random id in an HttpOnly, SameSite=Strict cookie; only its keyed pseudonym is ever stored.
 *
 * - `POST /session` starts (or keeps) the session.
 * - `POST /messages` `{ clientMessageId, locale?, input: { kind: 'text'|'command'|'button', … } }`.
 * - `POST /photo?clientMessageId=…` with the image as the body (`image/jpeg|png|webp`, ≤ 10 MB).
 * - `GET /messages?after=<version>` the rendered replies new or edited since `version`.
 */
export const webchatRoutes: FastifyPluginAsync<{ app: WebchatRoutesServices }> = async (server, { app }) => {
  await server.register(fastifyCookie);
  server.addContentTypeParser(
    [...WEBCHAT_PHOTO_TYPES],
    { parseAs: 'buffer', bodyLimit: WEBCHAT_MAX_PHOTO_BYTES },
    (_request, body, done) => done(null, body),
  );

  server.post('/session', async (request, reply) => {
    sessionOf(request, reply);
    return { ok: true, maxPhotoBytes: WEBCHAT_MAX_PHOTO_BYTES };
  });

  server.post('/messages', async (request, reply) => {
    const body = parseRequest(messageBody, request.body, 'body');
    const session = sessionOf(request, reply);
    await app.webchat.submit(session, body.input, {
      clientMessageId: body.clientMessageId,
      ...(body.locale ? { locale: body.locale } : {}),
    });
    return reply.status(202).send({ accepted: true });
  });

  server.post('/photo', { bodyLimit: WEBCHAT_MAX_PHOTO_BYTES }, async (request, reply) => {
    const query = parseRequest(photoQuery, request.query, 'query');
    const mimeType = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    if (!(WEBCHAT_PHOTO_TYPES as readonly string[]).includes(mimeType) || !Buffer.isBuffer(request.body)) {
      throw invalidInput('invalid photo', [
        { where: 'header.content-type', message: 'must be image/jpeg, image/png or image/webp' },
      ]);
    }
    if (request.body.length === 0)
      throw invalidInput('invalid photo', [{ where: 'body', message: 'is empty' }]);
    const session = sessionOf(request, reply);
    await app.webchat.submitPhoto(
      session,
      { bytes: request.body, mimeType },
      { clientMessageId: query.clientMessageId, ...(query.locale ? { locale: query.locale } : {}) },
    );
    return reply.status(202).send({ accepted: true });
  });

  server.get('/messages', async (request, reply) => {
    const { after } = parseRequest(pollQuery, request.query, 'query');
    const session = sessionOf(request, reply);
    reply.header('cache-control', 'no-store');
    return { messages: await app.webchat.messagesAfter(session, after) };
  });

  server.setErrorHandler((error, request, reply) => {
    if (error instanceof DauysError) {
      return reply
        .status(error.statusCode)
        .send({ error: error.code, message: error.message, issues: error.issues });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply
        .status(413)
        .send({ error: 'DAUYS_ERR_PAYLOAD_TOO_LARGE', message: 'photo larger than 10 MB' });
    }
    if (status === 415)
      return reply.status(415).send({ error: 'DAUYS_ERR_VALIDATION', message: 'unsupported content type' });
    if (status >= 500)
      request.log.error({ err: error, route: request.routeOptions.url }, 'web chat request failed');
    return reply.status(status >= 500 ? 500 : status).send({
      error: status >= 500 ? 'DAUYS_ERR_INTERNAL' : 'DAUYS_ERR_VALIDATION',
      message: status >= 500 ? 'internal error' : (error as Error).message,
    });
  });
};

/** The session id from the cookie, or a new one set on the reply. */
function sessionOf(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[COOKIE];
  if (WebchatService.isSessionId(existing)) return existing;
  const session = WebchatService.newSessionId();
  reply.setCookie(COOKIE, session, {
    path: '/webchat',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  return session;
}
