import type { AnalysisReport } from '../analyze-election';
import { fingerprintSvg } from '../charts/fingerprint-svg';
import { integerSpikesSvg } from '../charts/integer-spikes-svg';
import { observerEffectSvg } from '../charts/observer-effect-svg';
import { turnoutHistogramSvg } from '../charts/turnout-histogram-svg';
import type { ReportBlock, ReportSection } from './model';
import type { ReportWriter } from './report-writer';

/** Each method's section of the report, in the order the page and the printed report show them. */
export function methodSections(r: ReportWriter, report: AnalysisReport): ReportSection[] {
  return [
    photos(r, report),
    observers(r, report),
    fingerprint(r, report),
    integer(r, report),
    anomalous(r, report),
    digits(r, report),
    protocols(r, report),
    inflation(r, report),
    tallies(r, report),
  ];
}

/** A headless two-column table of named figures. */
const figures = (rows: readonly (readonly [string, string])[], testId?: string): ReportBlock => ({
  kind: 'table',
  head: [],
  rows: rows.map(([name, value]) => ({ key: name, cells: [{ text: name }, { text: value }] })),
  ...(testId ? { testId } : {}),
});

function photos(r: ReportWriter, report: AnalysisReport): ReportSection {
  const result = report.photoExceedsOfficial;
  if (!result) return r.notComputed('photo', 'analysis.section_photos', 'analysis.what_photos');
  const rows = Object.entries(result.byChoice)
    .sort((a, b) => b[1].votesAtLeast - a[1].votesAtLeast)
    .map(([id, entry]) => ({
      key: id,
      data: { choice: id },
      cells: [
        { text: r.choice(id) },
        { text: r.n(entry.stations), testId: `photo-stations-${id}` },
        { text: r.n(entry.votesAtLeast), testId: `photo-votes-${id}` },
      ],
    }));
  return r.section('photo', 'analysis.section_photos', result, r.described(result.uncertainty), [
    { kind: 'paragraph', text: r.t('analysis.photo.compared', { count: r.n(result.stationsCompared) }) },
    {
      kind: 'table',
      testId: 'photo-table',
      head: [r.t('analysis.figure_choice'), r.t('analysis.photo.stations'), r.t('analysis.photo.votes')],
      rows,
    },
  ]);
}

function observers(r: ReportWriter, report: AnalysisReport): ReportSection {
  const effect = report.observerEffect;
  if (!effect) return r.notComputed('observers', 'analysis.section_observers', 'analysis.what_observers');
  const difference = (d: { difference: number; interval: { low: number; high: number } }) => ({
    text: r.points(d.difference),
    detail: `(${r.points(d.interval.low)} … ${r.points(d.interval.high)})`,
  });
  const measures = [
    {
      id: 'turnout',
      name: r.t('analysis.turnout'),
      rates: effect.turnout,
      within: effect.stratified.turnout,
    },
    ...Object.entries(effect.shares).map(([id, rates]) => ({
      id,
      name: r.choice(id),
      rates,
      within: effect.stratified.shares[id]!,
    })),
  ];
  const chart = observerEffectSvg(
    effect,
    {
      title: r.t('analysis.chart_observers_title'),
      description: r.t('analysis.chart_observers_description'),
      xAxis: '',
      yAxis: r.t('analysis.axis_share'),
      observed: r.t('analysis.chart_observed'),
      unobserved: r.t('analysis.chart_unobserved'),
      turnout: r.t('analysis.turnout'),
      choiceNames: r.context.chartChoiceNames ?? r.context.choiceNames ?? {},
    },
    { idPrefix: 'chart-observers' },
  );
  // The headline's interval, described in the report's language.
  const uncertainty = r.interval(
    { ...effect.headline.interval, described: effect.uncertainty.described },
    (x) => r.n(x * 100, 1),
  );
  return r.section('observers', 'analysis.section_observers', effect, uncertainty, [
    {
      kind: 'paragraph',
      testId: 'observer-counts',
      text: r.t('analysis.observers.counts', {
        observed: r.n(effect.observedStations),
        unobserved: r.n(effect.unobservedStations),
      }),
    },
    { kind: 'figure', svg: chart, testId: 'observer-chart' },
    {
      kind: 'table',
      testId: 'observer-table',
      head: [
        r.t('analysis.observers.measure'),
        r.t('analysis.chart_observed'),
        r.t('analysis.chart_unobserved'),
        r.t('analysis.observers.difference'),
        r.t('analysis.observers.stratified', { districts: r.n(effect.stratified.districts) }),
      ],
      rows: measures.map((m) => ({
        key: m.id,
        data: { measure: m.id },
        cells: [
          { text: m.name },
          { text: r.pct(m.rates.observed) },
          { text: r.pct(m.rates.unobserved) },
          { ...difference(m.rates), testId: `observer-difference-${m.id}` },
          difference(m.within),
        ],
      })),
    },
    { kind: 'paragraph', note: true, text: r.t('analysis.observers.points') },
  ]);
}

function fingerprint(r: ReportWriter, report: AnalysisReport): ReportSection {
  const result = report.fingerprint;
  if (!result) return r.notComputed('fingerprint', 'analysis.section_fingerprint', 'analysis.what_official');
  const fingerprintChart = fingerprintSvg(
    result,
    {
      title: r.t('analysis.chart_fingerprint_title'),
      description: r.t('analysis.chart_fingerprint_description'),
      xAxis: r.t('analysis.axis_turnout'),
      yAxis: r.t('analysis.axis_leader_share'),
    },
    { idPrefix: 'chart-fingerprint', size: 300 },
  );
  const av = report.anomalousVotes;
  const clean = av?.fitted && Number.isFinite(av.cleanTurnout) ? av.cleanTurnout : undefined;
  const turnoutChart = turnoutHistogramSvg(
    result,
    {
      title: r.t('analysis.chart_turnout_title'),
      description: r.t('analysis.chart_turnout_description'),
      xAxis: r.t('analysis.axis_turnout'),
      yAxis: r.t('analysis.axis_voters'),
    },
    {
      idPrefix: 'chart-turnout',
      width: 420,
      ...(clean !== undefined
        ? { marker: { turnout: clean, label: r.t('analysis.chart_turnout_marker') } }
        : {}),
    },
  );
  return r.section(
    'fingerprint',
    'analysis.section_fingerprint',
    result,
    r.t('analysis.descriptive', { note: r.described(result.uncertainty) }),
    [
      { kind: 'figure', svg: fingerprintChart, testId: 'fingerprint-chart' },
      { kind: 'figure', svg: turnoutChart, testId: 'turnout-chart' },
    ],
  );
}

function integer(r: ReportWriter, report: AnalysisReport): ReportSection {
  const result = report.integerPercentages;
  if (!result) return r.notComputed('integer', 'analysis.section_integer', 'analysis.what_official');
  const spikes = (variable: 'turnout' | 'leaderShare') =>
    integerSpikesSvg(
      result,
      variable,
      {
        title: r.t(
          variable === 'turnout'
            ? 'analysis.chart_spikes_turnout_title'
            : 'analysis.chart_spikes_share_title',
        ),
        description: r.t('analysis.chart_spikes_description'),
        xAxis: r.t(variable === 'turnout' ? 'analysis.axis_turnout' : 'analysis.axis_leader_share'),
        yAxis: r.t('analysis.axis_stations'),
      },
      { idPrefix: `chart-spikes-${variable}` },
    );
  const { uncertainty } = result;
  const nullSd = r.t('analysis.null_sd', {
    sd: r.n(uncertainty.expectedSd, 1),
    draws: r.n(uncertainty.draws),
    seed: uncertainty.seed,
  });
  return r.section('integer', 'analysis.section_integer', result, nullSd, [
    figures(
      [
        [r.t('analysis.figure_integer_observed'), r.n(result.observed)],
        [
          r.t('analysis.figure_integer_expected'),
          `${r.n(result.expectedMean, 1)} ± ${r.n(result.expectedSd, 1)}`,
        ],
        [r.t('analysis.figure_excess'), `${r.n(result.excess, 1)} (z = ${r.n(result.z, 1)})`],
      ],
      'integer-figures',
    ),
    // Stored reports from before the histograms were kept have none to draw.
    ...(result.histograms
      ? (['turnout', 'leaderShare'] as const).map((variable) => ({
          kind: 'figure' as const,
          svg: spikes(variable),
          testId: `integer-chart-${variable}`,
        }))
      : []),
  ]);
}

function anomalous(r: ReportWriter, report: AnalysisReport): ReportSection {
  const result = report.anomalousVotes;
  if (!result) return r.notComputed('anomalous', 'analysis.section_anomalous', 'analysis.what_official');
  // A fit that could not be made shows no figures: its reading says why.
  if (!result.fitted)
    return r.section('anomalous', 'analysis.section_anomalous', result, r.described(result.uncertainty), []);
  return r.section(
    'anomalous',
    'analysis.section_anomalous',
    result,
    r.interval(result.uncertainty, (v) => r.n(v)),
    [
      figures(
        [
          [r.t('analysis.figure_clean_turnout'), r.pct(result.cleanTurnout)],
          [r.t('analysis.figure_clean_share'), r.pct(result.cleanShare)],
          [r.t('analysis.figure_anomalous_votes'), r.n(result.votes)],
        ],
        'anomalous-figures',
      ),
    ],
  );
}

function digits(r: ReportWriter, report: AnalysisReport): ReportSection {
  const result = report.digitTests;
  if (!result) return r.notComputed('digits', 'analysis.section_digits', 'analysis.what_official');
  const statistics = ['secondDigitMean', 'lastDigitMean', 'zeroFiveShare'] as const;
  const rows = Object.entries(result.byChoice).flatMap(([choice, tests]) =>
    statistics.map((name) => {
      const statistic = tests[name];
      return {
        key: `${choice}-${name}`,
        cells: [
          { text: `${r.choice(choice)}: ${r.t(`analysis.digit_statistic.${name}`)}` },
          { text: r.n(statistic.value, 3) },
          { text: r.n(statistic.expected, 3) },
          { text: `${r.n(statistic.interval.low, 3)} – ${r.n(statistic.interval.high, 3)}` },
          { text: `z = ${r.n(statistic.z, 1)}${statistic.departs ? ' ⚠' : ''}` },
        ],
      };
    }),
  );
  return r.section('digits', 'analysis.section_digits', result, r.described(result.uncertainty), [
    {
      kind: 'table',
      head: [
        r.t('analysis.figure_statistic'),
        r.t('analysis.figure_value'),
        r.t('analysis.figure_expected'),
        '95%',
        'z',
      ],
      rows,
    },
  ]);
}

function protocols(r: ReportWriter, report: AnalysisReport): ReportSection {
  const result = report.protocolDiscrepancies;
  if (!result) return r.notComputed('protocols', 'analysis.section_protocols', 'analysis.what_protocols');
  const choices = Object.keys({ ...result.movedAway, ...result.movedTo });
  return r.section('protocols', 'analysis.section_protocols', result, r.described(result.uncertainty), [
    figures([
      [r.t('analysis.figure_compared'), r.n(result.precinctsCompared)],
      [r.t('analysis.figure_beyond_tolerance'), r.n(result.precinctsBeyondTolerance.length)],
    ]),
    {
      kind: 'table',
      head: [
        r.t('analysis.figure_choice'),
        r.t('analysis.figure_moved_away'),
        r.t('analysis.figure_moved_to'),
      ],
      rows: choices.map((choice) => ({
        key: choice,
        data: { choice },
        cells: [
          { text: r.choice(choice) },
          { text: r.n(result.movedAway[choice] ?? 0) },
          { text: r.n(result.movedTo[choice] ?? 0) },
        ],
      })),
    },
  ]);
}

function inflation(r: ReportWriter, report: AnalysisReport): ReportSection {
  const result = report.turnoutInflation;
  if (!result) return r.notComputed('inflation', 'analysis.section_inflation', 'analysis.what_protocols');
  return r.section(
    'inflation',
    'analysis.section_inflation',
    result,
    r.interval(result.uncertainty, (v) => r.n(v * 100, 1)),
    [
      figures([
        [r.t('analysis.figure_official_turnout'), r.pct(result.officialTurnout)],
        [r.t('analysis.figure_protocol_turnout'), r.pct(result.protocolTurnout)],
        [r.t('analysis.figure_extra_ballots'), r.n(result.extraBallots)],
      ]),
    ],
  );
}

const TALLY_NAMES = {
  official: 'analysis.tally_official',
  voters: 'analysis.tally_voters',
  photos: 'analysis.tally_photos',
  observers: 'analysis.tally_observers',
} as const;

/** One section for every source's national tally, a table each; their readings in one line. */
function tallies(r: ReportWriter, report: AnalysisReport): ReportSection {
  const national = report.tallies.national;
  if (national.length === 0)
    return r.notComputed('tallies', 'analysis.section_tallies', 'analysis.what_official');
  const first = national[0]!;
  const blocks = national.flatMap((tally) => [
    {
      kind: 'subheading' as const,
      text: `${r.t(TALLY_NAMES[tally.source])}${tally.selfSelectedSample ? ` (${r.t('analysis.self_selected')})` : ''}`,
    },
    {
      kind: 'table' as const,
      testId: `tally-${tally.source}`,
      head: [
        r.t('analysis.figure_choice'),
        r.t('analysis.figure_votes'),
        r.t('analysis.figure_share'),
        r.t('analysis.uncertainty'),
      ],
      rows: Object.entries(tally.byChoice).map(([choice, share]) => ({
        key: choice,
        data: { choice },
        cells: [
          { text: r.choice(choice) },
          { text: r.n(share.votes) },
          { text: r.pct(share.share, 2) },
          {
            text: tally.selfSelectedSample
              ? `${r.pct(share.interval.low)} – ${r.pct(share.interval.high)}`
              : '—',
          },
        ],
      })),
    },
  ]);
  const uncertainty = national.some((t) => t.selfSelectedSample) ? r.t('analysis.uncertainty.wilson') : '—';
  const joined = (locale: 'kk' | 'ru' | 'en') => national.map((tally) => tally.reading[locale]).join(' ');
  const reading = { kk: joined('kk'), ru: joined('ru'), en: joined('en') };
  return r.section(
    'tallies',
    'analysis.section_tallies',
    { ...first, reading, sampleSize: first.stations },
    uncertainty,
    blocks,
  );
}
