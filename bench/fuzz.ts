/**
 * bench/fuzz — the webhook fuzzer at full size: `--cases` (default 10,000) fuzzed payloads per
 * webhook (Telegram, WhatsApp, web chat) against the real server in this process, on PGlite.
 *
 *   npx tsx bench/fuzz.ts [--cases 10000] [--seed 1]
 *
 * Prints the count per (mutation → status class), server errors (must be 0), refused payloads
 * that stored something (must be 0), and RSS/heap before and after. Exit code 1 on a violation.
 * The CI form is test/fuzz/webhooks.fuzz.test.ts (FUZZ_CASES sets its size).
 */
import { parseArgs } from 'node:util';
import { fuzzWebhook, processEverything, startFuzzServer } from '../test/fuzz/webhook-fuzzer';

const { values: args } = parseArgs({
  options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } },
});
const cases = Number(args.cases);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const server = await startFuzzServer();
let violations = 0;
const summary: Array<Record<string, string | number>> = [];
try {
  for (const [index, webhook] of (
    ['telegram', 'whatsapp', 'webchat', 'sms-twilio', 'sms-android'] as const
  ).entries()) {
    const before = process.memoryUsage();
    const started = performance.now();
    const report = await fuzzWebhook(server, webhook, cases, Number(args.seed) + index);
    const after = process.memoryUsage();
    violations += report.serverErrors.length + report.storedWhenRefused.length;
    console.log(`\n${webhook}: ${cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.table(
      [...report.outcomes.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, count]) => ({ outcome, count })),
    );
    for (const error of [...report.serverErrors, ...report.storedWhenRefused].slice(0, 20))
      console.log(`  ✗ ${error}`);
    summary.push({
      webhook,
      cases,
      accepted: report.accepted,
      refused: cases - report.accepted - report.serverErrors.length,
      '5xx/no answer': report.serverErrors.length,
      'stored when refused': report.storedWhenRefused.length,
      'RSS MB before→after': `${mb(before.rss)}→${mb(after.rss)}`,
      'heap MB before→after': `${mb(before.heapUsed)}→${mb(after.heapUsed)}`,
    });
  }
  // ~8,000 accepted updates through the real conversation on PGlite: give it time (bounded).
  const settled = await processEverything(server, 300_000);
  console.log('\nfuzz summary (server alive:', (await fetch(`${server.url}/healthz`)).status === 200, ')');
  console.table(summary);
  console.log(`worker: ${settled.pending} rows pending, ${settled.failed} rows that failed at least once`);
  // One machine-readable line for bench/run-all.
  console.log(
    `FUZZ_SUMMARY ${JSON.stringify({ cases, violations: violations + settled.failed, rows: summary })}`,
  );
  violations += settled.failed;
} finally {
  await server.stop();
}
process.exitCode = violations > 0 ? 1 : 0;
