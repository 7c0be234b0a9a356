/**
 * The dashboard under election-night load: 10,000 precincts (the demo geography), official
 * results for every one, and 1,000,000 voters' ballot reports. Prints p50/p95 of the summary and
 * results endpoints (target: p95 < 50 ms on PGlite and on PostgreSQL) and the first-load transfer
 * size of the page (target: < 100 kB gzipped for all its JS and CSS).
 *
 *   npx tsx bench/dashboard.ts                      # PGlite (on disk, as `dauys start` runs it)
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/dashboard.ts   # also on a PostgreSQL server (admin URL;
 *                                                   # a throwaway database is created and dropped)
 *
 * The reports are written in bulk by SQL, and their tally cells (`voter_tallies`, one per
 * enclosing area) by one aggregate: the same cells the ballot service maintains vote by vote,
 * without a million transactions. Requests go through the whole HTTP stack (`inject`), one at a
 * time, after a warm-up, with the in-process answer cache off unless `PUBLIC_FIGURES_CACHE_MS`
 * is set: the figures are those of the precomputed aggregates, not of memory.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createApp, type App } from '../src/app';
import { loadConfig } from '../src/config';
import { buildServer } from '../src/http/server';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';
import { seedElectionNight } from './dashboard-seed';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLUG = 'kz-2021-mazhilis';
const REPORTS = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const TARGET_P95_MS = 50;
const TARGET_PAGE_BYTES = 100 * 1024;

interface Measured {
  label: string;
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(app: App): Promise<Measured[]> {
  const server = await buildServer(app, { webDir: path.join(repoRoot, 'dist/web') });
  const region = 'kz-akm';
  const district = (
    await app.database.db
      .selectFrom('areas')
      .select('code')
      .where('parent_code', '=', region)
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  const precinct = (
    await app.database.db
      .selectFrom('areas')
      .select('code')
      .where('parent_code', '=', district)
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  const base = `/api/v1/elections/${SLUG}`;
  const urls: Array<[string, string]> = [
    ['summary (country)', `${base}/summary`],
    ['summary (region)', `${base}/summary?area=${region}`],
    ['summary (precinct)', `${base}/summary?area=${precinct}`],
    ['results (regions)', `${base}/results?level=region`],
    ['results (districts of a region)', `${base}/results?level=district&area=${region}`],
  ];
  const results: Measured[] = [];
  for (const [label, url] of urls) {
    const first = await server.inject({ url });
    if (first.statusCode !== 200)
      throw new Error(`${url}: HTTP ${first.statusCode} ${first.body.slice(0, 200)}`);
    for (let i = 0; i < 10; i++) await server.inject({ url });
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      await server.inject({ url });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    results.push({ label, p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  await server.close();
  return results;
}

/** Gzipped bytes of every script and stylesheet the dashboard's HTML loads (what a first visit downloads). */
function pageWeight(): { files: Array<[string, number]>; total: number } | null {
  const webDir = path.join(repoRoot, 'dist/web');
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [...new Set(assets)].map((asset): [string, number] => [
    asset,
    zlib.gzipSync(fs.readFileSync(path.join(webDir, asset)), { level: 6 }).length,
  ]);
  files.push(['/index.html', zlib.gzipSync(html, { level: 6 }).length]);
  return { files, total: files.reduce((sum, [, bytes]) => sum + bytes, 0) };
}

async function runOn(kind: string, env: Record<string, string>): Promise<void> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dauys-bench-dashboard-'));
  const app = await createApp(
    loadConfig({
      DAUYS_DATA_DIR: dataDir,
      DAUYS_SECRET: 'bench-dashboard-secret-0123456789abcdef',
      LOG_LEVEL: 'silent',
      // 0 measures every request against the database; the default (1000) mostly measures memory.
      PUBLIC_FIGURES_CACHE_MS: process.env.PUBLIC_FIGURES_CACHE_MS ?? '0',
      ...env,
    }),
  );
  try {
    const started = performance.now();
    const { precincts } = await seedElectionNight(app, REPORTS);
    console.log(
      `${kind}: ${precincts} precincts, ${REPORTS.toLocaleString('en')} ballot reports seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const { label, p50, p95 } of await measure(app)) {
      const verdict = p95 < TARGET_P95_MS ? 'ok' : `OVER the ${TARGET_P95_MS} ms target`;
      console.log(
        `  ${label.padEnd(34)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   ${verdict}`,
      );
    }
  } finally {
    await app.close();
    await fsp.rm(dataDir, { recursive: true, force: true });
  }
}

await runOn('PGlite', {});
const adminUrl = process.env.BENCH_DATABASE_URL;
if (adminUrl) {
  const { url, drop } = await createThrowawayPostgresDatabase(adminUrl);
  try {
    await runOn('PostgreSQL', { DATABASE_URL: url });
  } finally {
    await drop();
  }
} else {
  console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL to an admin URL to measure it too)');
}

const weight = pageWeight();
if (!weight) console.log('page weight: dist/web is not built (npx vite build)');
else {
  for (const [file, bytes] of weight.files)
    console.log(`  ${file.padEnd(40)} ${(bytes / 1024).toFixed(1)} kB gzipped`);
  const verdict = weight.total < TARGET_PAGE_BYTES ? 'ok' : 'OVER the 100 kB target';
  console.log(
    `page weight (first load, JS + CSS + HTML, gzipped): ${(weight.total / 1024).toFixed(1)} kB   ${verdict}`,
  );
}
