import { describe, expect, it } from 'vitest';
import { digitTests, secondDigit } from '../../../src/analysis/digit-tests';
import { observerEffect } from '../../../src/analysis/observer-effect';
import { cleanElection, CHOICES, stuff } from './synthetic-election';

describe('digit tests (Mebane; Beber & Scacco)', () => {
  it('reads the second digit', () => {
    expect(secondDigit(10)).toBe(0);
    expect(secondDigit(1234)).toBe(2);
    expect(secondDigit(98)).toBe(8);
  });

  it('finds nothing significant in a clean election', () => {
    const result = digitTests(cleanElection({ seed: 31 }), { seed: 2, bootstrapDraws: 500 });
    for (const choice of CHOICES) {
      expect(result.byChoice[choice]!.lastDigitMean.departs).toBe(false);
      expect(result.byChoice[choice]!.zeroFiveShare.departs).toBe(false);
      // Benford's second digit needs counts spread over orders of magnitude; here they are not,
      // so only closeness is asserted (Mebane reports 4.1–4.3 in clean elections).
      expect(Math.abs(result.byChoice[choice]!.secondDigitMean.value - 4.187)).toBeLessThan(0.3);
    }
  });

  it('flags counts rounded to tens at a fifth of the stations', () => {
    const stations = cleanElection({ seed: 32 });
    stations.forEach((s, i) => {
      if (i % 5 === 0) s.votes = { ...s.votes, leader: Math.round(s.votes.leader! / 10) * 10 };
    });
    const result = digitTests(stations, { seed: 2, bootstrapDraws: 500 });
    const zeroFive = result.byChoice.leader!.zeroFiveShare;
    // Planted: 20% of counts end in 0, so the share of 0/5 rises from 0.2 to 0.2 + 0.8 × 0.2 × 0.8 ≈ 0.36.
    expect(zeroFive.departs).toBe(true);
    expect(zeroFive.value).toBeGreaterThan(0.3);
    expect(zeroFive.value).toBeLessThan(0.4);
    expect(result.byChoice.second!.zeroFiveShare.departs).toBe(false);
  });
});

describe('observer effect', () => {
  it('finds no difference in a clean election', () => {
    const result = observerEffect(cleanElection({ seed: 41, stations: 8000 }), [...CHOICES], {
      seed: 3,
      bootstrapDraws: 200,
    })!;
    expect(result.stratified.turnout.interval.low).toBeLessThan(0);
    expect(result.stratified.turnout.interval.high).toBeGreaterThan(0);
    expect(result.reading.en).toMatch(
      /^No difference between stations with and without observers exceeds chance/,
    );
  });

  it('measures turnout inflated by 8 points where no observer watched, within 1.5 points', () => {
    const stations = cleanElection({ seed: 42, stations: 8000 });
    for (const s of stations) if (s.observers === 0) stuff(s, 0.08 * s.registered);
    const result = observerEffect(stations, [...CHOICES], { seed: 3, bootstrapDraws: 200 })!;
    expect(result.stratified.turnout.difference).toBeGreaterThan(0.065);
    expect(result.stratified.turnout.difference).toBeLessThan(0.095);
    expect(result.stratified.turnout.interval.low).toBeGreaterThan(0.05);
    expect(result.shares.leader!.difference).toBeGreaterThan(0.03);
    expect(result.observedStations + result.unobservedStations).toBe(8000);
  });

  it('does not mistake observers sent to high-turnout districts for an effect', () => {
    const stations = cleanElection({ seed: 43, stations: 8000 });
    // Observers go mostly to districts with low turnout: the raw difference is confounded.
    const byDistrict = new Map<string, { sum: number; count: number }>();
    for (const s of stations) {
      const entry = byDistrict.get(s.district!) ?? { sum: 0, count: 0 };
      entry.sum += s.ballotsCast / s.registered;
      entry.count++;
      byDistrict.set(s.district!, entry);
    }
    stations.forEach((s, i) => {
      const { sum, count } = byDistrict.get(s.district!)!;
      const lowTurnoutDistrict = sum / count < 0.55;
      s.observers = (lowTurnoutDistrict ? i % 10 < 8 : i % 10 < 2) ? 1 : 0;
    });
    const result = observerEffect(stations, [...CHOICES], { seed: 3, bootstrapDraws: 200 })!;
    expect(result.turnout.difference).toBeGreaterThan(0.02);
    expect(result.stratified.turnout.interval.low).toBeLessThan(0);
    expect(result.stratified.turnout.interval.high).toBeGreaterThan(0);
  });
});
