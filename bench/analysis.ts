/**
 * Full falsification analysis of Russia 2011 (95,225 stations) with 1,000 Monte Carlo draws:
 * prints the time to read the CSV, the time of the analysis and peak memory, next to the target
 * (analysis under 5 s and under 1 GB on a 2-core machine) and the paper's figures.
 * Run: npx tsx bench/analysis.ts
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeElection } from '../src/analysis/analyze-election';
import { loadStationTable } from '../src/services/station-table/load-station-table';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csv = path.resolve(repoRoot, '../shared/data/russia-kobak/2011.csv.zip');
const mapping = path.join(repoRoot, 'examples/mappings/ru-2011.json');
if (!existsSync(csv)) {
  console.error(`bench/analysis: ${csv} is absent; nothing to measure`);
  process.exit(1);
}

let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
const sampler = setInterval(sample, 20);

const t0 = performance.now();
const table = loadStationTable(csv, mapping);
const t1 = performance.now();
sample();
const report = analyzeElection(table.stations, { seed: 42, monteCarloDraws: 1000, leader: table.leader });
const t2 = performance.now();
sample();
clearInterval(sampler);

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const ip = report.integerPercentages!;
console.log(
  `Russia 2011: ${report.summary.stations} stations, 1,000 Monte Carlo draws, 1,000 bootstrap draws`,
);
console.log(`  read CSV + mapping : ${((t1 - t0) / 1000).toFixed(2)} s`);
console.log(`  full analysis      : ${((t2 - t1) / 1000).toFixed(2)} s   (target < 5 s)`);
console.log(`  total              : ${((t2 - t0) / 1000).toFixed(2)} s`);
console.log(`  peak RSS           : ${mb(peakRss)}   (target < 1 GB), peak heap ${mb(peakHeap)}`);
console.log(
  `  integer percentages: excess ${ip.excess.toFixed(1)} (z = ${ip.z.toFixed(1)}) vs 1003.5 in dkobak/elections; turnout ${(report.summary.turnout * 100).toFixed(2)}% vs CEC 60.21%`,
);
