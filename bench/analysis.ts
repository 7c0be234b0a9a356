/**
 * Full falsification analysis of Russia 2011 (95,225 stations) with 1,000 Monte Carlo draws:
 * prints the time to read the CSV, the time of the analysis and peak memory, next to the target
 * (under 5 s and under 1 GB on a 2-core machine) and the paper's figures. Besides wall time it
 * prints the CPU time of each phase (the analysis is single-threaded, so on an idle machine wall
 * ≈ CPU; on a shared machine the CPU time is the figure to compare) and the load average, so a
 * slow run on a busy machine can be told from a slow program.
 * Then the whole `dauys analyze --csv` command, and a plain numpy version of the same count.
 * Run: npx tsx bench/analysis.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs beside the launcher, with no type declarations.
import { freshBundle } from '../bin/fresh-bundle.mjs';
import { analyzeElection } from '../src/analysis/analyze-election';
import { loadStationTable } from '../src/services/station-table/load-station-table';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csv = path.resolve(repoRoot, '../shared/data/russia-kobak/2011.csv.zip');
const mapping = path.join(repoRoot, 'examples/mappings/ru-2011.json');
if (!existsSync(csv)) {
  console.error(`bench/analysis: ${csv} is absent; nothing to measure`);
  process.exit(1);
}

let peakHeap = 0;
const sample = (): void => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const sampler = setInterval(sample, 20);
const loadBefore = os.loadavg()[0]!;
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const table = loadStationTable(csv, mapping);
const t1 = performance.now();
const readCpu = cpuSeconds(cpu0);
const cpu1 = process.cpuUsage();
sample();
const report = analyzeElection(table.stations, { seed: 42, monteCarloDraws: 1000, leader: table.leader });
const t2 = performance.now();
const analysisCpu = cpuSeconds(cpu1);
sample();
clearInterval(sampler);
// ru_maxrss: the true peak resident set of the process (kB on Linux).
const peakRss = process.resourceUsage().maxRSS * 1024;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const ip = report.integerPercentages!;
const cpus = os.cpus();
console.log(
  `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after`,
);
console.log(
  `Russia 2011: ${report.summary.stations} stations, 1,000 Monte Carlo draws, 1,000 bootstrap draws`,
);
console.log(`  read CSV + mapping : ${s(t1 - t0)} wall, ${readCpu.toFixed(2)} s CPU`);
console.log(`  full analysis      : ${s(t2 - t1)} wall, ${analysisCpu.toFixed(2)} s CPU`);
console.log(
  `  total              : ${s(t2 - t0)} wall, ${(readCpu + analysisCpu).toFixed(2)} s CPU   (target < 5 s)`,
);
console.log(`  peak RSS           : ${mb(peakRss)}   (target < 1 GB), peak heap ${mb(peakHeap)}`);
console.log(
  `  integer percentages: excess ${ip.excess.toFixed(1)} (z = ${ip.z.toFixed(1)}) vs 1003.5 in dkobak/elections; turnout ${(report.summary.turnout * 100).toFixed(2)}% vs CEC 60.21%`,
);
console.log(
  '  compared against: the code before this bench was tuned (csv-parse rows, one uniform per station and draw), same data and seed,\n' +
    '    same 2-core machine at load ≈ 4.5–10: read 11.28 s wall / 3.44 s CPU, analysis 5.95 s wall / 1.95 s CPU, 385 MB peak RSS',
);

/**
 * The whole command as a user runs it, start-up, CSV and all (`dauys analyze --csv`, through
 * bin/dauys.mjs: the bundle when it is fresh), timed by bash's `time` so the child's CPU counts;
 * then the same integer-percentage count written the plain numpy way on the same file
 * (bench/integer-percentages-numpy.py; python3-numpy from Debian), as a yardstick.
 */
function timed(command: string): { wall: number; cpu: number; stdout: string; ok: boolean } {
  const result = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ( ${command} )`], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  const [wall, user, sys] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return {
    wall: wall ?? NaN,
    cpu: (user ?? NaN) + (sys ?? NaN),
    stdout: result.stdout,
    ok: result.status === 0,
  };
}

const bundled = freshBundle(repoRoot) !== undefined;
const command = timed(`node bin/dauys.mjs analyze --csv '${csv}' --mapping '${mapping}' > /dev/null`);
console.log(
  `  dauys analyze --csv, whole command: ${command.wall.toFixed(2)} s wall, ${command.cpu.toFixed(2)} s CPU   (target < 3 s; ${bundled ? 'the bundle in dist/cli' : 'no fresh bundle, so through tsx: run npm run build first'})`,
);
const numpy = timed(`python3 bench/integer-percentages-numpy.py '${csv}' 1000 42`);
if (!numpy.ok) {
  console.log('  numpy yardstick: python3 with numpy is not available (apt-get install python3-numpy)');
} else {
  const figures = JSON.parse(numpy.stdout.trim().split('\n').at(-1)!) as {
    included: number;
    observed: number;
    expectedMean: number;
    expectedSd: number;
    readSeconds: number;
    countSeconds: number;
  };
  console.log(
    `  numpy, the same count on the same file: ${numpy.wall.toFixed(2)} s wall, ${numpy.cpu.toFixed(2)} s CPU (read ${figures.readSeconds} s, count and 1,000-draw binomial null ${figures.countSeconds} s)\n` +
      `    included ${figures.included} (dauys ${ip.stationsIncluded}), observed ${figures.observed} (dauys ${ip.observed}), expected ${figures.expectedMean.toFixed(1)} ± ${figures.expectedSd.toFixed(1)} (dauys ${ip.expectedMean.toFixed(1)} ± ${ip.expectedSd.toFixed(1)})`,
  );
}
