import { describe, expect, it } from 'vitest';
import type { ElectionDefinition } from '../../../src/domain/election/election-definition';
import { tallyMove, votersBlock } from '../../../src/services/voter-tally.service';

const names = (en: string) => ({ kk: en, ru: en, en });
const election = {
  choices: [
    { id: 'a', kind: 'party', names: names('A') },
    { id: 'b', kind: 'party', names: names('B') },
  ],
  voterOnlyChoices: [{ id: 'against-all', names: names('Against all') }],
} as unknown as ElectionDefinition;

describe('votersBlock', () => {
  it('counts every status as received, and only non-spam in the shares', () => {
    const block = votersBlock(
      [
        { choiceId: 'a', status: 'confirmed', delayed: false, count: 3 },
        { choiceId: 'a', status: 'spam', delayed: false, count: 5 },
        { choiceId: 'b', status: 'no_photo', delayed: true, count: 1 },
        { choiceId: 'against-all', status: 'pending_review', delayed: false, count: 1 },
      ],
      election,
      2,
    );
    expect(block).toMatchObject({
      received: 10,
      counted: 5,
      confirmed: 3,
      noPhoto: 1,
      pendingReview: 1,
      spam: 5,
      againstAll: 1,
      delayed: 1,
      precinctsCovered: 2,
      shares: { spam: 0.5, noPhoto: 0.1, againstAll: 0.1 },
    });
    expect(block.choices).toEqual([
      { id: 'a', names: names('A'), count: 3, share: 0.6 },
      { id: 'b', names: names('B'), count: 1, share: 0.2 },
      { id: 'against-all', names: names('Against all'), count: 1, share: 0.2 },
    ]);
  });

  it('has no shares before any vote is counted', () => {
    expect(votersBlock([], election, 0).choices.every((c) => c.share === null && c.count === 0)).toBe(true);
    expect(votersBlock([], election, 0).shares).toEqual({ spam: null, noPhoto: null, againstAll: null });
  });
});

describe('tallyMove', () => {
  it('takes the old vote out of every enclosing area and puts the new one in', () => {
    const before = { path: ['r1', 'd1', 'p1'], choiceId: 'a', status: 'no_photo' as const, delayed: false };
    const after = { ...before, path: ['r1', 'd2', 'p7'], choiceId: 'b' };
    expect(tallyMove(before, after)).toEqual([
      { areaCode: 'r1', choiceId: 'a', status: 'no_photo', delayed: false, delta: -1 },
      { areaCode: 'd1', choiceId: 'a', status: 'no_photo', delayed: false, delta: -1 },
      { areaCode: 'p1', choiceId: 'a', status: 'no_photo', delayed: false, delta: -1 },
      { areaCode: 'r1', choiceId: 'b', status: 'no_photo', delayed: false, delta: 1 },
      { areaCode: 'd2', choiceId: 'b', status: 'no_photo', delayed: false, delta: 1 },
      { areaCode: 'p7', choiceId: 'b', status: 'no_photo', delayed: false, delta: 1 },
    ]);
    expect(tallyMove(undefined, undefined)).toEqual([]);
  });
});
