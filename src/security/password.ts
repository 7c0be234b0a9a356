import crypto from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The stored form carries its own
 * parameters, PHC-style — `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` — so the cost can be raised
 * later without invalidating existing hashes.
 */
export interface ScryptCost {
  /** log2 of N. */
  ln: number;
  r: number;
  p: number;
}

/** ~32 MiB and ~100 ms per hash on a 2-core server: slow for a guesser, fine for a login. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { ln: 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function scrypt(password: string, salt: Buffer, cost: ScryptCost, keyLength: number): Promise<Buffer> {
  const N = 2 ** cost.ln;
  return new Promise((resolve, reject) =>
    crypto.scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/**
 * Hashes a password with a fresh salt (off the event loop).
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 * await verifyPassword('correct horse battery staple', stored); // true
 */
export async function hashPassword(
  password: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, cost, KEY_BYTES);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Checks a password against a stored hash in constant time. A malformed stored value is
 * `false`, never an exception a caller might turn into a different answer.
 *
 * @example
 * await verifyPassword('guess', stored); // false
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const cost = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  // Refuse absurd parameters from a tampered row rather than allocate gigabytes.
  if (cost.ln < 10 || cost.ln > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) return false;
  const expected = Buffer.from(match[5]!, 'base64url');
  const key = await scrypt(password, Buffer.from(match[4]!, 'base64url'), cost, expected.length);
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows, to verify against when the account does not exist, so a
 * login for an unknown email costs the same as one for a known email (no user enumeration).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('base64url'));
  return dummyHash;
}

/**
 * A one-time password for a new account: 16 characters from an unambiguous alphabet
 * (~90 bits), printed once and replaced by the user at first login.
 *
 * @example
 * generateOneTimePassword(); // 'k7Qm-x2Pd-9TfR-hW3n'
 */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 16 }, () => alphabet[crypto.randomInt(alphabet.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The rule for a password a person chooses: long enough; no composition rules (NIST 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
