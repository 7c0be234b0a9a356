import crypto from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP), as authenticator apps
 * implement them: HMAC-SHA1, 6 digits, 30-second steps. Written here rather than taken from a
 * package because it is forty lines and sits on the login path.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
  /** Seconds per step. */
  period?: number;
}

const DEFAULTS: Required<TotpOptions> = { algorithm: 'sha1', digits: 6, period: 30 };
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * RFC 4226 HOTP: the truncated HMAC of an 8-byte big-endian counter.
 *
 * @example
 * hotp(Buffer.from('12345678901234567890'), 1); // '287082'
 */
export function hotp(key: Buffer, counter: number, options: TotpOptions = {}): string {
  const { algorithm, digits } = { ...DEFAULTS, ...options };
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The step number a moment falls in (RFC 6238's T). */
export function totpStep(atMs: number, period = DEFAULTS.period): number {
  return Math.floor(atMs / 1000 / period);
}

/**
 * The code an authenticator shows at a moment.
 *
 * @example
 * totpCode(Buffer.from('12345678901234567890'), 59_000, { digits: 8 }); // '94287082'
 */
export function totpCode(key: Buffer, atMs: number, options: TotpOptions = {}): string {
  return hotp(key, totpStep(atMs, options.period ?? DEFAULTS.period), options);
}

/**
 * Checks a code against the current step and one step either side (clock drift), comparing in
 * constant time. Returns the matched step, so the caller can refuse a replay of that step or an
 * earlier one; `null` when no step matches.
 *
 * @example
 * const step = verifyTotp(key, '287082', Date.now());
 * if (step === null || step <= user.lastStep) refuse();
 */
export function verifyTotp(
  key: Buffer,
  code: string,
  atMs: number,
  options: TotpOptions = {},
): number | null {
  const { digits, period } = { ...DEFAULTS, ...options };
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const current = totpStep(atMs, period);
  let matched: number | null = null;
  // Check every candidate, not stopping at the first match, so time does not depend on which one.
  for (const step of [current - 1, current, current + 1]) {
    if (crypto.timingSafeEqual(Buffer.from(hotp(key, step, options)), Buffer.from(code))) matched = step;
  }
  return matched;
}

/** A fresh 160-bit secret (the size RFC 4226 recommends for SHA-1). */
export function generateTotpSecret(): Buffer {
  return crypto.randomBytes(20);
}

/**
 * RFC 4648 base32 without padding, the encoding authenticator apps expect.
 *
 * @example
 * base32Encode(Buffer.from('foobar')); // 'MZXW6YTBOI'
 */
export function base32Encode(data: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of data) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

/**
 * Reverses {@link base32Encode}; tolerates lower case, spaces and padding as people type them.
 *
 * @example
 * base32Decode('mzxw 6ytb oi======').toString(); // 'foobar'
 */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`base32: invalid character ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/**
 * The enrolment URI an authenticator app imports (Google's Key URI format).
 *
 * @example
 * totpEnrolmentUri('a@example.org', secret);
 * // 'otpauth://totp/Dauys:a@example.org?secret=…&issuer=Dauys&algorithm=SHA1&digits=6&period=30'
 */
export function totpEnrolmentUri(account: string, secret: Buffer, issuer = 'Dauys'): string {
  // '@' is legal in a URI path, and apps display the label as written.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account).replace(/%40/g, '@')}`;
  const query = `secret=${base32Encode(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
  return `otpauth://totp/${label}?${query}`;
}
