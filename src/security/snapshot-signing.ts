import crypto from 'node:crypto';
import { deriveKey } from './derived-keys';

/**
 * The instance's snapshot-signing key. The transparency log itself signs nothing (its root is
 * published, not signed), so a snapshot's manifest is signed with an Ed25519 key derived from
 * `DAUYS_SECRET` by HKDF (purpose `snapshot-signing`): every node of an instance signs with the
 * same key, no new secret file is needed, and the key is unrelated to the pseudonym and
 * encryption keys. The public key goes into every manifest; publish it where readers can pin it.
 */
export interface SigningKey {
  /** Raw 32-byte Ed25519 public key, hex. */
  publicKey: string;
  sign(message: string): string;
}

// PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows it (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// SPKI DER prefix of an Ed25519 public key: the raw 32 bytes follow it.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function snapshotSigningKey(secret: string): SigningKey {
  const seed = deriveKey(secret, 'snapshot-signing');
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    publicKey: spki.subarray(SPKI_ED25519_PREFIX.length).toString('hex'),
    sign: (message) => crypto.sign(null, Buffer.from(message, 'utf8'), privateKey).toString('hex'),
  };
}

/** Whether `signature` (hex) is `publicKey`'s (raw hex) Ed25519 signature of `message`'s UTF-8 bytes. */
export function verifySnapshotSignature(publicKey: string, message: string, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(publicKey) || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const key = crypto.createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(publicKey, 'hex')]),
    format: 'der',
    type: 'spki',
  });
  return crypto.verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'hex'));
}
