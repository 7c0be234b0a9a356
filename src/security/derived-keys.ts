import crypto from 'node:crypto';

/**
 * One secret (`DAUYS_SECRET`) serves several purposes; each gets its own key through HKDF so
 * that, say, a pseudonym can never be confused with — or help break — an encryption key.
 * Derivation is cached: it runs on every webhook, and the secret does not change at runtime.
 */
export type KeyPurpose = 'pseudonym' | 'field-encryption' | 'address-digest' | 'snapshot-signing';

const cache = new Map<string, Buffer>();

/**
 * The 32-byte key for one purpose.
 *
 * @example
 * const key = deriveKey(app.secret, 'pseudonym'); // key.length === 32
 */
export function deriveKey(secret: string, purpose: KeyPurpose): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = cache.get(cacheKey);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', secret, 'dauys', `dauys/${purpose}/v1`, 32));
    cache.set(cacheKey, key);
  }
  return key;
}
