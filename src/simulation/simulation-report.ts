/**
 * `dauys simulate --report`: the platform's published figures (the public API's summary) next
 * to the simulated day's truth, and the gaps between them.
 */
import type { ScenarioTruth } from './scenario-truth';

/** The parts of `GET /api/v1/elections/:slug/summary` the report reads. */
export interface PublishedVoters {
  received: number;
  counted: number;
  spam: number;
  pendingReview: number;
  choices: Array<{ id: string; count: number; share: number | null }>;
}

/** The parts of the summary's `observers` block the report reads. */
export interface PublishedObservers {
  protocolsReceived: number;
  accepted: number;
  rejected: number;
  needsReview: number;
  rejectedReasons: Record<string, number>;
  choices: Array<{ id: string; votes: number }>;
}

export interface PublishedSummary {
  voters: PublishedVoters;
  observers?: PublishedObservers | null;
  official: {
    precinctsReported: number;
    choices: Array<{ id: string; votes: number; share: number | null }>;
  } | null;
}

export interface ChoiceComparison {
  id: string;
  trueVotes: number;
  trueShare: number;
  published: number;
  publishedShare: number;
  /** Published share minus true share, in percentage points. */
  gapPoints: number;
}

export interface SimulationComparison {
  genuineVoters: number;
  attackAccounts: number;
  published: { received: number; counted: number; spam: number; pendingReview: number };
  /** Counted reports beyond the genuine voters (spam that got through), or missing ones if negative. */
  countedMinusGenuine: number;
  choices: ChoiceComparison[];
  /** The largest |gap| of any choice, percentage points. */
  largestGapPoints: number;
  /** Official shares vs the truth (ballot choices only), when official results are published. */
  official?: { precinctsReported: number; choices: ChoiceComparison[]; largestGapPoints: number };
  /** The observers' protocols: the verdicts and figures expected against what was published. */
  observers?: ObserversComparison;
  /** Where observers' protocols and official results disagree, against where the truth falsified. */
  falsification?: FalsificationComparison;
}

/** One precinct whose observer's protocol must be accepted: both sources' votes per choice. */
export interface WitnessedPrecinct {
  code: string;
  official: Record<string, number> | null;
  observers: Record<string, number> | null;
}

export interface FalsificationComparison {
  /** Precincts with a protocol that must be accepted. */
  witnessed: number;
  /** Of those, with official results published. */
  withOfficial: number;
  /** Of those, where the published official votes differ from the observers'. */
  differ: number;
  /** Of those with official results, where the truth falsified the official count. */
  falsified: number;
  /** Falsified and found to differ. */
  caught: number;
  /** Differ although not falsified. */
  falseAlarms: number;
}

export interface ObserversComparison {
  expected: { received: number; accepted: number; rejected: number; needsReview: number };
  published: { received: number; accepted: number; rejected: number; needsReview: number };
  expectedReasons: Record<string, number>;
  publishedReasons: Record<string, number>;
  /** Each choice's votes in the accepted protocols: the truth against the observers' column. */
  choices: ChoiceComparison[];
  largestGapPoints: number;
  /** Every verdict count, reason count and vote count is exactly as expected. */
  exact: boolean;
}

/**
 * @example
 * const comparison = compareWithTruth(await fetchSummary(target, truth.election), truth);
 * comparison.largestGapPoints; // 0.4
 */
export function compareWithTruth(summary: PublishedSummary, truth: ScenarioTruth): SimulationComparison {
  const genuine = truth.genuine.voters;
  const attackAccounts = Object.values(truth.attacks).reduce((sum, attack) => sum + attack.accounts, 0);
  const voters = minusBaseline(summary.voters, truth.baseline);
  const counted = voters.counted;
  const choices = voters.choices.map((choice) => {
    const trueVotes = truth.genuine.votes[choice.id] ?? 0;
    return comparison(choice.id, trueVotes, genuine, choice.count, counted);
  });
  const result: SimulationComparison = {
    genuineVoters: genuine,
    attackAccounts,
    published: {
      received: voters.received,
      counted,
      spam: voters.spam,
      pendingReview: voters.pendingReview,
    },
    countedMinusGenuine: counted - genuine,
    choices,
    largestGapPoints: largestGap(choices),
  };
  if (summary.official) {
    const ballotIds = new Set(summary.official.choices.map((choice) => choice.id));
    const trueBallotVotes = Object.entries(truth.genuine.votes)
      .filter(([id]) => ballotIds.has(id))
      .reduce((sum, [, n]) => sum + n, 0);
    const officialValid = summary.official.choices.reduce((sum, choice) => sum + choice.votes, 0);
    const officialChoices = summary.official.choices.map((choice) =>
      comparison(
        choice.id,
        truth.genuine.votes[choice.id] ?? 0,
        trueBallotVotes,
        choice.votes,
        officialValid,
      ),
    );
    result.official = {
      precinctsReported: summary.official.precinctsReported,
      choices: officialChoices,
      largestGapPoints: largestGap(officialChoices),
    };
  }
  if (truth.observers) result.observers = compareObservers(summary.observers, truth);
  return result;
}

function compareObservers(
  summary: PublishedObservers | null | undefined,
  truth: ScenarioTruth,
): ObserversComparison {
  const expected = truth.observers!;
  const before = truth.observersBaseline;
  const minus = (now: number | undefined, then: number | undefined) => (now ?? 0) - (then ?? 0);
  const published = {
    received: minus(summary?.protocolsReceived, before?.protocolsReceived),
    accepted: minus(summary?.accepted, before?.accepted),
    rejected: minus(summary?.rejected, before?.rejected),
    needsReview: minus(summary?.needsReview, before?.needsReview),
  };
  const reasons = new Set([
    ...Object.keys(summary?.rejectedReasons ?? {}),
    ...Object.keys(expected.rejectedReasons),
  ]);
  const publishedReasons = Object.fromEntries(
    [...reasons].map((reason) => [
      reason,
      minus(summary?.rejectedReasons[reason], before?.rejectedReasons[reason]),
    ]),
  );
  const votesOf = (block: PublishedObservers | null | undefined, id: string) =>
    block?.choices.find((choice) => choice.id === id)?.votes ?? 0;
  const ids = Object.keys(expected.votes);
  const trueTotal = ids.reduce((sum, id) => sum + expected.votes[id]!, 0);
  const publishedVotes = ids.map((id) => minus(votesOf(summary, id), votesOf(before, id)));
  const publishedTotal = publishedVotes.reduce((sum, n) => sum + n, 0);
  const choices = ids.map((id, index) =>
    comparison(id, expected.votes[id]!, trueTotal, publishedVotes[index]!, publishedTotal),
  );
  const expectedCounts = {
    received: expected.observers,
    accepted: expected.accepted,
    rejected: expected.rejected,
    needsReview: expected.needsReview,
  };
  const exact =
    JSON.stringify(expectedCounts) === JSON.stringify(published) &&
    [...reasons].every((reason) => (expected.rejectedReasons[reason] ?? 0) === publishedReasons[reason]) &&
    choices.every((choice) => choice.published === choice.trueVotes);
  return {
    expected: expectedCounts,
    published,
    expectedReasons: expected.rejectedReasons,
    publishedReasons,
    choices,
    largestGapPoints: largestGap(choices),
    exact,
  };
}

/** The comparison as the lines `dauys simulate --report` prints. */
export function formatComparison(result: SimulationComparison): string[] {
  const pct = (share: number) => `${(share * 100).toFixed(2)}%`;
  const gap = (points: number) => `${points >= 0 ? '+' : ''}${points.toFixed(2)} pt`;
  const lines = [
    `genuine voters (truth): ${result.genuineVoters}; attack accounts (truth): ${result.attackAccounts}`,
    `published: received ${result.published.received}, counted ${result.published.counted}, spam ${result.published.spam}, pending review ${result.published.pendingReview}`,
    `counted − genuine: ${result.countedMinusGenuine >= 0 ? '+' : ''}${result.countedMinusGenuine}`,
    'choice            true votes  true share  published  published share  gap',
    ...result.choices.map(
      (c) =>
        `${c.id.padEnd(18)}${String(c.trueVotes).padStart(10)}  ${pct(c.trueShare).padStart(10)}  ${String(c.published).padStart(9)}  ${pct(c.publishedShare).padStart(15)}  ${gap(c.gapPoints)}`,
    ),
    `largest gap, voters' figures vs truth: ${result.largestGapPoints.toFixed(2)} pt`,
  ];
  if (result.official) {
    lines.push(
      `official results (${result.official.precinctsReported} precincts) vs truth, largest gap: ${result.official.largestGapPoints.toFixed(2)} pt`,
      ...result.official.choices.map(
        (c) =>
          `  ${c.id.padEnd(16)} official ${pct(c.publishedShare).padStart(8)}  true ${pct(c.trueShare).padStart(8)}  ${gap(c.gapPoints)}`,
      ),
    );
  }
  if (result.observers) lines.push(...formatObservers(result.observers));
  const f = result.falsification;
  if (f) {
    lines.push(
      f.withOfficial === 0
        ? `official results vs observers' protocols: no official results published at the ${f.witnessed} precincts with an accepted protocol`
        : `official results vs observers' protocols at ${f.withOfficial} precincts: differ at ${f.differ}; the truth falsified ${f.falsified} of them, ${f.caught} caught, ${f.falseAlarms} false alarms`,
    );
  }
  return lines;
}

function formatObservers(observers: ObserversComparison): string[] {
  const counts = (c: ObserversComparison['expected']) =>
    `received ${c.received}, accepted ${c.accepted}, rejected ${c.rejected}, needs review ${c.needsReview}`;
  const reasons = (r: Record<string, number>) =>
    Object.entries(r)
      .filter(([, n]) => n !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ') || 'none';
  return [
    `observers' protocols expected: ${counts(observers.expected)}; rejected for: ${reasons(observers.expectedReasons)}`,
    `observers' protocols published: ${counts(observers.published)}; rejected for: ${reasons(observers.publishedReasons)}`,
    ...observers.choices.map(
      (c) =>
        `  ${c.id.padEnd(16)} observers ${String(c.published).padStart(7)}  true ${String(c.trueVotes).padStart(7)}`,
    ),
    `observers' figures vs truth: ${observers.exact ? 'exact' : `differ, largest share gap ${observers.largestGapPoints.toFixed(2)} pt`}`,
  ];
}

/**
 * Everything `--report` compares, read from the public API: the whole election's summary, and
 * with observers and official results each witnessed precinct's, to see whether the observers'
 * protocols expose the precincts the truth falsified.
 *
 * @example
 * formatComparison(await compareRunWithTruth('http://127.0.0.1:8080', truth)).join('\n');
 */
export async function compareRunWithTruth(
  target: string,
  truth: ScenarioTruth,
): Promise<SimulationComparison> {
  const result = compareWithTruth(await fetchSummary(target, truth.election), truth);
  if (truth.observers && truth.official) {
    const witnessed: WitnessedPrecinct[] = [];
    for (const protocol of truth.observers.protocols) {
      if (protocol.expected !== 'accepted') continue;
      const summary = await fetchSummary(target, truth.election, protocol.precinctCode);
      witnessed.push({
        code: protocol.precinctCode,
        official: summary.official ? votesById(summary.official.choices) : null,
        observers: summary.observers ? votesById(summary.observers.choices) : null,
      });
    }
    result.falsification = compareFalsification(witnessed, truth.official.falsifiedPrecincts);
  }
  return result;
}

/**
 * @example
 * compareFalsification([{ code: 'p1', official: { a: 60 }, observers: { a: 50 } }], ['p1']).caught; // 1
 */
export function compareFalsification(
  witnessed: readonly WitnessedPrecinct[],
  falsifiedPrecincts: readonly string[],
): FalsificationComparison {
  const falsified = new Set(falsifiedPrecincts);
  const result: FalsificationComparison = {
    witnessed: witnessed.length,
    withOfficial: 0,
    differ: 0,
    falsified: 0,
    caught: 0,
    falseAlarms: 0,
  };
  for (const precinct of witnessed) {
    if (!precinct.official) continue;
    result.withOfficial += 1;
    const ids = new Set([...Object.keys(precinct.official), ...Object.keys(precinct.observers ?? {})]);
    const differ = [...ids].some((id) => (precinct.official![id] ?? 0) !== (precinct.observers?.[id] ?? 0));
    const wasFalsified = falsified.has(precinct.code);
    if (differ) result.differ += 1;
    if (wasFalsified) result.falsified += 1;
    if (differ && wasFalsified) result.caught += 1;
    if (differ && !wasFalsified) result.falseAlarms += 1;
  }
  return result;
}

/** Reads the summary of the whole election, or of one area, from the public API. */
export async function fetchSummary(target: string, slug: string, area?: string): Promise<PublishedSummary> {
  const url = new URL(`/api/v1/elections/${encodeURIComponent(slug)}/summary`, target);
  if (area) url.searchParams.set('area', area);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}`);
  return (await response.json()) as PublishedSummary;
}

function votesById(choices: ReadonlyArray<{ id: string; votes: number }>): Record<string, number> {
  return Object.fromEntries(choices.map((choice) => [choice.id, choice.votes]));
}

function comparison(
  id: string,
  trueVotes: number,
  trueTotal: number,
  published: number,
  publishedTotal: number,
) {
  const trueShare = trueTotal > 0 ? trueVotes / trueTotal : 0;
  const publishedShare = publishedTotal > 0 ? published / publishedTotal : 0;
  return {
    id,
    trueVotes,
    trueShare,
    published,
    publishedShare,
    gapPoints: (publishedShare - trueShare) * 100,
  };
}

/** What the run added to the published figures (pending review is a level, not a sum: kept as is). */
function minusBaseline(now: PublishedVoters, before: PublishedVoters | undefined): PublishedVoters {
  if (!before) return now;
  const beforeOf = (id: string) => before.choices.find((choice) => choice.id === id)?.count ?? 0;
  return {
    received: now.received - before.received,
    counted: now.counted - before.counted,
    spam: now.spam - before.spam,
    pendingReview: now.pendingReview,
    choices: now.choices.map((choice) => ({ ...choice, count: choice.count - beforeOf(choice.id) })),
  };
}

function largestGap(choices: ChoiceComparison[]): number {
  return choices.reduce((max, c) => Math.max(max, Math.abs(c.gapPoints)), 0);
}
