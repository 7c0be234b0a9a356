import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/analysis/random';
import {
  NearDuplicateIndex,
  clusterNearDuplicates,
  type HashedPhoto,
} from '../../../../src/domain/spam/duplicate-clusters';
import { hashDistance, parseHash } from '../../../../src/domain/spam/hash-distance';
import { flipBits, randomHash } from './spam-scenario';

describe('hashDistance', () => {
  it('counts differing bits over 64 and 256-bit hashes', () => {
    expect(hashDistance(parseHash('ffffffffffffffff'), parseHash('fffffffffffffffe'))).toBe(1);
    expect(hashDistance(parseHash('0000000000000000'), parseHash('ffffffffffffffff'))).toBe(64);
    expect(hashDistance(parseHash('f'.repeat(64)), parseHash('0'.repeat(63) + '1'))).toBe(255);
    expect(hashDistance(parseHash('ffffffff'), parseHash('ffffffffffffffff'))).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects what is not a hash', () => {
    expect(() => parseHash('xyz')).toThrow(/hex digits/);
  });
});

describe('NearDuplicateIndex', () => {
  it('finds exactly what a brute-force scan finds', () => {
    const rng = createRng(8);
    const photos: HashedPhoto[] = [];
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 3000; i++) {
      // A third are copies of earlier photos with a few bits changed, as re-encoding does.
      const hash =
        i > 0 && i % 3 === 0 ? flipBits(photos[rng.nextInt(i)]!.hash, rng.nextInt(6)) : randomHash(rng);
      const photo = { id: `m${i}`, account: `a${i % 700}`, hash };
      photos.push(photo);
      index.add(photo);
    }
    const parsed = photos.map((p) => parseHash(p.hash));
    for (const [i, probe] of photos.slice(0, 200).entries()) {
      const expected = photos.filter((_, j) => hashDistance(parsed[j]!, parsed[i]!) <= 4).map((p) => p.id);
      expect(
        index
          .within(probe.hash, 4)
          .map((p) => p.id)
          .sort(),
      ).toEqual(expected.sort());
    }
    expect(index.size).toBe(3000);
  });

  it('counts other accounts, not the sender resending their own photo', () => {
    const index = new NearDuplicateIndex();
    const hash = randomHash();
    index.add({ id: '1', account: 'me', hash });
    index.add({ id: '2', account: 'me', hash: flipBits(hash, 1) });
    expect(index.otherAccountsWithin({ id: '3', account: 'me', hash }, 4)).toBe(0);
    index.add({ id: '4', account: 'you', hash: flipBits(hash, 3) });
    expect(index.otherAccountsWithin({ id: '3', account: 'me', hash }, 4)).toBe(1);
    expect(index.otherAccountsWithin({ id: '3', account: 'me', hash }, 2)).toBe(0);
  });
});

describe('clusterNearDuplicates', () => {
  it('groups one image sent from many accounts and leaves unrelated photos alone', () => {
    const base = randomHash();
    const flood = Array.from({ length: 9 }, (_, i) => ({
      id: `f${i}`,
      account: `bot${i % 6}`,
      hash: flipBits(base, i % 4),
    }));
    const genuine = Array.from({ length: 50 }, (_, i) => ({
      id: `g${i}`,
      account: `voter${i}`,
      hash: randomHash(),
    }));
    const clusters = clusterNearDuplicates([...genuine, ...flood], 4);
    expect(clusters[0]!.photoIds.sort()).toEqual(flood.map((p) => p.id).sort());
    expect(clusters[0]!.accounts).toHaveLength(6);
    expect(clusters.flatMap((c) => c.photoIds).filter((id) => id.startsWith('g'))).toEqual([]);
  });
});
