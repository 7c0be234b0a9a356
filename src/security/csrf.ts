import crypto from 'node:crypto';

/**
 * CSRF tokens for the console. Double-submit: the token travels in a cookie (`dauys_csrf`) and,
 * on every state-changing request, in the `x-csrf-token` header; a cross-site page can make the
 * browser send the cookie but cannot read it to copy it into the header. Once signed in, the
 * token is also bound to the session — an HMAC of the session token — so a token planted
 * before login (cookie tossing from a sibling subdomain) is useless afterwards.
 */
const CSRF_LABEL = 'dauys/console-csrf/v1';

/**
 * The CSRF token that belongs to a session.
 *
 * @example
 * reply.setCookie('dauys_csrf', csrfTokenForSession(sessionToken), …);
 */
export function csrfTokenForSession(sessionToken: string): string {
  return crypto.createHmac('sha256', sessionToken).update(CSRF_LABEL).digest('base64url');
}

/** A random token for requests made before there is a session (the login form). */
export function anonymousCsrfToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * Whether a request's header token is valid: equal to the cookie and, with a session, equal to
 * the session's own token. Constant time; a missing value is never valid.
 *
 * @example
 * csrfTokenIsValid({ header, cookie, sessionToken }); // false when any part is missing
 */
export function csrfTokenIsValid(input: {
  header: string | undefined;
  cookie: string | undefined;
  sessionToken?: string | undefined;
}): boolean {
  const { header, cookie, sessionToken } = input;
  if (!header || !cookie || !safeEqual(header, cookie)) return false;
  return sessionToken === undefined || safeEqual(header, csrfTokenForSession(sessionToken));
}

/**
 * String equality in time independent of where the strings differ. Lengths may leak (hashing
 * first would hide them, but every token here has a fixed public length anyway).
 */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
