import type { AnalysisReport } from '../../analysis/analyze-election';
import { fingerprintSvg } from '../../analysis/charts/fingerprint-svg';
import { integerSpikesSvg } from '../../analysis/charts/integer-spikes-svg';
import { observerEffectSvg } from '../../analysis/charts/observer-effect-svg';
import { escapeXml as escapeHtml } from '../../analysis/charts/svg-document';
import { turnoutHistogramSvg } from '../../analysis/charts/turnout-histogram-svg';
import { readingWithNames } from '../../analysis/reading-names';
import type { ExplainedResult, Interval, Reading } from '../../analysis/types';
import type { Locale } from '../../domain/locale';
import { translate, type MessageKey } from '../../i18n';
import { formatDateTime, formatNumber, formatPercent } from '../../i18n/format';
import { REPORT_STYLESHEET } from './report-stylesheet';

/** What the report says about the election besides the analysis itself. */
export interface ReportContext {
  locale: Locale;
  /** The election's name in the locale (or the file's name for a CSV). */
  election: string;
  /** Display names of choices by id; the id is shown when absent. */
  choiceNames?: Record<string, string>;
  /** When the analysis was computed (ISO 8601). */
  computedAt: string;
}

/**
 * The printable report of an analysis: one self-contained HTML page (its only style is
 * `REPORT_STYLESHEET`, no script, charts as inline SVG). Every section shows the method and its
 * source, the inputs, the sample size, the uncertainty and the one-line reading in the chosen
 * language, with the charts of the dashboard's analysis page.
 *
 * @example
 * const html = analysisReportHtml(report, { locale: 'ru', election: 'Выборы 2011', computedAt: new Date().toISOString() });
 */
export function analysisReportHtml(report: AnalysisReport, context: ReportContext): string {
  const r = new ReportWriter(context);
  const s = report.summary;
  const title = r.t('analysis.report_title', { election: context.election });
  const body = [
    `<header>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${r.text('analysis.report_intro')}</p>`,
    `<p>${r.text('analysis.report_generated', { date: `${formatDateTime(context.locale, context.computedAt, 'UTC')} UTC`, seed: s.seed })}</p>`,
    `</header>`,
    `<section class="summary">`,
    `<h2>${r.text('analysis.summary')}</h2>`,
    r.table(
      [],
      [
        [
          r.t('analysis.stations'),
          `${r.n(s.stations)} (${r.n(s.stationsWithOfficialResult)} ${r.t('analysis.stations_with_result')})`,
        ],
        [r.t('analysis.registered'), r.n(s.registered)],
        [r.t('analysis.turnout'), r.pct(s.turnout, 2)],
        [r.t('analysis.leader'), r.choice(s.leader)],
        [r.t('analysis.leader_share'), r.pct(s.leaderShare, 2)],
      ],
    ),
    `</section>`,
    ...tallies(r, report),
    ...protocols(r, report),
    ...photos(r, report),
    ...observers(r, report),
    ...fingerprintSection(r, report),
    ...integerSection(r, report),
    ...anomalous(r, report),
    ...digits(r, report),
    ...inflation(r, report),
  ];
  return [
    '<!doctype html>',
    `<html lang="${context.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Translation and formatting in the report's language. */
class ReportWriter {
  constructor(readonly context: ReportContext) {}

  get locale(): Locale {
    return this.context.locale;
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.locale, { key, ...(params ? { params } : {}) });
  }

  /** A translated text, escaped for HTML. */
  text(key: MessageKey, params?: Record<string, string | number>): string {
    return escapeHtml(this.t(key, params));
  }

  n(value: number, digits = 0): string {
    return formatNumber(this.locale, value, { digits });
  }

  pct(fraction: number, digits = 1): string {
    return formatPercent(this.locale, fraction, { digits });
  }

  choice(id: string): string {
    return this.context.choiceNames?.[id] ?? id;
  }

  interval(interval: Interval, format: (value: number) => string): string {
    return this.t('analysis.interval', {
      low: format(interval.low),
      high: format(interval.high),
      kind: this.described(interval),
    });
  }

  /** How an uncertainty was obtained, in the report's language (English `kind` when absent). */
  described(uncertainty: { kind?: string; note?: string; described?: Reading }): string {
    return uncertainty.described?.[this.locale] ?? uncertainty.kind ?? uncertainty.note ?? '—';
  }

  /** A result's reading in the report's language, with choices' names for their ids. */
  reading(result: ExplainedResult): string {
    return readingWithNames(result.reading[this.locale], this.context.choiceNames ?? {});
  }

  /** A table whose cells are plain text (escaped here). */
  table(head: readonly string[], rows: readonly (readonly string[])[]): string {
    const cells = (tag: string, row: readonly string[]) =>
      row.map((cell) => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('');
    return [
      '<table>',
      head.length ? `<thead><tr>${cells('th', head)}</tr></thead>` : '',
      `<tbody>${rows.map((row) => `<tr>${cells('td', row)}</tr>`).join('')}</tbody>`,
      '</table>',
    ].join('');
  }

  /** A method's section: heading, reading, method, inputs, sample size, uncertainty, then `extra`. */
  section(
    id: string,
    heading: MessageKey,
    result: ExplainedResult,
    uncertainty: string,
    extra: readonly string[],
  ): string[] {
    const method = result.method.localized?.[this.locale] ?? result.method;
    const inputs = Object.entries(result.inputs).map(
      ([key, value]) => `<li>${escapeHtml(key)}: ${escapeHtml(this.inputValue(key, value))}</li>`,
    );
    return [
      `<section id="${id}">`,
      `<h2>${this.text(heading)}</h2>`,
      `<p class="reading">${escapeHtml(this.reading(result))}</p>`,
      '<dl class="meta">',
      `<dt>${this.text('analysis.method')}</dt><dd>${escapeHtml(method.name)}</dd>`,
      `<dt>${this.text('analysis.source')}</dt><dd>${escapeHtml(method.citation)}</dd>`,
      `<dt>${this.text('analysis.inputs')}</dt><dd><ul>${inputs.join('')}</ul></dd>`,
      `<dt>${this.text('analysis.sample_size')}</dt><dd>${this.text('analysis.sample_size_value', { count: this.n(result.sampleSize) })}</dd>`,
      `<dt>${this.text('analysis.uncertainty')}</dt><dd>${escapeHtml(uncertainty)}</dd>`,
      '</dl>',
      ...extra,
      '</section>',
    ];
  }

  /** The section of a method the data did not allow. */
  notComputed(id: string, heading: MessageKey, what: MessageKey): string[] {
    return [
      `<section id="${id}">`,
      `<h2>${this.text(heading)}</h2>`,
      `<p class="not-computed">${this.text('analysis.not_computed', { what: this.t(what) })}</p>`,
      '</section>',
    ];
  }

  /** An input's value; choice ids (the leader, lists of choices) shown by their names. */
  inputValue(key: string, value: unknown): string {
    if (key === 'leader' && typeof value === 'string') return this.choice(value);
    if (key === 'choices' && Array.isArray(value))
      return value.map((id) => this.choice(String(id))).join(', ');
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    // "votes.united-russia / (valid + invalid)": the id after "votes." is a choice.
    return text.replace(/votes\.([A-Za-z0-9_-]+)/g, (whole, id: string) =>
      this.context.choiceNames?.[id] ? `votes(${this.choice(id)})` : whole,
    );
  }

  figure(svg: string): string {
    return `<figure>${svg}</figure>`;
  }
}

function tallies(r: ReportWriter, report: AnalysisReport): string[] {
  const national = report.tallies.national;
  if (national.length === 0)
    return r.notComputed('tallies', 'analysis.section_tallies', 'analysis.what_official');
  const first = national[0]!;
  const sourceName = (source: string): string => r.t(`analysis.tally_${source}` as MessageKey);
  const extra = national.flatMap((tally) => [
    `<h3>${escapeHtml(sourceName(tally.source))}${tally.selfSelectedSample ? ` (${r.text('analysis.self_selected')})` : ''}</h3>`,
    r.table(
      [
        r.t('analysis.figure_choice'),
        r.t('analysis.figure_votes'),
        r.t('analysis.figure_share'),
        r.t('analysis.uncertainty'),
      ],
      Object.entries(tally.byChoice).map(([choice, share]) => [
        r.choice(choice),
        r.n(share.votes),
        r.pct(share.share, 2),
        tally.selfSelectedSample ? `${r.pct(share.interval.low, 1)} – ${r.pct(share.interval.high, 1)}` : '—',
      ]),
    ),
  ]);
  const uncertainty = national.some((t) => t.selfSelectedSample) ? r.t('analysis.wilson') : '—';
  // One reading per source, each in the section's reading line.
  const reading = { ...first.reading };
  for (const locale of ['kk', 'ru', 'en'] as const)
    reading[locale] = national.map((tally) => tally.reading[locale]).join(' ');
  return r.section(
    'tallies',
    'analysis.section_tallies',
    { ...first, reading, sampleSize: first.stations },
    uncertainty,
    extra,
  );
}

function protocols(r: ReportWriter, report: AnalysisReport): string[] {
  const result = report.protocolDiscrepancies;
  if (!result) return r.notComputed('protocols', 'analysis.section_protocols', 'analysis.what_protocols');
  return r.section('protocols', 'analysis.section_protocols', result, r.described(result.uncertainty), [
    r.table(
      [],
      [
        [r.t('analysis.figure_compared'), r.n(result.precinctsCompared)],
        [r.t('analysis.figure_beyond_tolerance'), r.n(result.precinctsBeyondTolerance.length)],
      ],
    ),
    r.table(
      [r.t('analysis.figure_choice'), r.t('analysis.figure_moved_away'), r.t('analysis.figure_moved_to')],
      Object.keys({ ...result.movedAway, ...result.movedTo }).map((choice) => [
        r.choice(choice),
        r.n(result.movedAway[choice] ?? 0),
        r.n(result.movedTo[choice] ?? 0),
      ]),
    ),
  ]);
}

function photos(r: ReportWriter, report: AnalysisReport): string[] {
  const result = report.photoExceedsOfficial;
  if (!result) return r.notComputed('photos', 'analysis.section_photos', 'analysis.what_photos');
  return r.section('photos', 'analysis.section_photos', result, r.described(result.uncertainty), [
    r.table(
      [r.t('analysis.figure_choice'), r.t('analysis.figure_stations'), r.t('analysis.figure_votes_at_least')],
      Object.entries(result.byChoice).map(([choice, c]) => [
        r.choice(choice),
        r.n(c.stations),
        r.n(c.votesAtLeast),
      ]),
    ),
  ]);
}

function observers(r: ReportWriter, report: AnalysisReport): string[] {
  const result = report.observerEffect;
  if (!result) return r.notComputed('observers', 'analysis.section_observers', 'analysis.what_observers');
  const points = (x: number) => `${r.n(x * 100, 1)}`;
  const chart = observerEffectSvg(
    result,
    {
      title: r.t('analysis.chart_observers_title'),
      description: r.t('analysis.chart_observers_description'),
      xAxis: '',
      yAxis: r.t('analysis.axis_share'),
      observed: r.t('analysis.chart_observed'),
      unobserved: r.t('analysis.chart_unobserved'),
      turnout: r.t('analysis.turnout'),
      choiceNames: r.context.choiceNames ?? {},
    },
    { idPrefix: 'chart-observers' },
  );
  return r.section(
    'observers',
    'analysis.section_observers',
    result,
    // The interval of the effect the reading leads with, described in the report's language.
    r.interval({ ...result.headline.interval, described: result.uncertainty.described }, points),
    [
      r.table(
        ['', r.t('analysis.chart_observed'), r.t('analysis.chart_unobserved'), r.t('analysis.figure_excess')],
        [
          [
            r.t('analysis.turnout'),
            r.pct(result.turnout.observed),
            r.pct(result.turnout.unobserved),
            `${points(result.turnout.difference)} (${points(result.turnout.interval.low)} … ${points(result.turnout.interval.high)})`,
          ],
          ...Object.entries(result.shares).map(([choice, share]) => [
            r.choice(choice),
            r.pct(share.observed),
            r.pct(share.unobserved),
            `${points(share.difference)} (${points(share.interval.low)} … ${points(share.interval.high)})`,
          ]),
        ],
      ),
      r.figure(chart),
    ],
  );
}

function fingerprintSection(r: ReportWriter, report: AnalysisReport): string[] {
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
    { idPrefix: 'chart-fingerprint', size: 360 },
  );
  const clean = report.anomalousVotes?.fitted ? report.anomalousVotes.cleanTurnout : undefined;
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
    [r.figure(fingerprintChart), r.figure(turnoutChart)],
  );
}

function integerSection(r: ReportWriter, report: AnalysisReport): string[] {
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
  return r.section(
    'integer',
    'analysis.section_integer',
    result,
    r.t('analysis.null_sd', {
      sd: r.n(uncertainty.expectedSd, 1),
      draws: r.n(uncertainty.draws),
      seed: uncertainty.seed,
    }),
    [
      r.table(
        [],
        [
          [r.t('analysis.figure_integer_observed'), r.n(result.observed)],
          [
            r.t('analysis.figure_integer_expected'),
            `${r.n(result.expectedMean, 1)} ± ${r.n(result.expectedSd, 1)}`,
          ],
          [r.t('analysis.figure_excess'), `${r.n(result.excess, 1)} (z = ${r.n(result.z, 1)})`],
        ],
      ),
      r.figure(spikes('turnout')),
      r.figure(spikes('leaderShare')),
    ],
  );
}

function anomalous(r: ReportWriter, report: AnalysisReport): string[] {
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
      r.table(
        [],
        [
          [r.t('analysis.figure_clean_turnout'), r.pct(result.cleanTurnout)],
          [r.t('analysis.figure_clean_share'), r.pct(result.cleanShare)],
          [r.t('analysis.figure_anomalous_votes'), r.n(result.votes)],
        ],
      ),
    ],
  );
}

function digits(r: ReportWriter, report: AnalysisReport): string[] {
  const result = report.digitTests;
  if (!result) return r.notComputed('digits', 'analysis.section_digits', 'analysis.what_official');
  const statistics = [
    ['secondDigitMean', 'analysis.figure_second_digit'],
    ['lastDigitMean', 'analysis.figure_last_digit'],
    ['zeroFiveShare', 'analysis.figure_zero_five'],
  ] as const;
  const rows = Object.entries(result.byChoice).flatMap(([choice, tests]) =>
    statistics.map(([name, label]) => {
      const statistic = tests[name];
      return [
        `${r.choice(choice)}: ${r.t(label)}`,
        r.n(statistic.value, 3),
        r.n(statistic.expected, 3),
        `${r.n(statistic.interval.low, 3)} – ${r.n(statistic.interval.high, 3)}`,
        `z = ${r.n(statistic.z, 1)}${statistic.departs ? ' ⚠' : ''}`,
      ];
    }),
  );
  return r.section('digits', 'analysis.section_digits', result, r.described(result.uncertainty), [
    r.table(
      [
        r.t('analysis.figure_statistic'),
        r.t('analysis.figure_value'),
        r.t('analysis.figure_expected'),
        '95%',
        'z',
      ],
      rows,
    ),
  ]);
}

function inflation(r: ReportWriter, report: AnalysisReport): string[] {
  const result = report.turnoutInflation;
  if (!result) return r.notComputed('inflation', 'analysis.section_inflation', 'analysis.what_protocols');
  return r.section(
    'inflation',
    'analysis.section_inflation',
    result,
    r.interval(result.uncertainty, (v) => `${r.n(v * 100, 1)}`),
    [
      r.table(
        [],
        [
          [r.t('analysis.figure_official_turnout'), r.pct(result.officialTurnout)],
          [r.t('analysis.figure_protocol_turnout'), r.pct(result.protocolTurnout)],
          [r.t('analysis.figure_extra_ballots'), r.n(result.extraBallots)],
        ],
      ),
    ],
  );
}
