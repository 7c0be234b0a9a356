import { describe, expect, it } from 'vitest';
import { fingerprintSvg } from '../../../../src/analysis/charts/fingerprint-svg';
import { integerSpikesSvg } from '../../../../src/analysis/charts/integer-spikes-svg';
import { observerEffectSvg } from '../../../../src/analysis/charts/observer-effect-svg';
import {
  turnoutHistogramSvg,
  voterWeightedTurnout,
} from '../../../../src/analysis/charts/turnout-histogram-svg';
import { fingerprint } from '../../../../src/analysis/fingerprint';
import { integerPercentages } from '../../../../src/analysis/integer-percentages';
import { observerEffect } from '../../../../src/analysis/observer-effect';
import type { StationResult } from '../../../../src/analysis/types';
import { CHOICES, cleanElection, everyKth, stuff } from '../synthetic-election';
import { byClass, height, parseSvg } from './parse-svg';

const labels = {
  title: 'Chart <title> & "quotes"',
  description: 'What the chart shows',
  xAxis: 'Явка',
  yAxis: 'Сайлаушылар',
};

/** The accessible frame every chart shares, checked on a parsed chart. */
function expectAccessible(svg: string): ReturnType<typeof parseSvg> {
  const elements = parseSvg(svg);
  const root = elements[0]!;
  expect(root.name).toBe('svg');
  expect(root.attributes.role).toBe('img');
  const title = elements.find((e) => e.name === 'title')!;
  const desc = elements.find((e) => e.name === 'desc')!;
  expect(title.text).toBe(labels.title);
  expect(desc.text).toBe(labels.description);
  expect(root.attributes['aria-labelledby']).toBe(title.attributes.id);
  expect(root.attributes['aria-describedby']).toBe(desc.attributes.id);
  expect(byClass(elements, 'axis-label').map((e) => e.text)).toEqual([labels.xAxis, labels.yAxis]);
  expect(svg).not.toMatch(/<script|href=|\son\w+=/i);
  return elements;
}

/** A station with the given turnout and leader share (1,000 voters). */
function station(id: number, turnout: number, share: number, observed?: boolean): StationResult {
  const ballotsCast = Math.round(1000 * turnout);
  const leader = Math.round(ballotsCast * share);
  return {
    id: `S${id}`,
    district: `D${id % 4}`,
    registered: 1000,
    ballotsCast,
    valid: ballotsCast,
    invalid: 0,
    votes: { leader, other: ballotsCast - leader },
    ...(observed === undefined ? {} : { observed }),
  };
}

describe('analysis charts (pure SVG)', () => {
  it('fingerprint: one square per non-empty bin, darker where more voters are', () => {
    const stations = [
      ...Array.from({ length: 3 }, (_, i) => station(i, 0.555, 0.455)),
      station(9, 0.975, 0.985),
    ];
    const svg = fingerprintSvg(fingerprint(stations, 'leader'), labels, { idPrefix: 'fp-1' });
    const elements = expectAccessible(svg);
    expect(elements[0]!.attributes['aria-labelledby']).toBe('fp-1-title');
    const bins = byClass(elements, 'bin');
    expect(bins.map((b) => Number(b.attributes['data-voters']))).toEqual([3000, 1000]);
    const blue = (b: (typeof bins)[number]) => Number(/rgb\((\d+)/.exec(b.attributes.fill!)![1]);
    expect(blue(bins[0]!)).toBeLessThan(blue(bins[1]!));
    // The 97%/98% bin sits right of and above the 55%/45% bin.
    expect(Number(bins[1]!.attributes.x)).toBeGreaterThan(Number(bins[0]!.attributes.x));
    expect(Number(bins[1]!.attributes.y)).toBeLessThan(Number(bins[0]!.attributes.y));
  });

  it('turnout histogram: bar heights follow the voters per turnout bin', () => {
    const stations = [
      ...Array.from({ length: 5 }, (_, i) => station(i, 0.505, 0.5)),
      ...Array.from({ length: 2 }, (_, i) => station(10 + i, 0.605, 0.5)),
      station(20, 0.995, 0.99),
    ];
    const fp = fingerprint(stations, 'leader');
    expect(voterWeightedTurnout(fp)[50]).toBe(5000);
    const svg = turnoutHistogramSvg(fp, labels, { marker: { turnout: 0.5, label: 'peak' } });
    const elements = expectAccessible(svg);
    const bars = byClass(elements, 'bar');
    expect(bars).toHaveLength(100);
    const at = (bin: number) => height(bars[bin]!);
    expect(at(50)).toBeGreaterThan(at(60));
    expect(at(60)).toBeGreaterThan(at(99));
    expect(at(99)).toBeGreaterThan(0);
    expect(at(30)).toBe(0);
    expect(at(60) / at(50)).toBeCloseTo(2 / 5, 2);
    expect(byClass(elements, 'marker-label')[0]!.text).toBe('peak');
  });

  it('integer spikes: turnouts written to whole numbers stand out on the whole-percent lines', () => {
    const stations = cleanElection({ seed: 4, stations: 4000 });
    for (const s of everyKth(stations, 4)) {
      s.ballotsCast = Math.round((Math.round((100 * s.ballotsCast) / s.registered) / 100) * s.registered);
      s.valid = s.ballotsCast - s.invalid;
      s.votes = { ...s.votes, leader: Math.min(s.votes.leader!, s.valid), second: 0, third: 0 };
      s.votes.second = s.valid - s.votes.leader!;
    }
    const result = integerPercentages(stations, 'leader', { draws: 1000, seed: 1 });
    const histogram = result.histograms.turnout;
    expect(histogram.reduce((a, b) => a + b, 0)).toBe(result.stationsIncluded);
    const svg = integerSpikesSvg(result, 'turnout', labels);
    const elements = expectAccessible(svg);
    const bars = byClass(elements, 'bar');
    expect(bars.reduce((sum, b) => sum + Number(b.attributes['data-stations']), 0)).toBe(
      result.stationsIncluded,
    );
    const mean = (selected: typeof bars) =>
      selected.reduce((sum, b) => sum + height(b), 0) / Math.max(1, selected.length);
    const whole = bars.filter((b) => Number.isInteger(Number(b.attributes['data-percent'])));
    const fractional = bars.filter((b) => !Number.isInteger(Number(b.attributes['data-percent'])));
    // A quarter of the stations sit on ~60 whole values, the rest spread over ~600 tenths.
    expect(mean(whole)).toBeGreaterThan(2.5 * mean(fractional));
    const tallest = bars.reduce((a, b) => (height(b) > height(a) ? b : a));
    expect(Number(tallest.attributes['data-stations'])).toBe(Math.max(...histogram));
    // Each whole percentage in the drawn range has its line, and the range holds the stations.
    const lines = byClass(elements, 'whole-percent').map((l) => Number(l.attributes['data-percent']));
    expect(lines[1]! - lines[0]!).toBe(1);
    const percents = bars.map((b) => Number(b.attributes['data-percent']));
    expect(Math.min(...percents)).toBeGreaterThanOrEqual(lines[0]!);
    expect(Math.max(...percents)).toBeLessThanOrEqual(lines.at(-1)!);
  });

  it('observer effect: bars per group with intervals that contain them, higher where inflated', () => {
    const stations = cleanElection({ seed: 42, stations: 4000 });
    for (const s of stations) if (s.observers === 0) stuff(s, 0.08 * s.registered);
    const result = observerEffect(stations, [...CHOICES], { seed: 3, bootstrapDraws: 200 })!;
    const svg = observerEffectSvg(result, {
      ...labels,
      observed: 'With observer',
      unobserved: 'Without observer',
      turnout: 'Turnout',
      choiceNames: { leader: 'Leader' },
    });
    const elements = expectAccessible(svg);
    const bars = byClass(elements, 'bar');
    expect(bars).toHaveLength(2 * (1 + CHOICES.length));
    const bar = (group: string, measure: string) =>
      bars.find((b) => b.attributes['data-group'] === group && b.attributes['data-measure'] === measure)!;
    for (const measure of ['turnout', 'leader']) {
      expect(height(bar('unobserved', measure))).toBeGreaterThan(height(bar('observed', measure)));
    }
    expect(height(bar('unobserved', 'second'))).toBeLessThan(height(bar('observed', 'second')));
    for (const b of bars) {
      const [value, low, high] = ['data-value', 'data-low', 'data-high'].map((a) => Number(b.attributes[a]));
      expect(low).toBeLessThanOrEqual(value!);
      expect(high).toBeGreaterThanOrEqual(value!);
    }
    // The error bars' ends are the intervals: the unobserved turnout's bar spans more than 0.
    const errorBars = byClass(elements, 'error-bar');
    expect(errorBars).toHaveLength(bars.length);
    expect(Number(errorBars[1]!.attributes.y1)).toBeGreaterThan(Number(errorBars[1]!.attributes.y2));
    expect(byClass(elements, 'measure-label').map((e) => e.text)).toEqual([
      'Turnout',
      'Leader',
      'second',
      'third',
    ]);
    expect(byClass(elements, 'legend-label').map((e) => e.text)).toEqual([
      'With observer',
      'Without observer',
    ]);
    expect(result.turnout.unobservedInterval.low).toBeGreaterThan(result.turnout.observedInterval.high);
  });
});
