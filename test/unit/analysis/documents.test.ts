import { describe, expect, it } from 'vitest';
import { photoEvidence } from '../../../src/analysis/photo-evidence';
import { protocolDiscrepancies } from '../../../src/analysis/protocol-discrepancies';
import { tallies } from '../../../src/analysis/tallies';
import { turnoutInflation } from '../../../src/analysis/turnout-inflation';
import type { StationResult } from '../../../src/analysis/types';
import { wilsonInterval } from '../../../src/analysis/wilson-interval';
import { cleanElection, everyKth, stuff } from './synthetic-election';

describe('photo evidence vs the official result', () => {
  it('finds nothing when the official count is true', () => {
    const result = photoEvidence(cleanElection({ seed: 51, stations: 2000 }))!;
    for (const entry of Object.values(result.byChoice)) expect(entry.stations).toBe(0);
  });

  it('finds every station where votes were taken and bounds the votes taken', () => {
    const stations = cleanElection({ seed: 52, stations: 2000 });
    let bound = 0;
    const rewritten = everyKth(stations, 40); // 50 stations
    for (const s of rewritten) {
      const truth = s.votes.second!;
      s.photoVotes = { ...s.photoVotes!, second: Math.round(0.6 * truth) };
      const moved = Math.round(0.6 * truth);
      s.votes = { ...s.votes, second: truth - moved, leader: s.votes.leader! + moved };
      bound += Math.max(0, s.photoVotes.second! - s.votes.second!);
    }
    const result = photoEvidence(stations)!;
    expect(result.byChoice.second!.stations).toBe(
      rewritten.filter((s) => s.photoVotes!.second! > s.votes.second!).length,
    );
    expect(result.byChoice.second!.stations).toBeGreaterThanOrEqual(48);
    expect(result.byChoice.second!.votesAtLeast).toBe(bound);
    expect(result.byChoice.leader!.stations).toBe(0);
  });
});

describe('photo evidence where only some official figures are published', () => {
  it("uses every station where the choice's own official count is published", () => {
    const stations: StationResult[] = [
      // Complete result: compared for both choices.
      {
        id: 'A',
        registered: 900,
        ballotsCast: 500,
        valid: 500,
        invalid: 0,
        votes: { x: 100, y: 400 },
        photoVotes: { x: 120, y: 10 },
      },
      // No registered voters published, but both counts are: compared for both.
      {
        id: 'B',
        registered: 0,
        ballotsCast: 0,
        valid: 0,
        invalid: 0,
        votes: { x: 50, y: 0 },
        officialMissing: true,
        publishedVotes: { x: 50, y: 300 },
        photoVotes: { x: 80, y: 5 },
      },
      // Only y's count published: x's photos prove nothing there.
      {
        id: 'C',
        registered: 0,
        ballotsCast: 0,
        valid: 0,
        invalid: 0,
        votes: { x: 0, y: 0 },
        officialMissing: true,
        publishedVotes: { y: 20 },
        photoVotes: { x: 90, y: 30 },
      },
      // Nothing published: not compared at all.
      {
        id: 'D',
        registered: 700,
        ballotsCast: 0,
        valid: 0,
        invalid: 0,
        votes: {},
        officialMissing: true,
        photoVotes: { x: 99 },
      },
    ];
    const result = photoEvidence(stations)!;
    expect(result.stationsCompared).toBe(3);
    expect(result.byChoice.x).toEqual({
      compared: 2,
      stations: 2,
      votesAtLeast: 20 + 30,
      stationIds: ['A', 'B'],
    });
    expect(result.byChoice.y).toEqual({ compared: 3, stations: 1, votesAtLeast: 10, stationIds: ['C'] });
  });
});

describe('observer protocols vs the official result', () => {
  it('finds no discrepancy in a clean election', () => {
    const result = protocolDiscrepancies(cleanElection({ seed: 61, stations: 1000 }), 0)!;
    expect(result.precinctsCompared).toBe(1000);
    expect(result.precinctsBeyondTolerance).toHaveLength(0);
    expect(turnoutInflation(cleanElection({ seed: 61, stations: 1000 }))!.difference).toBe(0);
  });

  it('totals the votes moved and the precincts beyond tolerance', () => {
    const stations = cleanElection({ seed: 62, stations: 1000 });
    for (const s of everyKth(stations, 20)) {
      const moved = Math.min(100, s.votes.second!);
      s.votes = { ...s.votes, second: s.votes.second! - moved, leader: s.votes.leader! + moved };
    }
    const expected = everyKth(stations, 20).reduce(
      (a, s) => a + (s.protocol!.votes.second! - s.votes.second!),
      0,
    );
    const result = protocolDiscrepancies(stations, 5)!;
    expect(result.precinctsBeyondTolerance).toHaveLength(50);
    expect(result.movedAway.second).toBe(expected);
    expect(result.movedTo.leader).toBe(expected);
    expect(result.movedTo.second).toBeUndefined();
  });

  it('measures turnout inflated by 10 points against the protocols', () => {
    const stations = cleanElection({ seed: 63, stations: 3000 });
    for (const s of stations) stuff(s, 0.1 * s.registered);
    const result = turnoutInflation(stations, { seed: 4, bootstrapDraws: 300 })!;
    expect(result.difference).toBeGreaterThan(0.095);
    expect(result.difference).toBeLessThan(0.101);
    expect(result.uncertainty.low).toBeGreaterThan(0.09);
  });
});

describe('tallies with Wilson intervals', () => {
  it('matches the Wilson score interval', () => {
    const interval = wilsonInterval(45, 100);
    expect(interval.low).toBeCloseTo(0.3561, 4);
    expect(interval.high).toBeCloseTo(0.5476, 4);
    expect(wilsonInterval(0, 20).low).toBe(0);
  });

  it('calls the voters’ tally a self-selected sample and covers the true share', () => {
    const stations = cleanElection({ seed: 71, stations: 3000 });
    const result = tallies(stations);
    const voters = result.national.find((t) => t.source === 'voters')!;
    const official = result.national.find((t) => t.source === 'official')!;
    expect(voters.selfSelectedSample).toBe(true);
    expect(voters.reading.en).toMatch(/self-selected/);
    expect(official.selfSelectedSample).toBe(false);
    const trueShare = official.byChoice.leader!.votes / stations.reduce((a, s) => a + s.valid, 0);
    expect(voters.byChoice.leader!.interval.low).toBeLessThan(trueShare);
    expect(voters.byChoice.leader!.interval.high).toBeGreaterThan(trueShare);
    expect(Object.keys(result.byRegion)).toHaveLength(8);
  });
});
