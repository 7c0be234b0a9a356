import type { StationResult, VotesByChoice } from './types';

/** Ballots found in the boxes (valid + invalid): the denominator of vote shares, as in Kobak et al. */
export function ballotsCounted(station: StationResult): number {
  return station.valid + station.invalid;
}

/** Stations whose official result was published. */
export function withOfficialResult(stations: readonly StationResult[]): StationResult[] {
  return stations.filter((s) => !s.officialMissing);
}

/** Whether an independent observer was present (explicit flag first, else a positive count). */
export function isObserved(station: StationResult): boolean | undefined {
  if (station.observed !== undefined) return station.observed;
  if (station.observers !== undefined) return station.observers > 0;
  return undefined;
}

/** Sums votes per choice over stations. */
export function sumVotes(
  stations: readonly StationResult[],
  pick: (s: StationResult) => VotesByChoice | undefined,
): VotesByChoice {
  const totals: VotesByChoice = {};
  // for…in, not Object.entries: no array per station (a third of `dauys analyze --csv`'s analysis
  // time on Russia 2011's 95,000 stations went to those arrays and their garbage).
  for (const station of stations) {
    const votes = pick(station);
    if (!votes) continue;
    for (const choice in votes) totals[choice] = (totals[choice] ?? 0) + votes[choice]!;
  }
  return totals;
}

/** Every choice id that appears in the official votes. */
export function choiceIds(stations: readonly StationResult[]): string[] {
  const ids = new Set<string>();
  for (const station of stations) for (const id in station.votes) ids.add(id);
  return [...ids];
}

/**
 * The leader: the given choice, else the one with the most official votes.
 *
 * @example
 * leaderOf(stations) // 'putin'
 */
export function leaderOf(stations: readonly StationResult[], preferred?: string): string {
  if (preferred) return preferred;
  const totals = sumVotes(withOfficialResult(stations), (s) => s.votes);
  let best = '';
  let bestVotes = -1;
  for (const [choice, votes] of Object.entries(totals)) {
    if (votes > bestVotes) {
      best = choice;
      bestVotes = votes;
    }
  }
  return best;
}

/** Σ numerator / Σ denominator, NaN when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : NaN;
}
