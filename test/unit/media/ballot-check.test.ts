import { describe, expect, it } from 'vitest';
import type { ElectionDefinition } from '../../../src/domain/election/election-definition';
import { MARKED_INK_SHARE, checkBallotPhoto } from '../../../src/media/ballot-check';
import { generateBallotPhoto, randomMarking } from '../../../src/simulation/ballot-image';
import { createRng } from '../../../src/simulation/seeded';
import { UNRELATED_KINDS, generateUnrelatedImage } from '../../../src/simulation/unrelated-image';
import { demoElection } from '../domain/demo-election';

const election = demoElection();
const last = election.choices[election.choices.length - 1]!.id;

describe('checkBallotPhoto on generated ballot photos', () => {
  it('reads the marked box right on at least 95% of 60 seeded photos', { timeout: 300_000 }, async () => {
    let right = 0;
    const misses: string[] = [];
    for (let seed = 5001; seed <= 5060; seed++) {
      const photo = await generateBallotPhoto(election, { seed, marking: randomMarking(election, createRng(seed)) });
      const result = await checkBallotPhoto(photo.jpeg, election);
      const truth = photo.markedChoiceIds;
      const ok = result.isBallot && result.marks === truth.length && result.markedChoiceId === (truth.length === 1 ? truth[0] : null);
      if (ok) right++;
      else misses.push(`${seed}: ${truth.join('+')} read as ${result.signals.join(' ')}`);
    }
    expect(right / 60, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('reads a sheet turned 8° with a strong tilt, marked in the last box', { timeout: 60_000 }, async () => {
    for (const rotationDegrees of [8, -8]) {
      const photo = await generateBallotPhoto(election, {
        seed: 41,
        marking: { kind: 'one', choiceId: last },
        conditions: { rotationDegrees, perspective: 1 },
      });
      const result = await checkBallotPhoto(photo.jpeg, election);
      expect(result).toMatchObject({ isBallot: true, markedChoiceId: last, marks: 1 });
      expect(result.signals).toEqual(['sheet-found', 'boxes:5/5', `marked:${last}`]);
    }
  });

  it('reads a dim photo with a shadow and light falling off across it', { timeout: 60_000 }, async () => {
    const photo = await generateBallotPhoto(election, {
      seed: 42,
      marking: { kind: 'one', choiceId: 'adal' },
      conditions: { brightness: 0.45, lightingGradient: 0.45, shadow: true, noiseSigma: 8, jpegQuality: 50 },
    });
    const result = await checkBallotPhoto(photo.jpeg, election);
    expect(result).toMatchObject({ isBallot: true, markedChoiceId: 'adal', marks: 1 });
  });

  it('tells a blank ballot and a ballot with two marks apart from a vote', { timeout: 60_000 }, async () => {
    const blank = await checkBallotPhoto((await generateBallotPhoto(election, { seed: 43, marking: { kind: 'none' } })).jpeg, election);
    expect(blank).toMatchObject({ isBallot: true, markedChoiceId: null, marks: 0 });
    expect(blank.signals).toContain('no-mark');
    const two = await checkBallotPhoto(
      (await generateBallotPhoto(election, { seed: 44, marking: { kind: 'two', choiceIds: ['nur-otan', last] } })).jpeg,
      election,
    );
    expect(two).toMatchObject({ isBallot: true, markedChoiceId: null, marks: 2 });
    expect(two.signals).toContain('several-marks:2');
    expect(two.inkByChoice[1]).toBeGreaterThanOrEqual(MARKED_INK_SHARE);
    expect(two.inkByChoice[4]).toBeGreaterThanOrEqual(MARKED_INK_SHARE);
  });
});

describe('checkBallotPhoto on pictures that are not this ballot', () => {
  it.each(UNRELATED_KINDS)('says a %s picture is not a ballot', { timeout: 60_000 }, async (kind) => {
    for (const seed of [1, 2, 3]) {
      const image = await generateUnrelatedImage({ seed, kind });
      const result = await checkBallotPhoto(image.jpeg, election);
      expect(result.isBallot, `${kind} seed ${seed}: ${result.signals.join(' ')}`).toBe(false);
      expect(result.markedChoiceId).toBeNull();
    }
  });

  it("says another election's ballot (seven choices) is not this election's", { timeout: 60_000 }, async () => {
    const choices = Array.from({ length: 7 }, (_, i) => ({ ...election.choices[i % 5]!, id: `party-${i}` }));
    const other: ElectionDefinition = { ...election, slug: 'other', choices };
    const photo = await generateBallotPhoto(other, { seed: 45, marking: { kind: 'one', choiceId: 'party-2' } });
    const result = await checkBallotPhoto(photo.jpeg, election);
    expect(result.isBallot).toBe(false);
    expect(result.signals).toContain('boxes:7/5');
    expect(await checkBallotPhoto(photo.jpeg, other)).toMatchObject({ isBallot: true, markedChoiceId: 'party-2' });
  });

  it('says bytes that are no image are not a ballot', async () => {
    const result = await checkBallotPhoto(Buffer.from('not an image at all'), election);
    expect(result).toMatchObject({ isBallot: false, signals: ['unreadable-image'] });
  });
});
