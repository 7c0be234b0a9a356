import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'dauys_session';
export const CSRF_COOKIE = 'dauys_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Both cookies are scoped to /console and SameSite=Strict: no other page of ours, and no other
 * site, makes the browser send them. Secure whenever the request came over HTTPS (directly or
 * through the proxy) or the public URL is HTTPS.
 */
function cookieOptions(
  request: FastifyRequest,
  secureByConfig: boolean,
  httpOnly: boolean,
): CookieSerializeOptions {
  return {
    path: '/console',
    sameSite: 'strict',
    httpOnly,
    secure: secureByConfig || request.protocol === 'https',
  };
}

/** The session token (HttpOnly: page scripts never see it) and its CSRF token (readable by the page). */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  secureByConfig: boolean,
  tokens: { session: string; csrf: string },
): void {
  reply.setCookie(SESSION_COOKIE, tokens.session, cookieOptions(request, secureByConfig, true));
  setCsrfCookie(request, reply, secureByConfig, tokens.csrf);
}

export function setCsrfCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  secureByConfig: boolean,
  csrf: string,
): void {
  reply.setCookie(CSRF_COOKIE, csrf, cookieOptions(request, secureByConfig, false));
}

export function clearSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  secureByConfig: boolean,
): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, secureByConfig, true));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(request, secureByConfig, false));
}
