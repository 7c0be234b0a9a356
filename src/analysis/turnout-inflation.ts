import { METHODS } from './methods';
import { createRng, percentileInterval } from './random';
import { turnoutInflationReading, uncertaintyDescription } from './readings';
import type { ExplainedResult, Interval, StationResult } from './types';

export interface TurnoutInflationResult extends ExplainedResult {
  precincts: number;
  officialTurnout: number;
  protocolTurnout: number;
  /** Official minus protocol turnout, at the same precincts. */
  difference: number;
  /** Ballots the official results add over the protocols. */
  extraBallots: number;
  uncertainty: Interval;
}

/**
 * Official turnout against the turnout in the observers' protocol copies at the same precincts
 * (ratios of sums), with a bootstrap interval over precincts.
 *
 * @example
 * turnoutInflation(stations)?.difference; // 0.08 = eight points added
 */
export function turnoutInflation(
  stations: readonly StationResult[],
  { seed = 42, bootstrapDraws = 1000 }: { seed?: number; bootstrapDraws?: number } = {},
): TurnoutInflationResult | null {
  const used = stations.filter(
    (s) => !s.officialMissing && s.registered > 0 && s.protocol?.ballotsCast !== undefined,
  );
  const n = used.length;
  if (n === 0) return null;
  const official = new Float64Array(n);
  const protocol = new Float64Array(n);
  const registered = new Float64Array(n);
  const protocolRegistered = new Float64Array(n);
  used.forEach((s, i) => {
    official[i] = s.ballotsCast;
    protocol[i] = s.protocol!.ballotsCast!;
    registered[i] = s.registered;
    protocolRegistered[i] = s.protocol!.registered ?? s.registered;
  });
  const estimate = (pick: (r: number) => number) => {
    let o = 0;
    let p = 0;
    let ro = 0;
    let rp = 0;
    for (let r = 0; r < n; r++) {
      const i = pick(r);
      o += official[i]!;
      p += protocol[i]!;
      ro += registered[i]!;
      rp += protocolRegistered[i]!;
    }
    return { officialTurnout: o / ro, protocolTurnout: p / rp, extra: o - p };
  };
  const point = estimate((r) => r);
  const rng = createRng(seed);
  const replicates = new Float64Array(bootstrapDraws);
  for (let b = 0; b < bootstrapDraws; b++) {
    const e = estimate(() => rng.nextInt(n));
    replicates[b] = e.officialTurnout - e.protocolTurnout;
  }
  const { low, high } = percentileInterval(replicates);
  const difference = point.officialTurnout - point.protocolTurnout;
  return {
    method: METHODS.turnoutInflation,
    inputs: {
      official: 'Σ ballotsCast / Σ registered',
      protocol: 'Σ protocol ballotsCast / Σ protocol registered',
    },
    sampleSize: n,
    precincts: n,
    officialTurnout: point.officialTurnout,
    protocolTurnout: point.protocolTurnout,
    difference,
    extraBallots: point.extra,
    uncertainty: {
      low,
      high,
      level: 0.95,
      kind: `bootstrap over precincts (${bootstrapDraws} draws, seed ${seed})`,
      described: uncertaintyDescription.bootstrap('precincts', bootstrapDraws, seed),
    },
    reading: turnoutInflationReading(difference, low, high, n),
  };
}
