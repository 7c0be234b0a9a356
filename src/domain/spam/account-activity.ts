/**
 * The account figures of the spam score, from the dates of the account's messages (their own
 * dates: a message delayed by a blackout counts when it was sent). `SpamScoringService` reads
 * the dates from the inbox (`SpamSignalsRepository.accountHistory`) and computes them here.
 */
import { timingFingerprint } from './timing-fingerprint';

/** A gap this long between messages starts a new conversation (earlier ones are "history"). */
export const CONVERSATION_GAP_MS = 60 * 60_000;
/** Texts shorter than this (a place name, "yes") are shared by genuine voters all the time. */
export const MIN_COPIED_TEXT_LENGTH = 16;
const MINUTE_MS = 60_000;

export interface AccountActivity {
  /** Seconds from the account's first message to this one. */
  secondsSinceFirstMessage: number;
  /** Messages before this conversation began. */
  earlierMessages: number;
  /** Messages in the minute up to this one (this one included). */
  messagesLastMinute: number;
  /** The conversation's timing fingerprint, or null when too short to tell people apart. */
  timingPrint: string | null;
}

/**
 * Index of the first message of the conversation that ends with the last of `sortedTimes`.
 *
 * @example
 * conversationStart([0, 10_000, 7_200_000, 7_210_000]); // 2
 */
export function conversationStart(sortedTimes: readonly number[]): number {
  let start = sortedTimes.length - 1;
  while (start > 0 && sortedTimes[start]! - sortedTimes[start - 1]! < CONVERSATION_GAP_MS) start--;
  return Math.max(0, start);
}

/**
 * Account figures as of `atMs`, from the account's message dates (any order; later ones are
 * ignored). `firstAtMs` is the account's very first message when the dates are a recent slice.
 *
 * @example
 * accountActivity([t0, t0 + 20_000, t0 + 45_000], t0 + 45_000);
 * // { secondsSinceFirstMessage: 45, earlierMessages: 0, messagesLastMinute: 3, timingPrint: null }
 */
export function accountActivity(times: readonly number[], atMs: number, firstAtMs?: number): AccountActivity {
  const sorted = times.filter((t) => t <= atMs).sort((a, b) => a - b);
  if (sorted.length === 0 || sorted[sorted.length - 1]! < atMs) sorted.push(atMs);
  const start = conversationStart(sorted);
  const first = Math.min(firstAtMs ?? sorted[0]!, sorted[0]!);
  return {
    secondsSinceFirstMessage: (atMs - first) / 1000,
    earlierMessages: start + (firstAtMs !== undefined && firstAtMs < sorted[0]! ? 1 : 0),
    messagesLastMinute: sorted.filter((t) => t > atMs - MINUTE_MS).length,
    timingPrint: timingFingerprint(sorted.slice(start)),
  };
}

/**
 * The form in which texts are compared across accounts, or null when too short to be telling.
 *
 * @example
 * copiedTextKey('  Vote  for   NUR OTAN today! '); // 'vote for nur otan today!'
 */
export function copiedTextKey(text: string): string | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return key.length >= MIN_COPIED_TEXT_LENGTH ? key : null;
}
