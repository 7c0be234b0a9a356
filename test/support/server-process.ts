/**
 * The server as a child process for the crash test: the same app, HTTP server and worker as
 * `dauys start`, with the echo double standing in for the conversation when the app has none.
 * Prints `dauys listening on <url>` like `dauys start`; `DAUYS_TEST_PAUSE_WORKER=1` makes it
 * acknowledge and store updates without processing them.
 */
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildServer } from '../../src/http/server';
import { startWorker } from '../../src/jobs/worker';
import { echoConversation } from './echo-conversation';

const config = loadConfig();
const app = await createApp(config);
const conversations =
  process.env.DAUYS_TEST_ECHO === '0' ? app.conversations : echoConversation({ media: app.media });
const server = await buildServer(app);
const address = await server.listen({ port: config.PORT, host: config.HOST });
// The switch is read here, in the test's own entry point, not by the product's worker.
const worker = startWorker(
  { ...app, conversations },
  { processInbox: process.env.DAUYS_TEST_PAUSE_WORKER !== '1' },
);
process.stdout.write(`dauys listening on ${address}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    await server.close();
    await app.close();
  })();
});
