/**
 * Scripted accounts walk the bot's conversation with the same pauses every time; people do not.
 * An account's fingerprint is the list of gaps between its messages, in whole seconds (the
 * resolution of Telegram's message dates). Accounts sharing a fingerprint were driven by one
 * script; how many share one is counted in the store (`ballot_reports.timing_print`).
 */

/**
 * Fewer gaps than this and two genuine voters coincide too often: at ~4 bits of spread per gap,
 * five gaps leave ~10^6 patterns, so among 30,000 voters a handful of pairs — never a crowd.
 */
export const MIN_FINGERPRINT_GAPS = 5;

/**
 * The gaps between consecutive messages of one conversation, or null when it is too short to
 * tell people apart.
 *
 * @example
 * timingFingerprint([0, 2100, 4000, 9050, 11000, 15000].map((s) => s + Date.parse('2021-01-10T09:00:00Z')));
 * // '2|2|5|2|4'
 */
export function timingFingerprint(sentAtMs: readonly number[], resolutionMs = 1000): string | null {
  if (sentAtMs.length < MIN_FINGERPRINT_GAPS + 1) return null;
  const sorted = [...sentAtMs].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((t, i) => Math.round((t - sorted[i]!) / resolutionMs));
  return gaps.join('|');
}
