import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  totpCode,
  totpEnrolmentUri,
  verifyTotp,
} from '../../../src/security/totp';

// RFC 4226 appendix D and RFC 6238 appendix B: the published test vectors.
const SHA1_KEY = Buffer.from('12345678901234567890');
const SHA256_KEY = Buffer.from('12345678901234567890123456789012');
const SHA512_KEY = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');

describe('HOTP (RFC 4226)', () => {
  it('matches appendix D for counters 0..9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(SHA1_KEY, counter))).toEqual(expected);
  });
});

describe('TOTP (RFC 6238)', () => {
  const vectors: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];

  it.each(vectors)(
    'at T=%i matches appendix B for SHA-1, SHA-256 and SHA-512',
    (seconds, sha1, sha256, sha512) => {
      const at = seconds * 1000;
      expect(totpCode(SHA1_KEY, at, { digits: 8 })).toBe(sha1);
      expect(totpCode(SHA256_KEY, at, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
      expect(totpCode(SHA512_KEY, at, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
    },
  );

  it('accepts the current step and one either side, and returns the step that matched', () => {
    const now = 1_700_000_015_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(SHA1_KEY, totpCode(SHA1_KEY, now), now)).toBe(step);
    expect(verifyTotp(SHA1_KEY, totpCode(SHA1_KEY, now - 30_000), now)).toBe(step - 1);
    expect(verifyTotp(SHA1_KEY, totpCode(SHA1_KEY, now + 30_000), now)).toBe(step + 1);
    expect(verifyTotp(SHA1_KEY, totpCode(SHA1_KEY, now - 60_000), now)).toBeNull();
    expect(verifyTotp(SHA1_KEY, totpCode(SHA1_KEY, now + 60_000), now)).toBeNull();
  });

  it('refuses malformed codes and codes for another key', () => {
    const now = 1_700_000_000_000;
    const code = totpCode(SHA1_KEY, now);
    expect(verifyTotp(SHA1_KEY, '', now)).toBeNull();
    expect(verifyTotp(SHA1_KEY, `${code}0`, now)).toBeNull();
    expect(verifyTotp(SHA1_KEY, 'abcdef', now)).toBeNull();
    expect(verifyTotp(SHA256_KEY, code, now)).toBeNull();
  });
});

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s and back', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('round-trips random secrets and tolerates how people type them', () => {
    const secret = Buffer.from('00ff10ee20dd30cc40bb50aa60997088', 'hex');
    const encoded = base32Encode(secret);
    expect(base32Decode(encoded)).toEqual(secret);
    expect(base32Decode(` ${encoded.toLowerCase().replace(/(.{4})/g, '$1 ')}==`)).toEqual(secret);
    expect(() => base32Decode('MZ1W')).toThrow(/invalid character/);
  });
});

describe('enrolment URI', () => {
  it('names the issuer and account and carries the base32 secret', () => {
    const uri = totpEnrolmentUri('ainur@example.org', SHA1_KEY);
    expect(uri).toBe(
      `otpauth://totp/Dauys:ainur@example.org?secret=${base32Encode(SHA1_KEY)}&issuer=Dauys&algorithm=SHA1&digits=6&period=30`,
    );
    expect(base32Decode(new URL(uri).searchParams.get('secret')!)).toEqual(SHA1_KEY);
  });
});
