import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ElectionDefinition } from '../../../src/domain/election/election-definition';
import { generateBallotPhoto, randomMarking } from '../../../src/simulation/ballot-image';
import { createRng } from '../../../src/simulation/seeded';
import { UNRELATED_KINDS, generateUnrelatedImage } from '../../../src/simulation/unrelated-image';
import { demoElection } from '../domain/demo-election';

const election = demoElection();

describe('generateBallotPhoto', () => {
  it(
    'gives the same JPEG for the same seed and a different one for another seed',
    { timeout: 60_000 },
    async () => {
      const marking = { kind: 'one', choiceId: 'auyl' } as const;
      const first = await generateBallotPhoto(election, { seed: 7, marking });
      const again = await generateBallotPhoto(election, { seed: 7, marking });
      const other = await generateBallotPhoto(election, { seed: 8, marking });
      expect(again.jpeg.equals(first.jpeg)).toBe(true);
      expect(other.jpeg.equals(first.jpeg)).toBe(false);
      const meta = await sharp(first.jpeg).metadata();
      expect(meta.format).toBe('jpeg');
      expect(Math.max(meta.width!, meta.height!)).toBe(first.conditions.longSide);
    },
  );

  it(
    'records the truth in ballot order and applies pinned photo conditions',
    { timeout: 60_000 },
    async () => {
      const photo = await generateBallotPhoto(election, {
        seed: 9,
        marking: { kind: 'two', choiceIds: ['peoples-party', 'ak-zhol'] },
        conditions: { rotationDegrees: -6, landscape: true, longSide: 1000 },
      });
      expect(photo.markedChoiceIds).toEqual(['ak-zhol', 'peoples-party']);
      expect(photo.conditions).toMatchObject({ rotationDegrees: -6, landscape: true });
      const meta = await sharp(photo.jpeg).metadata();
      expect([meta.width, meta.height]).toEqual([1000, 750]);
    },
  );

  it('draws the ballot of any election, however many choices', { timeout: 60_000 }, async () => {
    for (const count of [2, 12]) {
      const choices = Array.from({ length: count }, (_, i) => ({
        ...election.choices[i % 5]!,
        id: `c-${i}`,
      }));
      const other: ElectionDefinition = { ...election, choices };
      const photo = await generateBallotPhoto(other, {
        seed: count,
        marking: { kind: 'one', choiceId: `c-${count - 1}` },
      });
      expect(photo.markedChoiceIds).toEqual([`c-${count - 1}`]);
    }
  });

  it('refuses a choice that is not on the ballot', async () => {
    await expect(
      generateBallotPhoto(election, { seed: 1, marking: { kind: 'one', choiceId: 'against-all' } }),
    ).rejects.toThrow(/not a ballot choice/);
  });

  it('mixes markings as voters do: mostly one box, some blank or spoiled', () => {
    const rng = createRng(3);
    const kinds = Array.from({ length: 1000 }, () => randomMarking(election, rng).kind);
    const share = (kind: string) => kinds.filter((k) => k === kind).length / kinds.length;
    expect(share('one')).toBeGreaterThan(0.85);
    expect(share('none')).toBeGreaterThan(0.02);
    expect(share('two')).toBeGreaterThan(0.02);
  });
});

describe('generateUnrelatedImage', () => {
  it.each(UNRELATED_KINDS)('makes a reproducible %s JPEG', { timeout: 60_000 }, async (kind) => {
    const first = await generateUnrelatedImage({ seed: 5, kind });
    const again = await generateUnrelatedImage({ seed: 5, kind });
    expect(first.kind).toBe(kind);
    expect(again.jpeg.equals(first.jpeg)).toBe(true);
    expect((await sharp(first.jpeg).metadata()).format).toBe('jpeg');
  });
});
