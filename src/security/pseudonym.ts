import crypto from 'node:crypto';
import type { ChannelName } from '../flows/messages';
import { deriveKey } from './derived-keys';
import { LruCache } from '../shared/lru-cache';

/** Recent senders' pseudonyms (an HMAC per webhook otherwise); bounded, in memory only. */
const recent = new LruCache<string, string>(50_000);

/**
 * The keyed pseudonym a participant is stored under: HMAC-SHA256 of channel and user id with a
 * key derived from `DAUYS_SECRET`, base64url. Stable for the same secret, so a voter keeps
 * their conversation across messages; without the secret it cannot be linked back to the
 * Telegram user or phone number (a plain hash could be reversed by hashing every id).
 *
 * @example
 * pseudonymFor(secret, 'telegram', '123456789'); // 'q3J…' (43 characters), same every time
 */
export function pseudonymFor(secret: string, channel: ChannelName, userId: string | number): string {
  return recent.getOrCompute(`${channel}:${String(userId)}\u0000${secret}`, () =>
    crypto
      .createHmac('sha256', deriveKey(secret, 'pseudonym'))
      .update(`${channel}:${String(userId)}`)
      .digest('base64url'),
  );
}
