import { basename } from 'node:path';
import type { Command } from 'commander';
import { analyzeElection, type AnalysisReport } from '../../analysis/analyze-election';
import { readingWithNames } from '../../analysis/reading-names';
import { LOCALES, type Locale } from '../../domain/locale';
import { invalidInput } from '../../errors';
import { analysisReportHtml } from '../../services/analysis-report/analysis-report-html';
import { reportLanguage } from '../../services/analysis-report/report-language';
import { reportFormat, writeReport } from '../../services/analysis-report/write-report';
import { allChoices } from '../../domain/election/election-definition';
import { loadStationTable } from '../../services/station-table/load-station-table';
import { runCommand } from '../run-command';

export interface AnalyzeFileOptions {
  seed?: number;
  monteCarloDraws?: number;
  bootstrapDraws?: number;
}

/**
 * Reads a station CSV with its mapping and analyses it: the CSV path of `dauys analyze`,
 * reusable by scripts, tests and benchmarks.
 *
 * @example
 * const { report } = analyzeStationsFile('../shared/data/russia-kobak/2011.csv.zip', 'examples/mappings/ru-2011.json', { seed: 1 });
 */
export function analyzeStationsFile(
  csvPath: string,
  mappingPath: string,
  options: AnalyzeFileOptions = {},
): {
  report: AnalysisReport;
  rowsWithoutData: number;
  choiceNames: Record<string, string>;
  language?: Locale;
} {
  const table = loadStationTable(csvPath, mappingPath);
  const report = analyzeElection(table.stations, {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.monteCarloDraws !== undefined ? { monteCarloDraws: options.monteCarloDraws } : {}),
    ...(options.bootstrapDraws !== undefined ? { bootstrapDraws: options.bootstrapDraws } : {}),
    ...(table.leader ? { leader: table.leader } : {}),
  });
  const choiceNames = Object.fromEntries(table.choices.map((c) => [c.id, c.name]));
  return {
    report,
    rowsWithoutData: table.rowsWithoutData,
    choiceNames,
    ...(table.language ? { language: table.language } : {}),
  };
}

/** `dauys analyze [election] --csv <file> --mapping <file> [--json] [--seed N] [--report out.html|out.pdf --lang kk|ru|en]` */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description(
      'Falsification analysis of an election: integer percentages, fingerprint, anomalous votes, digit tests, observers, photos',
    )
    .argument('[election]', 'a stored election (needs the database)')
    .option('--csv <file>', 'a station-level CSV (.csv, .csv.gz or .csv.zip) to analyse without a database')
    .option('--mapping <file>', 'the JSON mapping of the CSV columns (see examples/mappings/)')
    .option('--json', 'print the full report as JSON')
    .option('--seed <n>', 'seed of every random draw', '42')
    .option('--draws <n>', 'Monte Carlo draws of the integer-percentage null (≥ 1000)', '1000')
    .option('--report <file>', 'also write the printable report: .html, or .pdf (through Chromium)')
    .option(
      '--lang <locale>',
      "language of the report: kk, ru or en (default: the data's declared language, else LANG's, else kk)",
    )
    .action(
      runCommand(
        async (
          election: string | undefined,
          opts: {
            csv?: string;
            mapping?: string;
            json?: boolean;
            seed: string;
            draws: string;
            report?: string;
            lang?: string;
          },
        ) => {
          const requested = opts.lang !== undefined ? parseLocale(opts.lang) : undefined;
          /** The report's language; says on stderr which one was chosen and why when not asked. */
          const languageOf = (declared?: { locale: Locale; by: string }): Locale => {
            const choice = reportLanguage({
              ...(requested ? { requested } : {}),
              ...(declared ? { declared } : {}),
              env: process.env,
            });
            if (choice.why) process.stderr.write(choice.why + '\n');
            return choice.locale;
          };
          if (opts.report) reportFormat(opts.report);
          if (!opts.csv) {
            if (!election)
              throw invalidInput(
                'nothing to analyse: name an election or give --csv <file> --mapping <file>',
              );
            const seed = parseCount(opts.seed, '--seed');
            const { withApp } = await import('../with-app');
            await withApp(['analyses', 'elections'], async ({ analyses, elections }) => {
              const { report } = await analyses.analysis(election, { seed, fresh: true });
              const { definition } = await elections.require(election);
              const names = Object.fromEntries(allChoices(definition).map((c) => [c.id, c.names.en]));
              process.stdout.write(
                opts.json ? JSON.stringify(report, null, 2) + '\n' : humanSummary(report, 0, names),
              );
              if (opts.report) {
                const locale = languageOf(
                  definition.language
                    ? { locale: definition.language, by: `the election "${election}"` }
                    : undefined,
                );
                await writeReport(await analyses.reportHtml(election, locale, { seed }), opts.report);
              }
            });
            return;
          }
          if (!opts.mapping) throw invalidInput('--csv needs --mapping <file> (see examples/mappings/)');
          const seed = parseCount(opts.seed, '--seed');
          const draws = parseCount(opts.draws, '--draws');
          if (draws < 1000)
            throw invalidInput('--draws must be at least 1000', [{ where: '--draws', message: opts.draws }]);
          const { report, rowsWithoutData, choiceNames, language } = analyzeStationsFile(
            opts.csv,
            opts.mapping,
            { seed, monteCarloDraws: draws },
          );
          process.stdout.write(
            opts.json
              ? JSON.stringify(report, null, 2) + '\n'
              : humanSummary(report, rowsWithoutData, choiceNames),
          );
          if (opts.report) {
            const mapping = opts.mapping;
            const locale = languageOf(
              language ? { locale: language, by: `the mapping ${basename(mapping)}` } : undefined,
            );
            const html = analysisReportHtml(report, {
              locale,
              election: basename(opts.csv),
              choiceNames,
              computedAt: new Date().toISOString(),
            });
            await writeReport(html, opts.report);
          }
        },
      ),
    );
}

function parseLocale(text: string): Locale {
  if (!(LOCALES as readonly string[]).includes(text))
    throw invalidInput(`--lang must be one of ${LOCALES.join(', ')}`, [
      { where: '--lang', message: `"${text}"` },
    ]);
  return text as Locale;
}

function parseCount(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw invalidInput(`${option} must be a whole number`, [{ where: option, message: `"${text}"` }]);
  return value;
}

const percent = (x: number, digits = 2): string =>
  Number.isFinite(x) ? (x * 100).toFixed(digits) + '%' : '—';

/**
 * A short English summary for the terminal; --json has everything. Choices are shown by the
 * names the mapping or the election gives them (their ids only where they have none).
 */
export function humanSummary(
  report: AnalysisReport,
  rowsWithoutData = 0,
  choiceNames: Readonly<Record<string, string>> = {},
): string {
  const s = report.summary;
  const name = (id: string): string => choiceNames[id] || id;
  const named = (reading: string): string => readingWithNames(reading, choiceNames);
  const lines = [
    `Stations: ${s.stations}${rowsWithoutData ? ` (+${rowsWithoutData} rows without data)` : ''}, with an official result: ${s.stationsWithOfficialResult}`,
    `Registered: ${s.registered}, turnout ${percent(s.turnout)}, leader "${name(s.leader)}" ${percent(s.leaderShare)} (seed ${s.seed})`,
  ];
  const ip = report.integerPercentages;
  if (ip) {
    lines.push(
      `Integer percentages: ${ip.observed} of ${ip.stationsIncluded} stations, expected ${ip.expectedMean.toFixed(1)} ± ${ip.expectedSd.toFixed(1)}, excess ${ip.excess.toFixed(1)} (z = ${ip.z.toFixed(1)})`,
      `  ${ip.reading.en}`,
    );
  }
  const av = report.anomalousVotes;
  if (av && !av.fitted) lines.push(`Anomalous votes: ${named(av.reading.en)}`);
  else if (av) {
    lines.push(
      `Anomalous votes: clean turnout ${percent(av.cleanTurnout, 1)}, clean share ${percent(av.cleanShare, 1)}, ${Math.round(av.votes)} votes (95% ${Math.round(av.uncertainty.low)}–${Math.round(av.uncertainty.high)})`,
    );
  }
  if (report.fingerprint) lines.push(`Fingerprint: ${report.fingerprint.reading.en}`);
  if (report.digitTests) lines.push(`Digit tests: ${named(report.digitTests.reading.en)}`);
  const ph = report.photoExceedsOfficial;
  if (ph) {
    lines.push(`Photo evidence (${ph.stationsCompared} stations compared):`);
    for (const [choice, r] of Object.entries(ph.byChoice)) {
      lines.push(
        `  ${name(choice)}: photos exceed the official count at ${r.stations} stations, by at least ${r.votesAtLeast} votes`,
      );
    }
  }
  const oe = report.observerEffect;
  if (oe) {
    lines.push(
      `Observer effect (${oe.observedStations} observed / ${oe.unobservedStations} not): ${named(oe.reading.en)}`,
      `  turnout difference ${percent(oe.turnout.difference, 1)}, stratified ${percent(oe.stratified.turnout.difference, 1)} (95% ${percent(oe.stratified.turnout.interval.low, 1)} to ${percent(oe.stratified.turnout.interval.high, 1)})`,
    );
  }
  if (report.protocolDiscrepancies)
    lines.push(`Protocols: ${named(report.protocolDiscrepancies.reading.en)}`);
  if (report.turnoutInflation) lines.push(`Turnout inflation: ${report.turnoutInflation.reading.en}`);
  return lines.join('\n') + '\n';
}
