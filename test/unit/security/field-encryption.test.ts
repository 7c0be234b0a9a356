import { describe, expect, it } from 'vitest';
import { DauysError } from '../../../src/errors';
import { decryptField, encryptField, fieldDigest } from '../../../src/security/field-encryption';

const secret = 'unit-test-secret-0123456789abcdef0123';

describe('field encryption', () => {
  it('round-trips, with a fresh ciphertext each time and no plaintext in it', () => {
    const a = encryptField(secret, '123456789');
    const b = encryptField(secret, '123456789');
    expect(a).not.toBe(b);
    expect(a).not.toContain('123456789');
    expect(decryptField(secret, a)).toBe('123456789');
    expect(decryptField(secret, b)).toBe('123456789');
    expect(decryptField(secret, encryptField(secret, 'Қазақ ✓'))).toBe('Қазақ ✓');
  });

  it('refuses a wrong secret, an altered value and a bad format with a clear error', () => {
    const token = encryptField(secret, '+77011234567');
    expect(() => decryptField(`${secret}x`, token)).toThrow(/wrong DAUYS_SECRET or altered/);
    const [version, iv, body] = token.split('.');
    // Change the body's first character (six whole bits of its first byte): the old test swapped
    // the second-to-last one for 'A' or 'B', which was sometimes the same character (no change).
    const flipped = `${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
    expect(flipped).not.toBe(body);
    expect(() => decryptField(secret, `${version}.${iv}.${flipped}`)).toThrow(DauysError);
    expect(() => decryptField(secret, 'plain-text')).toThrow(/unknown format/);
    expect(() => decryptField(secret, 'v1.AAAA.AAAA')).toThrow(/truncated/);
  });

  it('digests equal values equally, under the secret', () => {
    expect(fieldDigest(secret, '42')).toBe(fieldDigest(secret, '42'));
    expect(fieldDigest(secret, '42')).not.toBe(fieldDigest(secret, '43'));
    expect(fieldDigest(`${secret}x`, '42')).not.toBe(fieldDigest(secret, '42'));
  });
});
