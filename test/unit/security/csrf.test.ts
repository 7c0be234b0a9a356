import { describe, expect, it } from 'vitest';
import {
  anonymousCsrfToken,
  csrfTokenForSession,
  csrfTokenIsValid,
  safeEqual,
} from '../../../src/security/csrf';

describe('CSRF tokens', () => {
  const session = 'session-token-a';
  const token = csrfTokenForSession(session);

  it('accepts the header when it equals the cookie and the session token', () => {
    expect(csrfTokenIsValid({ header: token, cookie: token, sessionToken: session })).toBe(true);
  });

  it('refuses a missing header or cookie', () => {
    expect(csrfTokenIsValid({ header: undefined, cookie: token, sessionToken: session })).toBe(false);
    expect(csrfTokenIsValid({ header: token, cookie: undefined, sessionToken: session })).toBe(false);
    expect(csrfTokenIsValid({ header: '', cookie: '', sessionToken: session })).toBe(false);
  });

  it('refuses a header that differs from the cookie', () => {
    expect(csrfTokenIsValid({ header: token, cookie: `${token}x`, sessionToken: session })).toBe(false);
  });

  it('binds the token to the session: a matching pair planted for another session is refused', () => {
    const planted = csrfTokenForSession('attacker-session');
    expect(csrfTokenIsValid({ header: planted, cookie: planted, sessionToken: session })).toBe(false);
    const anonymous = anonymousCsrfToken();
    expect(csrfTokenIsValid({ header: anonymous, cookie: anonymous, sessionToken: session })).toBe(false);
  });

  it('accepts a matching random pair before there is a session (the login form)', () => {
    const anonymous = anonymousCsrfToken();
    expect(anonymous).not.toBe(anonymousCsrfToken());
    expect(csrfTokenIsValid({ header: anonymous, cookie: anonymous })).toBe(true);
  });

  it('derives different tokens for different sessions, stably for one', () => {
    expect(csrfTokenForSession(session)).toBe(token);
    expect(csrfTokenForSession('session-token-b')).not.toBe(token);
  });

  it('compares strings for equality', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
