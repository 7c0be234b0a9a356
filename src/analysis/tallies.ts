import { METHODS } from './methods';
import { talliesReading, uncertaintyDescription } from './readings';
import { ballotsCounted, sumVotes, withOfficialResult } from './station-figures';
import type { ExplainedResult, Interval, Reading, StationResult, VotesByChoice } from './types';
import { wilsonInterval } from './wilson-interval';

/** Where a tally comes from. Only "official" is a full count; the others are samples. */
export type TallySource = 'official' | 'voters' | 'photos' | 'observers';

export interface ShareWithInterval {
  votes: number;
  share: number;
  /** Wilson 95% interval; for the official full count the interval is the share itself. */
  interval: Interval;
}

export interface SourceTally extends ExplainedResult {
  source: TallySource;
  area: string;
  stations: number;
  total: number;
  selfSelectedSample: boolean;
  byChoice: Record<string, ShareWithInterval>;
  /** How sure the shares are: a full count, or Wilson intervals of a sample. */
  uncertainty: { kind: string; described: Reading };
}

export interface TalliesResult {
  national: SourceTally[];
  byRegion: Record<string, SourceTally[]>;
}

const PICKERS: Record<TallySource, (s: StationResult) => VotesByChoice | undefined> = {
  official: (s) => (s.officialMissing ? undefined : s.votes),
  voters: (s) => s.sampleVotes,
  photos: (s) => s.photoVotes,
  observers: (s) => s.protocol?.votes,
};

/**
 * Tallies per source (official, voters' self-reported tally, photo-confirmed ballots, observers'
 * protocols) nationally and per region, each share with a Wilson 95% interval. The voters' and
 * photo tallies are self-selected samples: the interval covers sampling error only, and the
 * reading says so.
 *
 * @example
 * tallies(stations).national.find((t) => t.source === 'voters')?.byChoice.tihanovkaja.interval
 */
export function tallies(stations: readonly StationResult[]): TalliesResult {
  const regions = new Map<string, StationResult[]>();
  for (const s of stations) {
    const region = s.region ?? '';
    if (!regions.has(region)) regions.set(region, []);
    regions.get(region)!.push(s);
  }
  const byRegion: Record<string, SourceTally[]> = {};
  for (const [region, members] of regions) if (region !== '') byRegion[region] = tallyArea(members, region);
  return { national: tallyArea(stations, 'national'), byRegion };
}

function tallyArea(stations: readonly StationResult[], area: string): SourceTally[] {
  const out: SourceTally[] = [];
  for (const source of Object.keys(PICKERS) as TallySource[]) {
    const contributing = stations.filter((s) => PICKERS[source](s) !== undefined);
    if (contributing.length === 0) continue;
    const votes = sumVotes(contributing, PICKERS[source]);
    const choiceTotal = Object.values(votes).reduce((a, b) => a + b, 0);
    // Official shares are of valid + invalid ballots, as the commissions publish them.
    const total =
      source === 'official'
        ? withOfficialResult(contributing).reduce((a, s) => a + ballotsCounted(s), 0)
        : choiceTotal;
    if (total <= 0) continue;
    const selfSelected = source === 'voters' || source === 'photos';
    const byChoice: Record<string, ShareWithInterval> = {};
    for (const [choice, count] of Object.entries(votes)) {
      const share = count / total;
      byChoice[choice] = {
        votes: count,
        share,
        interval:
          source === 'official'
            ? { low: share, high: share, level: 1, kind: 'full count, no sampling error' }
            : wilsonInterval(count, total),
      };
    }
    out.push({
      method: METHODS.tallies,
      inputs: {
        source,
        area,
        shareOf: source === 'official' ? 'valid + invalid ballots' : 'ballots in the tally',
      },
      sampleSize: total,
      source,
      area,
      stations: contributing.length,
      total,
      selfSelectedSample: selfSelected,
      uncertainty: selfSelected
        ? { kind: 'Wilson score 95% per share', described: uncertaintyDescription.wilson() }
        : { kind: 'full count, no sampling error', described: uncertaintyDescription.fullCount() },
      byChoice,
      reading: talliesReading(source, total, selfSelected),
    });
  }
  return out;
}
