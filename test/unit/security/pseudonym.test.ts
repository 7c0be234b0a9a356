import { describe, expect, it } from 'vitest';
import { pseudonymFor } from '../../../src/security/pseudonym';

const secret = 'unit-test-secret-0123456789abcdef0123';

describe('pseudonymFor', () => {
  it('is stable for one secret, channel and user', () => {
    expect(pseudonymFor(secret, 'telegram', 123456789)).toBe(pseudonymFor(secret, 'telegram', '123456789'));
  });

  it('differs by channel, by user and by secret', () => {
    const base = pseudonymFor(secret, 'telegram', 42);
    expect(pseudonymFor(secret, 'whatsapp', 42)).not.toBe(base);
    expect(pseudonymFor(secret, 'telegram', 43)).not.toBe(base);
    expect(pseudonymFor(`${secret}x`, 'telegram', 42)).not.toBe(base);
  });

  it('is base64url and does not contain the user id', () => {
    const pseudonym = pseudonymFor(secret, 'telegram', 987654321);
    expect(pseudonym).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pseudonym).not.toContain('987654321');
  });
});
