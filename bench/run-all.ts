/**
 * `npm run bench`: runs every bench script in bench/ that exists, each with small bounded sizes
 * in its own process (one at a time, so they do not compete for the cores), and prints ONE table
 * of headline figures next to their targets. A missing bench is listed as skipped.
 *
 *   npm run bench                       # PGlite; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 *   npm run bench -- --only ingest,crash
 *
 * Every bench stops by itself (bounded count and time) and talks to 127.0.0.1 only; each is also
 * killed after its time limit here. Each script's full output is in its own run (npx tsx bench/<name>.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface Headline {
  figure: string;
  value: string;
  target?: string;
  /** undefined when the figure has no target. */
  ok?: boolean;
}

interface BenchSpec {
  name: string;
  args: string[];
  env?: Record<string, string>;
  timeoutSeconds: number;
  /** Skipped (and said so) when no PostgreSQL URL is set. */
  needsPostgres?: boolean;
  headlines(output: string): Headline[];
}

const { values: options } = parseArgs({ options: { only: { type: 'string' } } });
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const number = (text: string | undefined) => (text === undefined ? NaN : Number(text.replace(/[,%']/g, '')));
const lineValue = (output: string, pattern: RegExp) => pattern.exec(output)?.slice(1) ?? [];
const jsonLine = <T>(output: string, prefix = ''): T | undefined => {
  const line = output.split('\n').find((candidate) => candidate.startsWith(prefix ? `${prefix} ` : '['));
  return line ? (JSON.parse(prefix ? line.slice(prefix.length + 1) : line) as T) : undefined;
};

/** Rows of every `console.table` in the output, as records keyed by column title. */
function consoleTables(output: string): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  let header: string[] | undefined;
  for (const line of output.split('\n')) {
    if (!line.startsWith('│')) {
      if (line.startsWith('└')) header = undefined;
      continue;
    }
    const cells = line
      .split('│')
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^'|'$/g, ''));
    if (!header) header = cells;
    else rows.push(Object.fromEntries(header.map((title, i) => [title, cells[i] ?? ''])));
  }
  return rows;
}

const target = (value: number, limit: number, direction: 'min' | 'max', unit = '') => ({
  target: `${direction === 'min' ? '≥' : '<'} ${limit.toLocaleString('en')}${unit}`,
  ok: Number.isFinite(value) && (direction === 'min' ? value >= limit : value < limit),
});

const BENCHES: BenchSpec[] = [
  {
    name: 'ingest',
    args: ['--json', '--seconds', '5', '--paced-seconds', '4', '--max-updates', '40000'],
    timeoutSeconds: 240,
    headlines: (output) =>
      (jsonLine<Array<Record<string, number | string>>>(output) ?? []).flatMap((row) => {
        const db = String(row.database);
        const rate = Number(row.updatesPerSecond);
        const ratio = Number(row.ratio) * 100;
        return [
          {
            figure: `${db}: webhook → inbox, updates/s`,
            value: rate.toFixed(0),
            ...target(rate, db === 'postgres' ? 5000 : 2500, 'min'),
          },
          { figure: `${db}: floor (bare INSERT route), req/s`, value: Number(row.floorPerSecond).toFixed(0) },
          {
            figure: `${db}: ingest / floor`,
            value: `${ratio.toFixed(0)}%`,
            ...target(ratio, 60, 'min', '%'),
          },
          {
            figure: `${db}: p99 at 1,000 updates/s`,
            value: `${Number(row.pacedP99).toFixed(1)} ms`,
            ...target(Number(row.pacedP99), 50, 'max', ' ms'),
          },
          { figure: `${db}: p50 at 1,000 updates/s`, value: `${Number(row.pacedP50).toFixed(1)} ms` },
          {
            figure: `${db}: peak RSS of the server`,
            value: `${Number(row.peakRssMb).toFixed(0)} MB`,
            ...target(Number(row.peakRssMb), 1024, 'max', ' MB'),
          },
        ];
      }),
  },
  {
    name: 'crash',
    args: ['--json', '--voters', '60', '--concurrency', '16', '--kills', '3'],
    timeoutSeconds: 420,
    headlines: (output) =>
      (jsonLine<Array<Record<string, number | string>>>(output) ?? []).map((row) => ({
        figure: `${row.database}: ${row.kills} SIGKILLs, ${row.acknowledged} updates (${row.resent} re-sent)`,
        value: `tally ${row.tally}/${row['ground truth']}, ${row.replies} replies sent, ${row['log records']} log records verified`,
        target: 'exact, none lost',
        ok: row.verdict === 'ok',
      })),
  },
  {
    name: 'multi-node',
    needsPostgres: true,
    args: ['--json', '--voters', '100', '--concurrency', '24'],
    timeoutSeconds: 420,
    headlines: (output) =>
      (jsonLine<Array<Record<string, number | string>>>(output) ?? []).map((row) => ({
        figure: `postgres: ${row.nodes}, ${row.acknowledged} updates (${row['updates/s e2e']}/s to drained)`,
        value: `tally ${row.tally}/${row['ground truth']}, ${row['API calls']}/${row.replies} replies, ${row['log records']} log records verified`,
        target: 'exact, each once',
        ok: row.verdict === 'ok',
      })),
  },
  {
    name: 'fuzz',
    args: ['--cases', '2000'],
    timeoutSeconds: 600,
    headlines: (output) => {
      const summary = jsonLine<{
        cases: number;
        violations: number;
        rows: Array<Record<string, string | number>>;
      }>(output, 'FUZZ_SUMMARY');
      if (!summary) return [];
      return summary.rows.map((row) => ({
        figure: `${row.webhook}: ${row.cases} fuzzed payloads (${row.accepted} accepted)`,
        value: `${row['5xx/no answer']} 5xx, ${row['stored when refused']} stored when refused, RSS ${row['RSS MB before→after']} MB`,
        target: '0 and 0',
        ok: row['5xx/no answer'] === 0 && row['stored when refused'] === 0,
      }));
    },
  },
  {
    name: 'voter-flow',
    args: ['--votes', '300', '--concurrency', '32', '--max-seconds', '60', '--paced-seconds', '3'],
    timeoutSeconds: 300,
    headlines: (output) =>
      consoleTables(output).flatMap((row) => [
        {
          figure: `${row.database}: voter conversations, updates/s end to end`,
          value: row['updates/s e2e'] ?? '-',
        },
        {
          figure: `${row.database}: webhook p99 at 1,000/s with the worker running`,
          value: `${row['p99 ms @1000/s'] ?? '-'} ms`,
          ...target(number(row['p99 ms @1000/s']), 50, 'max', ' ms'),
        },
      ]),
  },
  {
    name: 'election-night',
    // The whole pipeline black-box at a bounded size; its full form is `npx tsx bench/election-night.ts`.
    args: [
      '--json',
      '--voters',
      '300',
      '--arrivals',
      '2000',
      '--max-seconds',
      '120',
      ...(postgresUrl ? ['--workers', '2'] : []),
    ],
    timeoutSeconds: 1500,
    headlines: (output) =>
      (jsonLine<Array<Record<string, number | string>>>(output, 'election-night-figures') ?? []).flatMap(
        (row) => {
          const name = `${String(row.database)} (${String(row.deployment)})`;
          const pg = row.database === 'postgres';
          const figure = (key: string) => Number(row[key]);
          return [
            {
              figure: `${name}: acknowledged updates/s while conversing`,
              value: `${Math.round(figure('ackedPerSecond'))} (client ceiling ${Math.round(figure('clientCeiling'))})`,
              ...target(figure('ackedPerSecond'), pg ? 4000 : 2000, 'min'),
            },
            {
              figure: `${name}: updates processed/s (reply at the Bot API)`,
              value: String(Math.round(figure('processedPerSecond'))),
              ...target(figure('processedPerSecond'), pg ? 1500 : 500, 'min'),
            },
            {
              figure: `${name}: photo-confirmed votes/s end to end`,
              value: figure('votesPerSecond').toFixed(1),
              ...target(figure('votesPerSecond'), pg ? 50 : 25, 'min'),
            },
            {
              figure: `${name}: CPU-ms per photo-confirmed vote`,
              value: figure('cpuMsPerVote').toFixed(1),
              target: '≤ 40',
              ok: figure('cpuMsPerVote') <= 40,
            },
          ];
        },
      ),
  },
  {
    name: 'sms',
    // Compact SMS votes through both providers' webhooks, black-box; full form: `npx tsx bench/sms.ts`.
    args: ['--json', '--phones', '1000', '--max-seconds', '120'],
    timeoutSeconds: 900,
    headlines: (output) =>
      (jsonLine<Array<Record<string, unknown>>>(output, 'sms-figures') ?? []).flatMap((row) => {
        const name = `${String(row.database)} (${String(row.provider)})`;
        const figure = (key: string) => Number(row[key]);
        const segments = row.segments as Record<string, string>;
        return [
          {
            figure: `${name}: SMS handled/s end to end (vote → confirming reply)`,
            value: `${Math.round(figure('handledPerSecond'))} (acked ${Math.round(figure('ackedPerSecond'))}/s, client ceiling ${Math.round(figure('clientCeiling'))})`,
          },
          {
            figure: `${name}: votes counted / phones`,
            value: `${figure('counted')} / ${figure('phones')}`,
            target: 'all',
            ok: figure('counted') === figure('phones') && figure('confirmed') === figure('phones'),
          },
          { figure: `${name}: CPU-ms per SMS`, value: figure('cpuMsPerSms').toFixed(1) },
          {
            figure: `${name}: confirming reply segments en / ru / kk`,
            value: ['en', 'ru', 'kk'].map((language) => segments[language]).join('; '),
          },
        ];
      }),
  },
  {
    name: 'dashboard',
    args: [],
    env: {
      BENCH_REPORTS: '100000',
      BENCH_REQUESTS: '50',
      ...(postgresUrl ? { BENCH_DATABASE_URL: postgresUrl } : {}),
    },
    timeoutSeconds: 420,
    headlines: (output) => {
      const headlines: Headline[] = [];
      let kind = '';
      for (const line of output.split('\n')) {
        const section = /^(\S+): \d+ precincts/.exec(line);
        if (section?.[1]) kind = section[1];
        const figure = /^\s+(.+?)\s+p50\s+([\d.]+) ms\s+p95\s+([\d.]+) ms/.exec(line);
        if (figure?.[1]) {
          headlines.push({
            figure: `${kind}: ${figure[1]} p95 (100k reports)`,
            value: `${figure[3]} ms`,
            ...target(number(figure[3]), 50, 'max', ' ms'),
          });
        }
      }
      const weight = /page weight \(first load[^)]*\): ([\d.]+) kB/.exec(output);
      if (weight?.[1])
        headlines.push({
          figure: 'dashboard first load',
          value: `${weight[1]} kB gz`,
          ...target(number(weight[1]), 100, 'max', ' kB'),
        });
      return headlines;
    },
  },
  {
    name: 'analysis',
    args: [],
    timeoutSeconds: 600,
    headlines: (output) => {
      const [seconds] = lineValue(output, /full analysis\s*:\s*([\d.]+) s/);
      const [command] = lineValue(output, /whole command:\s*([\d.]+) s/);
      const [numpy] = lineValue(output, /numpy, the same count on the same file:\s*([\d.]+) s/);
      const [rss] = lineValue(output, /peak RSS\s*:\s*([\d.]+\s*\w+)/);
      return [
        {
          figure: 'falsification analysis, Russia 2011 (95k stations), the analysis alone (a part)',
          value: `${seconds ?? '-'} s`,
          ...target(number(seconds), 5, 'max', ' s'),
        },
        {
          figure: `dauys analyze --csv Russia 2011, the whole command (numpy yardstick ${numpy ?? '-'} s)`,
          value: `${command ?? '-'} s`,
          ...target(number(command), 3, 'max', ' s'),
        },
        { figure: 'analysis peak RSS', value: rss ?? '-', target: '< 1 GB' },
      ];
    },
  },
  {
    name: 'ballot-check',
    args: ['--count', '60'],
    timeoutSeconds: 300,
    headlines: (output) => {
      const [accuracy] = lineValue(output, /marked-box accuracy: ([\d.]+%)/);
      const [precision, recall] = lineValue(output, /isBallot precision: ([\d.]+%), recall: ([\d.]+%)/);
      const [ms] = lineValue(output, /check: ([\d.]+) ms\/image/);
      return [
        { figure: 'ballot photo: marked-box accuracy (60 photos)', value: accuracy ?? '-' },
        {
          figure: 'ballot photo: isBallot precision / recall',
          value: `${precision ?? '-'} / ${recall ?? '-'}`,
        },
        { figure: 'ballot photo: check time', value: `${ms ?? '-'} ms/image` },
      ];
    },
  },
  {
    name: 'ocr',
    args: ['4'],
    timeoutSeconds: 300,
    headlines: (output) => {
      const [share] = lineValue(output, /suggested figure equals the truth: ([\d.]+%)/);
      const [ms] = lineValue(output, /ms\/page: (\d+)/);
      return [
        { figure: 'protocol OCR: lines read right (4 pages)', value: share ?? '-' },
        { figure: 'protocol OCR: time per page', value: `${ms ?? '-'} ms` },
      ];
    },
  },
  {
    name: 'attack',
    args: ['--voters', '300', '--attack-messages', '300', '--concurrency', '400', '--drain-seconds', '240'],
    env: postgresUrl ? { BENCH_DATABASE_URL: postgresUrl } : {},
    timeoutSeconds: 600,
    headlines: (output) => {
      const figures = jsonLine<
        Record<string, number | null> & {
          observers?: { exact: boolean; published: { received: number } } | null;
        }
      >(output, 'attack-figures');
      if (!figures) return [];
      const observers = figures.observers;
      const share = (value: number | null | undefined) => (value == null ? NaN : value);
      return [
        {
          figure: 'attack: spam precision',
          value: String(figures.spamPrecision ?? 'n/a'),
          ...target(share(figures.spamPrecision), 0.98, 'min'),
        },
        {
          figure: 'attack: spam recall',
          value: String(figures.spamRecall ?? 'n/a'),
          ...target(share(figures.spamRecall), 0.95, 'min'),
        },
        {
          figure: 'attack: genuine votes lost',
          value: String(figures.genuineVotesLost),
          ...target(share(figures.genuineVotesLost), 1, 'max'),
        },
        {
          figure: 'attack: largest gap, published vs true share',
          value: `${share(figures.largestGapPoints).toFixed(2)} pt`,
          ...target(share(figures.largestGapPoints), 1, 'max', ' pt'),
        },
        {
          figure: 'attack: marked-box reading accuracy',
          value: figures.readingAccuracy == null ? 'n/a' : `${(figures.readingAccuracy * 100).toFixed(1)}%`,
          ...target(share(figures.readingAccuracy) * 100, 95, 'min', '%'),
        },
        { figure: 'attack: updates/s while posting', value: share(figures.updatesPerSecond).toFixed(0) },
        {
          figure: "attack: observers' protocols, verdicts and figures",
          value: observers
            ? `${observers.published.received} received, ${observers.exact ? 'exactly as expected' : 'NOT as expected'}`
            : 'n/a',
        },
      ];
    },
  },
];

function runBench(spec: BenchSpec): Promise<{ output: string; code: number | null; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, `${spec.name}.ts`), ...spec.args],
      {
        env: { ...process.env, ...spec.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.timeoutSeconds * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, code, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const only = options.only?.split(',');
const table: Array<Record<string, string>> = [];
for (const spec of BENCHES.filter((bench) => !only || only.includes(bench.name))) {
  if (!fs.existsSync(path.join(import.meta.dirname, `${spec.name}.ts`))) {
    table.push({
      bench: spec.name,
      figure: '(skipped: bench/' + spec.name + '.ts does not exist)',
      value: '',
      target: '',
      '': '',
    });
    continue;
  }
  if (spec.needsPostgres && !postgresUrl) {
    table.push({
      bench: spec.name,
      figure: '(skipped: needs BENCH_DATABASE_URL or TEST_DATABASE_URL)',
      value: '',
      target: '',
      '': '',
    });
    continue;
  }
  process.stderr.write(`\n── bench/${spec.name}.ts ${spec.args.join(' ')}\n`);
  const { output, code, seconds } = await runBench(spec);
  const headlines = spec.headlines(output);
  if (headlines.length === 0) {
    const last = output.trim().split('\n').at(-1) ?? '';
    headlines.push({ figure: `no figures parsed (exit ${code})`, value: last.slice(0, 80) });
  }
  for (const headline of headlines) {
    table.push({
      bench: `${spec.name} (${seconds.toFixed(0)} s)`,
      figure: headline.figure,
      value: headline.value,
      target: headline.target ?? '',
      '': headline.ok === undefined ? '' : headline.ok ? 'ok' : 'MISS',
    });
  }
}
console.log(
  `\nDauys benches — ${new Date().toISOString()}, ${process.platform} ${process.arch}, Node ${process.version}`,
);
console.table(table);
