/**
 * Small traffic scenarios for the spam defences: genuine voters walking the conversation at a
 * human pace with their own ballot photo, and attackers doing one thing wrong each.
 */
import { createRng } from '../../../../src/analysis/random';
import type { ObservedReport, SpamSignalTracker } from '../../../../src/domain/spam/report-tracker';
import type { BallotReportSignals } from '../../../../src/domain/spam/score-ballot-report';

export const ELECTION_DAY = Date.parse('2021-01-10T03:00:00Z');
export const MINUTE = 60_000;

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

interface VoterOptions {
  account: string;
  startMs: number;
  precinct?: string;
  registeredVoters?: number;
  choiceId?: string;
  /** Seconds between the conversation's messages; a person's are irregular. */
  gapsSeconds?: number[];
  photo?: ObservedReport['photo'] | 'own';
  texts?: string[];
}

/**
 * Walks one account through the conversation (start, language, region, district, precinct,
 * choice — one message each) and files its report; returns the report's id.
 */
export function walkConversation(tracker: SpamSignalTracker, options: VoterOptions): number {
  const gaps = options.gapsSeconds ?? Array.from({ length: 6 }, () => 3 + rng.nextInt(20));
  let at = options.startMs;
  tracker.message({ account: options.account, atMs: at });
  for (const text of options.texts ?? []) tracker.message({ account: options.account, atMs: at, text });
  for (const gap of gaps.slice(0, -1)) {
    at += gap * 1000;
    tracker.message({ account: options.account, atMs: at });
  }
  at += gaps[gaps.length - 1]! * 1000;
  const choiceId = options.choiceId ?? 'ak-zhol';
  const photo =
    options.photo === 'own' || options.photo === undefined
      ? {
          id: `photo-${options.account}-${at}`,
          sha256: randomHash() + randomHash(),
          phash: randomHash(),
          reading: confirms(choiceId),
        }
      : options.photo;
  return tracker.report({
    account: options.account,
    atMs: at,
    precinct: options.precinct ?? `precinct-of-${options.account}`,
    registeredVoters: options.registeredVoters ?? 1500,
    statedChoiceId: choiceId,
    statedChoiceOnBallot: true,
    photo,
  }).id;
}

/** Genuine voters spread over the day and over precincts. */
export function genuineVoters(tracker: SpamSignalTracker, count: number, prefix = 'voter'): number[] {
  return Array.from({ length: count }, (_, i) =>
    walkConversation(tracker, {
      account: `${prefix}-${i}`,
      startMs: ELECTION_DAY + i * 7 * MINUTE + rng.nextInt(5 * MINUTE),
      precinct: `precinct-${i % 7}`,
      choiceId: ['ak-zhol', 'nur-otan', 'adal', 'auyl', 'peoples-party'][i % 5],
    }),
  );
}

/**
 * The signals of one vote without a photo from a fresh account at a quiet precinct, with the
 * parts a test is about replaced.
 */
export function noPhotoVote(
  overrides: {
    account?: Partial<BallotReportSignals['account']>;
    precinct?: Partial<BallotReportSignals['precinct']>;
  } = {},
): BallotReportSignals {
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
