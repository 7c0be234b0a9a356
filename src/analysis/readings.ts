import type { AnalysisMessageKey } from '../i18n/catalogs/analysis';
import { inEveryLanguage, type AnalysisText, type AnalysisTextParam } from './analysis-text';
import type { AnomalousVotesNotFitted } from './anomalous-votes';
import type { ObserverEffectHeadline } from './observer-effect';
import type { Reading } from './types';

/**
 * One-line readings of every result. They state what the figure means and how sure it is, never
 * more than the method supports. This file decides which reading applies and with which figures
 * (`…Text` functions return a catalog key and its params); the words, in kk, ru and en, are in
 * src/i18n/catalogs/analysis/. The `…Reading` functions render a text in every language, as the
 * results (and the API) carry it.
 */

const count = (value: number): AnalysisTextParam => ({ number: value, digits: 0 });
const oneDecimal = (value: number): AnalysisTextParam => ({ number: value, digits: 1 });
/** A fraction as unsigned percentage points: 0.089 → "8.9". */
const pointsUnsigned = (fraction: number): AnalysisTextParam => oneDecimal(fraction * 100);

export function integerPercentagesText(excess: number, z: number, stations: number): AnalysisText {
  const params = { excess: count(excess), stations: count(stations), z: oneDecimal(z) };
  return { key: z >= 3 ? 'analysis.reading.integer_significant' : 'analysis.reading.integer_chance', params };
}

export function anomalousVotesText(
  votes: number,
  low: number,
  high: number,
  cleanTurnout: number,
): AnalysisText {
  const params = {
    votes: count(votes),
    low: count(low),
    high: count(high),
    turnout: { percent: cleanTurnout },
  };
  return { key: low > 0 ? 'analysis.reading.anomalous_found' : 'analysis.reading.anomalous_none', params };
}

const NOT_FITTED_KEYS: Record<AnomalousVotesNotFitted['reason'], AnalysisMessageKey> = {
  'too-few-stations': 'analysis.reading.anomalous_too_few_stations',
  'too-few-at-peak': 'analysis.reading.anomalous_too_few_at_peak',
  'clean-share-degenerate': 'analysis.reading.anomalous_clean_share_degenerate',
};

/** What to say when Shpilkin's method cannot be fitted: that it was not, and why. */
export function anomalousVotesNotFittedText(why: AnomalousVotesNotFitted): AnalysisText {
  return {
    key: NOT_FITTED_KEYS[why.reason],
    params: {
      stations: count(why.stations),
      needed: count(why.needed),
      below: count(why.stationsAtOrBelowPeak),
      peak: { percent: why.peak },
      share: { percent: why.cleanShare },
    },
  };
}

export function fingerprintText(cornerShare: number, expectedShare: number): AnalysisText {
  const extreme = cornerShare > 3 * expectedShare + 0.005;
  return {
    key: extreme ? 'analysis.reading.fingerprint_extreme' : 'analysis.reading.fingerprint_blob',
    params: { share: { percent: cornerShare } },
  };
}

/** The names of the digit statistics (ids as in digit-tests.ts); another id is shown as given. */
const DIGIT_STATISTICS: Record<string, AnalysisMessageKey> = {
  secondDigitMean: 'analysis.digit_statistic.secondDigitMean',
  lastDigitMean: 'analysis.digit_statistic.lastDigitMean',
  zeroFiveShare: 'analysis.digit_statistic.zeroFiveShare',
};

function digitStatisticText(statistic: string): AnalysisTextParam {
  const key = DIGIT_STATISTICS[statistic];
  return key ? { text: { key } } : statistic;
}

export function digitTestsText(flagged: readonly { choice: string; statistic: string }[]): AnalysisText {
  if (flagged.length === 0) return { key: 'analysis.reading.digits_agree' };
  // "united-russia: second-digit mean, party-1: last-digit mean" (one "choice: statistic" each).
  const list = flagged.map(({ choice, statistic }) => ({
    key: 'analysis.reading.digit_flag' as const,
    params: { choice, statistic: digitStatisticText(statistic) },
  }));
  return { key: 'analysis.reading.digits_depart', params: { flagged: { list } } };
}

/**
 * The observer effect's one line, led by its strongest documented effect (the measure chosen by
 * `strongestEffect`), with its interval, and the same measure's overall difference.
 */
export function observerEffectText(effect: ObserverEffectHeadline): AnalysisText {
  const { measure, difference, interval, overall, significant, districts } = effect;
  const within = effect.scope === 'within-districts';
  const what: AnalysisText =
    measure === 'turnout'
      ? { key: 'analysis.reading.observer_what_turnout' }
      : { key: 'analysis.reading.observer_what_share', params: { choice: measure } };
  const scope: AnalysisText = within
    ? { key: 'analysis.reading.observer_scope_within', params: { districts: count(districts) } }
    : { key: 'analysis.reading.observer_scope_all' };
  const overallPart: AnalysisTextParam = within
    ? { text: { key: 'analysis.reading.observer_overall', params: { overall: { points: overall } } } }
    : '';
  return {
    key: significant ? 'analysis.reading.observer_significant' : 'analysis.reading.observer_chance',
    params: {
      what: { text: what },
      scope: { text: scope },
      difference: { points: difference },
      low: { points: interval.low },
      high: { points: interval.high },
      overall: overallPart,
    },
  };
}

export function photoEvidenceText(stations: number, votes: number, choice: string): AnalysisText {
  return stations > 0
    ? {
        key: 'analysis.reading.photo_exceeds',
        params: { stations: count(stations), votes: count(votes), choice },
      }
    : { key: 'analysis.reading.photo_within', params: { choice } };
}

export function protocolDiscrepanciesText(compared: number, beyond: number): AnalysisText {
  return { key: 'analysis.reading.protocols', params: { compared: count(compared), beyond: count(beyond) } };
}

export function turnoutInflationText(
  difference: number,
  low: number,
  high: number,
  stations: number,
): AnalysisText {
  if (low <= 0) return { key: 'analysis.reading.inflation_none', params: { stations: count(stations) } };
  return {
    key: 'analysis.reading.inflation_found',
    params: {
      stations: count(stations),
      difference: pointsUnsigned(difference),
      low: pointsUnsigned(low),
      high: pointsUnsigned(high),
    },
  };
}

/** The names of the tally sources (ids as in tallies.ts); another id is shown as given. */
const SOURCES: Record<string, AnalysisMessageKey> = {
  official: 'analysis.reading.source_official',
  voters: 'analysis.reading.source_voters',
  photos: 'analysis.reading.source_photos',
  observers: 'analysis.reading.source_observers',
};

export function talliesText(sourceId: string, sampleSize: number, selfSelected: boolean): AnalysisText {
  const key = SOURCES[sourceId];
  const source: AnalysisTextParam = key ? { text: { key } } : sourceId;
  return {
    key: selfSelected ? 'analysis.reading.tally_self_selected' : 'analysis.reading.tally_counts',
    params: { source, count: count(sampleSize) },
  };
}

export const integerPercentagesReading = (...args: Parameters<typeof integerPercentagesText>): Reading =>
  inEveryLanguage(integerPercentagesText(...args));
export const anomalousVotesReading = (...args: Parameters<typeof anomalousVotesText>): Reading =>
  inEveryLanguage(anomalousVotesText(...args));
export const anomalousVotesNotFittedReading = (why: AnomalousVotesNotFitted): Reading =>
  inEveryLanguage(anomalousVotesNotFittedText(why));
export const fingerprintReading = (cornerShare: number, expectedShare: number): Reading =>
  inEveryLanguage(fingerprintText(cornerShare, expectedShare));
export const digitTestsReading = (flagged: readonly { choice: string; statistic: string }[]): Reading =>
  inEveryLanguage(digitTestsText(flagged));
export const observerEffectReading = (effect: ObserverEffectHeadline): Reading =>
  inEveryLanguage(observerEffectText(effect));
export const photoEvidenceReading = (...args: Parameters<typeof photoEvidenceText>): Reading =>
  inEveryLanguage(photoEvidenceText(...args));
export const protocolDiscrepanciesReading = (compared: number, beyond: number): Reading =>
  inEveryLanguage(protocolDiscrepanciesText(compared, beyond));
export const turnoutInflationReading = (...args: Parameters<typeof turnoutInflationText>): Reading =>
  inEveryLanguage(turnoutInflationText(...args));
export const talliesReading = (...args: Parameters<typeof talliesText>): Reading =>
  inEveryLanguage(talliesText(...args));

const BOOTSTRAP_KEYS = {
  stations: 'analysis.uncertainty.bootstrap_stations',
  districts: 'analysis.uncertainty.bootstrap_districts',
  stratified: 'analysis.uncertainty.bootstrap_stratified',
  counts: 'analysis.uncertainty.bootstrap_counts',
  precincts: 'analysis.uncertainty.bootstrap_precincts',
} as const;

/**
 * How an uncertainty was obtained, in each language: the `described` line every result's
 * `uncertainty` carries beside its English `kind` (kept as it was for API clients).
 */
export const uncertaintyDescription = {
  bootstrap(over: keyof typeof BOOTSTRAP_KEYS, draws: number, seed: number, clusters = 0): Reading {
    return inEveryLanguage({
      key: BOOTSTRAP_KEYS[over],
      params: { draws: count(draws), seed, clusters: count(clusters) },
    });
  },
  documents: (): Reading => inEveryLanguage({ key: 'analysis.uncertainty.documents' }),
  lowerBound: (): Reading => inEveryLanguage({ key: 'analysis.uncertainty.lower_bound' }),
  descriptive: (): Reading => inEveryLanguage({ key: 'analysis.uncertainty.descriptive' }),
  monteCarloNull: (draws: number, seed: number): Reading =>
    inEveryLanguage({ key: 'analysis.uncertainty.monte_carlo_null', params: { draws: count(draws), seed } }),
  notFitted: (): Reading => inEveryLanguage({ key: 'analysis.uncertainty.not_fitted' }),
  wilson: (): Reading => inEveryLanguage({ key: 'analysis.uncertainty.wilson' }),
  fullCount: (): Reading => inEveryLanguage({ key: 'analysis.uncertainty.full_count' }),
};
