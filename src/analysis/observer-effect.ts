import { METHODS } from './methods';
import { createRng, percentileInterval } from './random';
import { observerEffectReading, uncertaintyDescription } from './readings';
import { ballotsCounted, isObserved } from './station-figures';
import type { ExplainedResult, Reading, Interval, StationResult } from './types';

export interface GroupDifference {
  /** Unobserved minus observed. */
  difference: number;
  interval: Interval;
}

/** One rate (turnout or a share) in each group, each with its own bootstrap interval. */
export interface GroupRates {
  observed: number;
  unobserved: number;
  observedInterval: Interval;
  unobservedInterval: Interval;
}

export interface ObserverEffectResult extends ExplainedResult {
  observedStations: number;
  unobservedStations: number;
  turnout: GroupRates & GroupDifference;
  shares: Record<string, GroupRates & GroupDifference>;
  /** Per-district differences averaged with the districts' registered voters as weights. */
  stratified: { districts: number; turnout: GroupDifference; shares: Record<string, GroupDifference> };
  /** The strongest documented effect, which the reading leads with (see `strongestEffect`). */
  headline: ObserverEffectHeadline;
  uncertainty: { kind: string; described: Reading };
}

/** One measure's difference chosen to lead the reading. */
export interface ObserverEffectHeadline {
  /** `turnout`, or the choice id whose share differs. */
  measure: string;
  /** Within districts that have both kinds of station, or over all stations when none has. */
  scope: 'within-districts' | 'overall';
  difference: number;
  interval: Interval;
  /** The same measure's overall difference (ratio of sums). */
  overall: number;
  /** Whether the 95% interval excludes 0. */
  significant: boolean;
  districts: number;
}

/**
 * Precincts with an independent observer (or an accepted protocol) against precincts without:
 * the difference in turnout and in every choice's share, overall (ratio of sums) and stratified by
 * district (only districts with both kinds; weighted by registered voters), so that observers
 * sent mostly to cities do not pass for an effect. Intervals: stratified bootstrap of stations
 * within every district × group cell. Following Enikolopov et al. (PNAS 2013).
 *
 * @example
 * observerEffect(stations, ['lukashenko', 'tihanovkaja']).turnout.difference; // > 0 if unobserved turnout is inflated
 */
export function observerEffect(
  stations: readonly StationResult[],
  choices: readonly string[],
  { seed = 42, bootstrapDraws = 1000 }: { seed?: number; bootstrapDraws?: number } = {},
): ObserverEffectResult | null {
  const used = stations.filter((s) => !s.officialMissing && s.registered > 0 && isObserved(s) !== undefined);
  const groups = used.map((s) => (isObserved(s) ? 0 : 1));
  if (!groups.includes(0) || !groups.includes(1)) return null;
  const k = choices.length;
  const n = used.length;
  // Per station: registered, ballots, counted, then votes per choice.
  const width = 3 + k;
  const figures = new Float64Array(n * width);
  used.forEach((s, i) => {
    figures[i * width] = s.registered;
    figures[i * width + 1] = s.ballotsCast;
    figures[i * width + 2] = ballotsCounted(s);
    choices.forEach((c, j) => (figures[i * width + 3 + j] = s.votes[c] ?? 0));
  });
  const districtIndex = new Map<string, number>();
  const district = used.map((s) => {
    const key = s.district ?? s.region ?? '';
    if (!districtIndex.has(key)) districtIndex.set(key, districtIndex.size);
    return districtIndex.get(key)!;
  });
  const cells: number[][] = Array.from({ length: districtIndex.size * 2 }, () => []);
  used.forEach((_, i) => cells[district[i]! * 2 + groups[i]!]!.push(i));

  /** Sums per cell for one (re)sample: members chosen by `pick`. */
  const summarize = (pick: (cell: number[]) => Iterable<number>) => {
    const sums = new Float64Array(cells.length * width);
    cells.forEach((members, c) => {
      for (const i of pick(members))
        for (let f = 0; f < width; f++) sums[c * width + f]! += figures[i * width + f]!;
    });
    return estimates(sums, districtIndex.size, width, k);
  };

  const point = summarize((members) => members);
  const rng = createRng(seed);
  const replicates = Array.from({ length: 2 * (1 + k) }, () => new Float64Array(bootstrapDraws));
  // Rates of each group (observed, then unobserved; turnout, then every share) per replicate.
  const groupReplicates = Array.from({ length: 2 * (1 + k) }, () => new Float64Array(bootstrapDraws));
  const resample = function* (members: number[]) {
    for (let r = 0; r < members.length; r++) yield members[rng.nextInt(members.length)]!;
  };
  for (let b = 0; b < bootstrapDraws; b++) {
    const e = summarize(resample);
    for (let g = 0; g < 2; g++)
      for (let j = 0; j <= k; j++) groupReplicates[g * (1 + k) + j]![b] = e.groupRates[g]![j]!;
    replicates[0]![b] = e.overall[0]!;
    replicates[1]![b] = e.stratified[0]!;
    for (let j = 0; j < k; j++) {
      replicates[2 + 2 * j]![b] = e.overall[1 + j]!;
      replicates[3 + 2 * j]![b] = e.stratified[1 + j]!;
    }
  }
  const interval = (r: number): Interval => ({
    ...percentileInterval(replicates[r]!),
    level: 0.95,
    kind: `stratified bootstrap (${bootstrapDraws} draws, seed ${seed})`,
  });

  const groupInterval = (g: number, j: number): Interval => ({
    ...percentileInterval(groupReplicates[g * (1 + k) + j]!),
    level: 0.95,
    kind: `stratified bootstrap (${bootstrapDraws} draws, seed ${seed})`,
  });
  const rates = (j: number): GroupRates => ({
    observed: point.groupRates[0]![j]!,
    unobserved: point.groupRates[1]![j]!,
    observedInterval: groupInterval(0, j),
    unobservedInterval: groupInterval(1, j),
  });
  const turnoutInterval = interval(0);
  const shares: ObserverEffectResult['shares'] = {};
  const stratifiedShares: Record<string, GroupDifference> = {};
  choices.forEach((c, j) => {
    shares[c] = {
      ...rates(1 + j),
      difference: point.overall[1 + j]!,
      interval: interval(2 + 2 * j),
    };
    stratifiedShares[c] = { difference: point.stratified[1 + j]!, interval: interval(3 + 2 * j) };
  });
  const turnoutOverall = { difference: point.overall[0]!, interval: turnoutInterval };
  const stratifiedTurnout = { difference: point.stratified[0]!, interval: interval(1) };
  const headline = strongestEffect(
    { turnout: turnoutOverall, shares },
    { turnout: stratifiedTurnout, shares: stratifiedShares },
    point.districtsWithBoth,
  );
  return {
    method: METHODS.observerEffect,
    inputs: { choices, grouping: 'observers > 0 (or observed flag)', strata: 'district (else region)' },
    sampleSize: n,
    observedStations: groups.filter((g) => g === 0).length,
    unobservedStations: groups.filter((g) => g === 1).length,
    turnout: {
      ...rates(0),
      difference: point.overall[0]!,
      interval: turnoutInterval,
    },
    shares,
    stratified: {
      districts: point.districtsWithBoth,
      turnout: stratifiedTurnout,
      shares: stratifiedShares,
    },
    headline,
    uncertainty: {
      kind: turnoutInterval.kind,
      described: uncertaintyDescription.bootstrap('stratified', bootstrapDraws, seed),
    },
    reading: observerEffectReading(headline),
  };
}

/**
 * The effect the reading leads with: among turnout and every share, within districts (the fairer
 * comparison: observers are not sent at random) or overall when no district has both kinds, the
 * largest difference whose 95% interval excludes 0; when none does, the largest difference, said
 * to be within chance. A turnout difference of 0 must not hide an 8-point shift in a share.
 *
 * @example
 * strongestEffect(overall, stratified, 12); // { measure: 'nur-otan', scope: 'within-districts', difference: 0.089, … }
 */
export function strongestEffect(
  overall: { turnout: GroupDifference; shares: Record<string, GroupDifference> },
  stratified: { turnout: GroupDifference; shares: Record<string, GroupDifference> },
  districts: number,
): ObserverEffectHeadline {
  const scope = districts > 0 ? 'within-districts' : 'overall';
  const source = scope === 'within-districts' ? stratified : overall;
  const candidates = [
    { measure: 'turnout', effect: source.turnout, overall: overall.turnout.difference },
    ...Object.entries(source.shares).map(([measure, effect]) => ({
      measure,
      effect,
      overall: overall.shares[measure]?.difference ?? NaN,
    })),
  ]
    .filter((c) => Number.isFinite(c.effect.difference))
    .map((c) => ({ ...c, significant: c.effect.interval.low > 0 || c.effect.interval.high < 0 }));
  const pool = candidates.some((c) => c.significant) ? candidates.filter((c) => c.significant) : candidates;
  const best = pool.reduce<(typeof pool)[number] | undefined>(
    (a, c) => (a === undefined || Math.abs(c.effect.difference) > Math.abs(a.effect.difference) ? c : a),
    undefined,
  ) ?? {
    measure: 'turnout',
    effect: source.turnout,
    overall: overall.turnout.difference,
    significant: false,
  };
  return {
    measure: best.measure,
    scope,
    difference: best.effect.difference,
    interval: best.effect.interval,
    overall: best.overall,
    significant: best.significant,
    districts,
  };
}

/** Turnout and shares per group, their overall differences and district-weighted differences. */
function estimates(sums: Float64Array, districts: number, width: number, k: number) {
  const groupSums = [new Float64Array(width), new Float64Array(width)];
  const stratified = new Float64Array(1 + k);
  let weightTotal = 0;
  let districtsWithBoth = 0;
  for (let d = 0; d < districts; d++) {
    const observed = d * 2 * width;
    const unobserved = (d * 2 + 1) * width;
    for (let f = 0; f < width; f++) {
      groupSums[0]![f]! += sums[observed + f]!;
      groupSums[1]![f]! += sums[unobserved + f]!;
    }
    if (
      sums[observed]! > 0 &&
      sums[unobserved]! > 0 &&
      sums[observed + 2]! > 0 &&
      sums[unobserved + 2]! > 0
    ) {
      const weight = sums[observed]! + sums[unobserved]!;
      districtsWithBoth++;
      weightTotal += weight;
      stratified[0]! +=
        weight * (sums[unobserved + 1]! / sums[unobserved]! - sums[observed + 1]! / sums[observed]!);
      for (let j = 0; j < k; j++) {
        stratified[1 + j]! +=
          weight *
          (sums[unobserved + 3 + j]! / sums[unobserved + 2]! - sums[observed + 3 + j]! / sums[observed + 2]!);
      }
    }
  }
  for (let j = 0; j <= k; j++) stratified[j] = weightTotal > 0 ? stratified[j]! / weightTotal : NaN;
  const rates = (g: Float64Array) => [
    g[1]! / g[0]!,
    ...Array.from({ length: k }, (_, j) => g[3 + j]! / g[2]!),
  ];
  const groupRates = [rates(groupSums[0]!), rates(groupSums[1]!)];
  const overall = groupRates[1]!.map((u, j) => u - groupRates[0]![j]!);
  return { groupRates, overall, stratified, districtsWithBoth };
}
