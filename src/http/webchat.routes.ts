import fastifyCookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../app';
import { WEBCHAT_MAX_PHOTO_BYTES } from '../channels/webchat/webchat-webhook-channel';
import {
  isWebchatSessionId,
  newWebchatSessionId,
  WEBCHAT_SESSION_COOKIE,
} from '../channels/webchat/webchat-session';
import { parseRequest } from './parse-request';

/** What these routes use of the app, and all they can reach. */
export type WebchatRoutesServices = Pick<App, 'webchat'>;

const SESSION_DAYS = 7;

const pollQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

/**
 * The web chat's session and mailbox under `/webchat/api`: the same voter conversation as the
 * bots, for people without Telegram and for trying the platform with no token. The session is
 * an anonymous random id in an HttpOnly, SameSite=Strict cookie; only its keyed pseudonym is
 * ever stored. What the page sends (`POST /messages`, `POST /photo`) enters through the one
 * webhook plugin like every channel's messages (`src/channels/webchat/webchat-webhook-channel.ts`).
 *
 * - `POST /session` starts (or keeps) the session.
 * - `GET /messages?after=<version>` the rendered replies new or edited since `version`.
 */
export const webchatRoutes: FastifyPluginAsync<{ app: WebchatRoutesServices }> = async (server, { app }) => {
  await server.register(fastifyCookie);

  server.post('/session', async (request, reply) => {
    sessionOf(request, reply);
    return { ok: true, maxPhotoBytes: WEBCHAT_MAX_PHOTO_BYTES };
  });

  server.get('/messages', async (request, reply) => {
    const { after } = parseRequest(pollQuery, request.query, 'query');
    const session = sessionOf(request, reply);
    reply.header('cache-control', 'no-store');
    return { messages: await app.webchat.messagesAfter(session, after) };
  });
};

/** The session id from the cookie, or a new one set on the reply. */
function sessionOf(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[WEBCHAT_SESSION_COOKIE];
  if (isWebchatSessionId(existing)) return existing;
  const session = newWebchatSessionId();
  reply.setCookie(WEBCHAT_SESSION_COOKIE, session, {
    path: '/webchat',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  return session;
}
