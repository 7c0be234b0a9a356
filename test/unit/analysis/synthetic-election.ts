import { BinomialSampler, createRng, type SeededRandom } from '../../../src/analysis/random';
import type { StationResult } from '../../../src/analysis/types';

/** Choices of the synthetic election; "leader" wins. */
export const CHOICES = ['leader', 'second', 'third'] as const;

export interface SyntheticOptions {
  stations?: number;
  districts?: number;
  seed?: number;
  /** Share of stations with an observer. */
  observedShare?: number;
}

const binomial = (rng: SeededRandom, n: number, p: number): number =>
  new BinomialSampler(Math.max(0, Math.round(n)), Math.min(1, Math.max(0, p))).draw(rng);

/**
 * A clean election: 400–3,000 voters per station, turnout and shares vary by
 * district and station but do not depend on each other, every ballot is a binomial draw.
 * Observers' protocols copy the true figures; voters photograph 40% of their ballots.
 */
export function cleanElection({
  stations = 20000,
  districts = 200,
  seed = 1,
  observedShare = 0.5,
}: SyntheticOptions = {}): StationResult[] {
  const rng = createRng(seed);
  const districtTurnout = Array.from({ length: districts }, () => 0.55 + 0.08 * rng.nextNormal());
  const districtShare = Array.from({ length: districts }, () => 0.45 + 0.04 * rng.nextNormal());
  const out: StationResult[] = [];
  for (let i = 0; i < stations; i++) {
    const district = rng.nextInt(districts);
    const registered = 400 + rng.nextInt(2600);
    const turnout = clamp(districtTurnout[district]! + 0.05 * rng.nextNormal(), 0.2, 0.9);
    const ballotsCast = binomial(rng, registered, turnout);
    const invalid = binomial(rng, ballotsCast, 0.015);
    const valid = ballotsCast - invalid;
    const leaderShare = clamp(districtShare[district]! + 0.05 * rng.nextNormal(), 0.15, 0.85);
    const leader = binomial(rng, valid, leaderShare);
    const second = binomial(rng, valid - leader, 0.55);
    const third = valid - leader - second;
    const votes = { leader, second, third };
    out.push({
      id: `S${i}`,
      region: `R${district % 8}`,
      district: `D${district}`,
      registered,
      ballotsCast,
      valid,
      invalid,
      votes,
      photoVotes: {
        leader: binomial(rng, leader, 0.4),
        second: binomial(rng, second, 0.4),
        third: binomial(rng, third, 0.4),
      },
      sampleVotes: {
        leader: binomial(rng, leader, 0.05),
        second: binomial(rng, second, 0.05),
        third: binomial(rng, third, 0.05),
      },
      observers: rng.next() < observedShare ? 1 + rng.nextInt(3) : 0,
      protocol: { registered, ballotsCast, valid, invalid, votes: { ...votes } },
    });
  }
  return out;
}

/** Adds `ballots` stuffed ballots for the leader to a station (official figures only). */
export function stuff(station: StationResult, ballots: number): number {
  const added = Math.max(0, Math.min(Math.round(ballots), station.registered - station.ballotsCast));
  station.ballotsCast += added;
  station.valid += added;
  station.votes = { ...station.votes, leader: station.votes.leader! + added };
  return added;
}

/** Picks every k-th station deterministically: a known share of stations. */
export function everyKth<T>(items: readonly T[], k: number): T[] {
  return items.filter((_, i) => i % k === 0);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
