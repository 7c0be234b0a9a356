import { startTestServer, postUpdate } from '../test/support/start-test-server';
import { telegramUpdates, telegramUser } from '../test/support/telegram-updates';
import { InboxWorker } from '../src/jobs/inbox-worker';
import { echoConversation } from '../test/support/echo-conversation';
import { pipelineMetrics } from '../src/jobs/pipeline-metrics';
const server = await startTestServer({ worker: false, databaseUrl: process.argv[2] });
const updates = telegramUpdates();
const N = 5000;
const list = Array.from({ length: N }, (_, i) => JSON.stringify(updates.text(telegramUser(1 + (i % 1000)), 'x' + i)));
let t = performance.now();
let next = 0;
await Promise.all(Array.from({ length: 64 }, async () => { while (next < N) await postUpdate(server.url, null, { rawBody: list[next++] }); }));
console.log('ingest', Math.round(N / ((performance.now() - t) / 1000)), '/s');
const w = new InboxWorker(server.app.database.db, echoConversation(), server.app.outbox, server.app.logger, pipelineMetrics(server.app.metrics.registry), {});
t = performance.now();
let total = 0; let batches = 0;
for (;;) { const n = await w.processBatch(); if (!n) break; total += n; batches++; }
console.log('process', total, 'in', batches, 'batches', Math.round(total / ((performance.now() - t) / 1000)), '/s');
await server.stop();
