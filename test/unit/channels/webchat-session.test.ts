import { describe, expect, it } from 'vitest';
import {
  newWebchatSessionId,
  webchatSessionFromCookies,
} from '../../../src/channels/webchat/webchat-session';

describe('the web chat session cookie', () => {
  const id = newWebchatSessionId();

  it('finds the session among other cookies', () => {
    expect(webchatSessionFromCookies(`theme=dark; dauys_chat=${id}; lang=kk`)).toBe(id);
    expect(webchatSessionFromCookies(`dauys_chat=${id}`)).toBe(id);
  });

  it('refuses a missing or forged value, so it never reaches the pseudonym', () => {
    expect(webchatSessionFromCookies(undefined)).toBeUndefined();
    expect(webchatSessionFromCookies('theme=dark')).toBeUndefined();
    expect(webchatSessionFromCookies('dauys_chat=short')).toBeUndefined();
    expect(webchatSessionFromCookies(`dauys_chat=${id.slice(0, 31)}!`)).toBeUndefined();
    expect(webchatSessionFromCookies(`other_dauys_chat=${id}`)).toBeUndefined();
  });

  it('makes ids that do not repeat', () => {
    expect(new Set(Array.from({ length: 100 }, newWebchatSessionId)).size).toBe(100);
  });
});
