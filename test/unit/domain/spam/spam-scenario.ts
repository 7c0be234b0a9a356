/**
 * Plain figures for the spam score's unit tests: a genuine voter's vote, with the parts a test
 * is about replaced, and hashes for the duplicate index. (The figures themselves are counted in
 * the store; test/integration/spam-figures.test.ts tests that.)
 */
import { createRng } from '../../../../src/analysis/random';
import type { BallotReportSignals } from '../../../../src/domain/spam/score-ballot-report';

const rng = createRng(2021);

/** A random 64-bit hash, hex: different photos have unrelated hashes. */
export function randomHash(seedRng = rng): string {
  return Array.from({ length: 2 }, () => (seedRng.nextInt32() >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The hash with `bits` of its low bits flipped: a re-encoded copy. */
export function flipBits(hash: string, bits: number): string {
  let value = BigInt(`0x${hash}`);
  for (let i = 0; i < bits; i++) value ^= 1n << BigInt(i * 7);
  return value.toString(16).padStart(16, '0');
}

export const confirms = (choiceId: string) => ({
  isBallot: true,
  confidence: 0.95,
  markedChoiceId: choiceId,
  marks: 1,
});
export const notABallot = { isBallot: false, confidence: 0.95, markedChoiceId: null, marks: 0 };

interface Overrides {
  account?: Partial<BallotReportSignals['account']>;
  precinct?: Partial<BallotReportSignals['precinct']>;
}

/**
 * The signals of one vote without a photo from a fresh account at a quiet precinct, with the
 * parts a test is about replaced.
 */
export function noPhotoVote(overrides: Overrides = {}): BallotReportSignals {
  return {
    statedChoiceId: 'adal',
    statedChoiceOnBallot: true,
    photo: null,
    account: {
      secondsSinceFirstMessage: 90,
      earlierMessages: 0,
      votesLastHour: 1,
      messagesLastMinute: 3,
      sameTimingAccounts: 0,
      ...overrides.account,
    },
    precinct: {
      reportsLastHour: 1,
      reportsTotal: 1,
      registeredVoters: 400,
      unconfirmedSameChoice: 0,
      ...overrides.precinct,
    },
    texts: [],
    sameTextAccounts: 0,
  };
}

/**
 * A genuine voter's vote for `choiceId`: a unique photo of their own ballot marked as stated, the
 * conversation at a person's pace, a quiet precinct — with the parts a test is about replaced.
 */
export function genuineVote(
  choiceId: string,
  overrides: Overrides & {
    photo?: Partial<NonNullable<BallotReportSignals['photo']>>;
    texts?: string[];
    sameTextAccounts?: number;
  } = {},
): BallotReportSignals {
  const base = noPhotoVote({
    account: { secondsSinceFirstMessage: 95, messagesLastMinute: 5, ...overrides.account },
    precinct: { reportsLastHour: 2, reportsTotal: 4, registeredVoters: 1200, ...overrides.precinct },
  });
  return {
    ...base,
    statedChoiceId: choiceId,
    photo: {
      reading: confirms(choiceId),
      exactDuplicateAccounts: 0,
      nearDuplicateAccounts: 0,
      ...overrides.photo,
    },
    texts: overrides.texts ?? [],
    sameTextAccounts: overrides.sameTextAccounts ?? 0,
  };
}
