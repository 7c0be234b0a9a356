import crypto from 'node:crypto';

/** The cookie that carries the web chat's anonymous session id (HttpOnly, SameSite=Strict, path /webchat). */
export const WEBCHAT_SESSION_COOKIE = 'dauys_chat';

/** A new session id: 24 random bytes, so 32 base64url characters no one can guess. */
export function newWebchatSessionId(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function isWebchatSessionId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
}

/**
 * The session id in a request's Cookie header, or undefined when there is none or it is not one
 * of ours (a forged value never reaches the pseudonym).
 *
 * @example
 * webchatSessionFromCookies('theme=dark; dauys_chat=AbC…'); // 'AbC…'
 */
export function webchatSessionFromCookies(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== WEBCHAT_SESSION_COOKIE) continue;
    const id = value.join('=');
    return isWebchatSessionId(id) ? id : undefined;
  }
  return undefined;
}
