import crypto from 'node:crypto';
import { DauysError } from '../errors';
import { deriveKey } from './derived-keys';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts one field (a chat id, a phone number) for storage: AES-256-GCM under a key derived
 * from `DAUYS_SECRET`, a fresh random IV each time, as `v1.<iv>.<ciphertext+tag>` in base64url.
 * Authenticated, so a tampered or swapped value fails to decrypt instead of yielding garbage.
 *
 * @example
 * const token = encryptField(secret, '123456789');
 * decryptField(secret, token); // '123456789'
 */
export function encryptField(secret: string, plaintext: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(secret, 'field-encryption'), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/**
 * Reverses {@link encryptField}. Throws `DAUYS_ERR_INTERNAL` naming the problem (bad format,
 * wrong secret or altered data) — never returns a wrong plaintext.
 *
 * @example
 * decryptField(secret, encryptField(secret, 'x')); // 'x'
 */
export function decryptField(secret: string, token: string): string {
  const [version, ivPart, bodyPart, ...rest] = token.split('.');
  if (version !== VERSION || !ivPart || !bodyPart || rest.length > 0) {
    throw new DauysError(
      'DAUYS_ERR_INTERNAL',
      `encrypted field: unknown format (expected ${VERSION}.<iv>.<data>)`,
    );
  }
  const iv = Buffer.from(ivPart, 'base64url');
  const body = Buffer.from(bodyPart, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) {
    throw new DauysError('DAUYS_ERR_INTERNAL', 'encrypted field: truncated value');
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(secret, 'field-encryption'), iv);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new DauysError(
      'DAUYS_ERR_INTERNAL',
      'encrypted field: cannot decrypt (wrong DAUYS_SECRET or altered data)',
    );
  }
}

/**
 * A keyed digest of a field, to tell whether a stored encrypted value changed without
 * decrypting it (the random IV makes two encryptions of one value differ).
 *
 * @example
 * fieldDigest(secret, '42') === fieldDigest(secret, '42'); // true
 */
export function fieldDigest(secret: string, plaintext: string): string {
  return crypto
    .createHmac('sha256', deriveKey(secret, 'address-digest'))
    .update(plaintext)
    .digest('base64url');
}
