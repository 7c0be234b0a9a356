import { describe, expect, it } from 'vitest';
import { anomalousVotes } from '../../../src/analysis/anomalous-votes';
import { fingerprint } from '../../../src/analysis/fingerprint';
import { fingerprintSvg } from '../../../src/analysis/charts/fingerprint-svg';
import { cleanElection, everyKth, stuff } from './synthetic-election';

describe("anomalous votes (Shpilkin's clean peak)", () => {
  it('finds nothing significant in a clean election', () => {
    const result = anomalousVotes(cleanElection({ seed: 21 }), 'leader', { seed: 1, bootstrapDraws: 300 });
    expect(result.uncertainty.low).toBeLessThanOrEqual(0);
    expect(result.uncertainty.high).toBeGreaterThanOrEqual(0);
    expect(result.cleanTurnout).toBeGreaterThan(0.45);
    expect(result.cleanTurnout).toBeLessThan(0.65);
    expect(result.reading.ru).toMatch(/не обнаружены/);
  });

  it('estimates ballots stuffed at a fifth of the stations within 15%', () => {
    const stations = cleanElection({ seed: 22 });
    let planted = 0;
    // Stuffed stations are brought to 85–95% turnout, all the extra ballots for the leader.
    everyKth(stations, 5).forEach((s, i) => {
      planted += stuff(s, (0.85 + 0.1 * ((i % 10) / 10)) * s.registered - s.ballotsCast);
    });
    const result = anomalousVotes(stations, 'leader', { seed: 1, bootstrapDraws: 300 });
    expect(planted).toBeGreaterThan(500_000);
    // Stuffed stations that stay at or below the peak are not counted: the method is conservative.
    expect(result.votes).toBeGreaterThan(0.85 * planted);
    expect(result.votes).toBeLessThan(1.15 * planted);
    expect(result.uncertainty.low).toBeGreaterThan(0);
    expect(result.method.name).toMatch(/Shpilkin/);
  });
});

describe('election fingerprint (Klimek et al. 2012)', () => {
  it('is one blob in a clean election and puts extreme fraud in the corner', () => {
    const clean = fingerprint(cleanElection({ seed: 23 }), 'leader');
    expect(clean.weights).toHaveLength(100 * 100);
    expect(clean.weights.reduce((a, b) => a + b, 0)).toBe(clean.totalVoters);
    expect(clean.extremeCornerShare).toBe(0);

    const stations = cleanElection({ seed: 23 });
    const extreme = everyKth(stations, 25); // 4% of stations rewritten to ~100% / ~100%
    for (const s of extreme) {
      s.ballotsCast = s.registered;
      s.invalid = 0;
      s.valid = s.registered;
      s.votes = { leader: s.registered, second: 0, third: 0 };
    }
    const plantedShare =
      extreme.reduce((a, s) => a + s.registered, 0) / stations.reduce((a, s) => a + s.registered, 0);
    const fraud = fingerprint(stations, 'leader');
    expect(fraud.extremeCornerShare).toBeCloseTo(plantedShare, 6);
    expect(fraud.weights[99 * 100 + 99]).toBeGreaterThan(0);
    expect(fraud.reading.en).toMatch(/extreme fraud/);
    const svg = fingerprintSvg(fraud, { title: 'fraud <test>', description: 'd', xAxis: 'x', yAxis: 'y' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('fraud &#60;test&#62;');
    expect(svg).not.toContain('<script');
  });
});
