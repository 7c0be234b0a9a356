import { describe, expect, it } from 'vitest';
import { snapshotSigningKey, verifySnapshotSignature } from '../../../src/security/snapshot-signing';

describe('the snapshot-signing key', () => {
  const secret = 'unit-test-secret-0123456789abcdef0123';

  it('is the same Ed25519 key for the same DAUYS_SECRET, and another for another secret', () => {
    const key = snapshotSigningKey(secret);
    expect(key.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotSigningKey(secret).publicKey).toBe(key.publicKey);
    expect(snapshotSigningKey(`${secret}x`).publicKey).not.toBe(key.publicKey);
  });

  it('signs so that only the same message under the same key verifies', () => {
    const key = snapshotSigningKey(secret);
    const signature = key.sign('{"files":[]}');
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    expect(verifySnapshotSignature(key.publicKey, '{"files":[]}', signature)).toBe(true);
    expect(verifySnapshotSignature(key.publicKey, '{"files":[1]}', signature)).toBe(false);
    expect(
      verifySnapshotSignature(
        snapshotSigningKey('other-secret-0123456789').publicKey,
        '{"files":[]}',
        signature,
      ),
    ).toBe(false);
    const flipped = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
    expect(verifySnapshotSignature(key.publicKey, '{"files":[]}', flipped)).toBe(false);
    expect(verifySnapshotSignature('not hex', '{"files":[]}', signature)).toBe(false);
  });
});
