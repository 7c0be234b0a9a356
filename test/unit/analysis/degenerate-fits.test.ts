import { describe, expect, it } from 'vitest';
import { ANOMALOUS_MIN_STATIONS, anomalousVotes } from '../../../src/analysis/anomalous-votes';
import { observerEffect } from '../../../src/analysis/observer-effect';
import type { StationResult } from '../../../src/analysis/types';
import { CHOICES, cleanElection } from './synthetic-election';

/** A station with the given turnout and leader's share (two choices, no invalid ballots). */
function station(id: number, registered: number, turnout: number, leaderShare: number): StationResult {
  const ballotsCast = Math.round(registered * turnout);
  const leader = Math.round(ballotsCast * leaderShare);
  return {
    id: `S${id}`,
    district: `D${id % 40}`,
    registered,
    ballotsCast,
    valid: ballotsCast,
    invalid: 0,
    votes: { leader, other: ballotsCast - leader },
  };
}

describe('anomalous votes: a fit that cannot be made is said so, never reported as a finding', () => {
  it('does not fit 80 stations (the demo) and says why in kk, ru and en', () => {
    // As in the demo: 80 stations whose turnouts scatter around 62%; the smoothed peak can fall
    // in an empty bin, leaving no station "at the peak" and a clean share of 0.
    const stations = Array.from({ length: 80 }, (_, i) => station(i, 1000 + i, 0.55 + (i % 17) * 0.01, 0.42));
    const result = anomalousVotes(stations, 'leader', { seed: 1, bootstrapDraws: 100 });
    expect(result.fitted).toBe(false);
    expect(result.notFitted).toMatchObject({ reason: 'too-few-stations', stations: 80, needed: 100 });
    expect(Number.isFinite(result.votes)).toBe(false);
    expect(Number.isFinite(result.cleanShare)).toBe(false);
    expect(Number.isFinite(result.uncertainty.low)).toBe(false);
    expect(result.reading.en).toBe(
      `Anomalous votes not estimated: a turnout peak cannot be located on 80 stations; the method needs at least ${ANOMALOUS_MIN_STATIONS}.`,
    );
    expect(result.reading.ru).toMatch(/^Аномальные голоса не оценены: пик явки нельзя найти по 80 участкам/);
    expect(result.reading.kk).toMatch(/^Аномал дауыстар есептелмеді: келу шыңын 80 учаскеден/);
  });

  it('does not fit when too few stations lie at or below the peak', () => {
    // 20 large stations at 30% turnout make the peak; the 180 others are above it.
    const stations = [
      ...Array.from({ length: 20 }, (_, i) => station(i, 50_000, 0.301, 0.4)),
      ...Array.from({ length: 180 }, (_, i) => station(20 + i, 500, 0.6 + (i % 30) * 0.01, 0.6)),
    ];
    const result = anomalousVotes(stations, 'leader', { seed: 1, bootstrapDraws: 100 });
    expect(result.notFitted).toMatchObject({
      reason: 'too-few-at-peak',
      stationsAtOrBelowPeak: 20,
      needed: 30,
    });
    expect(result.reading.en).toMatch(/only 20 stations lie at or below the turnout peak \(30\.\d%\)/);
    expect(Number.isFinite(result.votes)).toBe(false);
  });

  it('does not fit a clean share of 0% (every leader vote would count as anomalous)', () => {
    const stations = [
      ...Array.from({ length: 100 }, (_, i) => station(i, 2000, 0.5, 0)),
      ...Array.from({ length: 100 }, (_, i) => station(100 + i, 1000, 0.8, 1)),
    ];
    const result = anomalousVotes(stations, 'leader', { seed: 1, bootstrapDraws: 100 });
    expect(result.notFitted).toMatchObject({ reason: 'clean-share-degenerate', cleanShare: 0 });
    expect(result.reading.en).toMatch(/the leader's share at stations up to the turnout peak is 0\.0%/);
    expect(result.reading.ru).toMatch(/доля лидера на участках до пика явки — 0,0%/);
  });

  it('still fits a sound election', () => {
    const result = anomalousVotes(cleanElection({ seed: 21, stations: 4000 }), 'leader', {
      seed: 1,
      bootstrapDraws: 100,
    });
    expect(result.fitted).toBe(true);
    expect(result.notFitted).toBeUndefined();
    expect(result.cleanShare).toBeGreaterThan(0.3);
  });
});

describe('observer effect: the reading leads with the strongest documented effect', () => {
  it('leads with the leader’s share when turnout is equal but votes were moved to the leader', () => {
    const stations = cleanElection({ seed: 44, stations: 6000 });
    // Where no observer watched, 9% of the ballots are rewritten from "second" to "leader":
    // turnout is untouched.
    for (const s of stations) {
      if (s.observers !== 0) continue;
      const moved = Math.min(s.votes.second!, Math.round(0.09 * (s.valid + s.invalid)));
      s.votes = { ...s.votes, leader: s.votes.leader! + moved, second: s.votes.second! - moved };
    }
    const result = observerEffect(stations, [...CHOICES], { seed: 3, bootstrapDraws: 200 })!;
    expect(Math.abs(result.stratified.turnout.difference)).toBeLessThan(0.01);
    expect(result.headline).toMatchObject({
      measure: 'leader',
      scope: 'within-districts',
      significant: true,
    });
    expect(result.headline.difference).toBeGreaterThan(0.07);
    expect(result.headline.interval.low).toBeGreaterThan(0);
    expect(result.reading.en).toMatch(
      /^Strongest effect: without an observer, the share of "leader" differs by \+\d\.\d points within the 200 districts that have both kinds of station \(95%: \+\d\.\d to \+\d\.\d\); \+\d\.\d points overall\.$/,
    );
    expect(result.reading.ru).toMatch(/^Сильнейший эффект: без наблюдателя доля «leader» внутри 200 районов/);
    expect(result.reading.kk).toMatch(/^Ең күшті әсер: бақылаушысыз «leader» үлесі/);
  });

  it('says no difference exceeds chance in a clean election, naming the largest with its interval', () => {
    const result = observerEffect(cleanElection({ seed: 41, stations: 8000 }), [...CHOICES], {
      seed: 3,
      bootstrapDraws: 200,
    })!;
    expect(result.headline.significant).toBe(false);
    expect(result.reading.en).toMatch(
      /^No difference between stations with and without observers exceeds chance; the largest, .+ within the \d+ districts that have both kinds of station, is [+−]?\d\.\d points \(95%: /,
    );
  });

  it('falls back to the overall comparison when no district has both kinds of station', () => {
    const stations = cleanElection({ seed: 45, stations: 3000, districts: 20 });
    stations.forEach((s) => (s.observers = Number(s.district!.slice(1)) % 2));
    const result = observerEffect(stations, [...CHOICES], { seed: 3, bootstrapDraws: 100 })!;
    expect(result.headline.scope).toBe('overall');
    expect(result.reading.en).toMatch(/over all stations/);
  });
});
