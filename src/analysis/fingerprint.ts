import { METHODS } from './methods';
import { upperTail } from './normal-distribution';
import { fingerprintReading, uncertaintyDescription } from './readings';
import { ballotsCounted } from './station-figures';
import type { ExplainedResult, Reading, StationResult } from './types';

export interface FingerprintResult extends ExplainedResult {
  /** Bins per axis; bin (i, j) covers turnout [i/bins, (i+1)/bins) and share [j/bins, (j+1)/bins). */
  bins: number;
  /** Registered voters per bin, row-major by turnout: weights[i * bins + j]. */
  weights: number[];
  totalVoters: number;
  /** Share of voters at stations with turnout ≥ 95% and leader share ≥ 95% (Klimek's extreme fraud corner). */
  extremeCornerShare: number;
  /** The same corner's share expected if those stations followed the bulk (its normal tails). */
  expectedCornerShare: number;
  uncertainty: { note: string; described: Reading };
}

/**
 * Klimek, Yegorov, Hanel & Thurner (PNAS 2012): the 2D histogram of turnout × leader's share,
 * each station weighted by its registered voters. A fair election is one blob; ballot stuffing
 * smears it towards the top-right corner, "extreme" fraud piles voters at 100% / 100%.
 *
 * @example
 * const fp = fingerprint(stations, 'putin', 100);
 * fp.weights[95 * 100 + 97]; // voters at turnout 95–96%, share 97–98%
 */
export function fingerprint(
  stations: readonly StationResult[],
  leader: string,
  bins = 100,
): FingerprintResult {
  const weights = new Float64Array(bins * bins);
  let totalVoters = 0;
  let corner = 0;
  let sumT = 0;
  let sumS = 0;
  let sumTT = 0;
  let sumSS = 0;
  let used = 0;
  for (const s of stations) {
    const counted = ballotsCounted(s);
    if (s.officialMissing || s.registered <= 0 || counted <= 0) continue;
    const turnout = Math.min(1, s.ballotsCast / s.registered);
    const share = Math.min(1, (s.votes[leader] ?? 0) / counted);
    const i = Math.min(bins - 1, Math.floor(turnout * bins));
    const j = Math.min(bins - 1, Math.floor(share * bins));
    weights[i * bins + j]! += s.registered;
    totalVoters += s.registered;
    used++;
    if (turnout >= 0.95 && share >= 0.95) corner += s.registered;
    sumT += turnout * s.registered;
    sumS += share * s.registered;
    sumTT += turnout * turnout * s.registered;
    sumSS += share * share * s.registered;
  }
  const extremeCornerShare = totalVoters > 0 ? corner / totalVoters : 0;
  // A bivariate normal fitted to the bulk (Klimek's fair-election model, correlation ignored):
  // the mass it puts beyond 95% on both axes.
  const meanT = sumT / totalVoters;
  const meanS = sumS / totalVoters;
  const sdT = Math.sqrt(Math.max(1e-12, sumTT / totalVoters - meanT * meanT));
  const sdS = Math.sqrt(Math.max(1e-12, sumSS / totalVoters - meanS * meanS));
  const expectedCornerShare = upperTail((0.95 - meanT) / sdT) * upperTail((0.95 - meanS) / sdS);
  return {
    method: METHODS.fingerprint,
    inputs: {
      leader,
      bins,
      weight: 'registered voters',
      turnout: 'ballotsCast / registered',
      share: 'leader / (valid + invalid)',
    },
    sampleSize: used,
    bins,
    weights: Array.from(weights),
    totalVoters,
    extremeCornerShare,
    expectedCornerShare,
    uncertainty: {
      note: 'descriptive histogram; the corner share is compared with a normal fitted to the bulk',
      described: uncertaintyDescription.descriptive(),
    },
    reading: fingerprintReading(extremeCornerShare, expectedCornerShare),
  };
}
