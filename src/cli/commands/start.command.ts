import { Option, type Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { DEMO_ELECTION_FILE, DEMO_SCENARIO_FILE } from '../paths';
import { invalidInput } from '../../errors';
import { runCommand } from '../run-command';

interface StartOptions {
  port?: string;
  host?: string;
  demo?: boolean;
  live: boolean;
  role: 'all' | 'api' | 'worker';
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the platform: API, webhooks, web pages and the worker in one process')
    .option('--port <port>', 'HTTP port (default: PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--demo', 'load the Kazakhstan 2021 demo election and play a small simulated election day on it')
    .option('--no-live', 'with --demo: no simulated election day (or DAUYS_DEMO_LIVE=0)')
    .addOption(
      new Option('--role <role>', 'run only the API or only the worker, for scale-out')
        .choices(['all', 'api', 'worker'])
        .default('all'),
    )
    .action(runCommand(start));
}

async function start(options: StartOptions): Promise<void> {
  const startedAt = performance.now();
  // Listened for before anything starts: a SIGTERM during startup (a script that stops the server
  // as soon as it sees a log line) then shuts down cleanly once startup ends, instead of killing
  // the process mid-write with Node's default handler.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  const [{ createApp }, { loadConfig }, { buildServer }, { checkChannelConfig }] = await Promise.all([
    import('../../app'),
    import('../../config'),
    import('../../http/server'),
    import('../../channel-config-check'),
  ]);
  if (options.port !== undefined) parsePortOption(options.port);
  const env = {
    ...process.env,
    ...(options.port !== undefined ? { PORT: options.port } : {}),
    ...(options.host !== undefined ? { HOST: options.host } : {}),
  };
  // The operator's own settings, before the live demo adds its local fake bot.
  const channels = checkChannelConfig(loadConfig(env));
  if (channels.refusals.length > 0) {
    const { DauysError } = await import('../../errors');
    throw new DauysError('DAUYS_ERR_CHANNEL_CONFIG', `refusing to start: ${channels.refusals.join('; ')}`);
  }
  const liveDemo =
    options.demo && options.live && options.role === 'all' && loadConfig(env).DAUYS_DEMO_LIVE
      ? await import('../../simulation/live-demo')
      : undefined;
  const prepared = liveDemo ? await liveDemo.prepareLiveDemoBot(env) : undefined;
  const demoBot = prepared && 'fake' in prepared ? prepared : undefined;
  const config = loadConfig({ ...env, ...demoBot?.env });
  const app = await createApp(config);
  if (prepared && 'reason' in prepared) app.logger.info(prepared.reason);
  for (const warning of channels.warnings) app.logger.warn(warning);
  if (options.demo) {
    const { election, areasImported } = await app.elections.loadFile(DEMO_ELECTION_FILE, {
      skipIfUnchanged: true,
    });
    app.logger.info({ election: election.slug, areasImported }, 'demo election ready');
  }
  const stops: Array<() => Promise<unknown>> = [];
  if (options.role !== 'worker') {
    const server = await buildServer(app);
    const address = await server.listen({ port: config.PORT, host: config.HOST });
    if (liveDemo && demoBot) {
      // The demo posts to this server over loopback, whatever address it listens on.
      const target = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
      const abort = new AbortController();
      const played = liveDemo.runLiveDemo(app, {
        target,
        bot: demoBot,
        scenarioFile: DEMO_SCENARIO_FILE,
        electionFile: DEMO_ELECTION_FILE,
        signal: abort.signal,
      });
      stops.push(async () => {
        abort.abort();
        await played;
      });
    }
    stops.push(() => server.close());
    app.logger.info({ address, role: options.role }, 'listening');
    // Tests and scripts that start with --port 0 read the chosen address from this line.
    process.stdout.write(`dauys listening on ${address}\n`);
  }
  if (options.role === 'worker') {
    // A worker serves no API, but its job counters (failures, dead letters) must be scrapeable:
    // it answers /healthz and /metrics only, on its own port.
    const { default: Fastify } = await import('fastify');
    const { healthRoutes } = await import('../../http/health.routes');
    // No logger: Fastify logs nothing per request (the default), so no option is needed.
    const metricsServer = Fastify();
    await metricsServer.register(healthRoutes, { app });
    const address = await metricsServer.listen({ port: config.PORT, host: config.HOST });
    stops.push(() => metricsServer.close());
    process.stdout.write(`dauys worker metrics on ${address}\n`);
  }
  if (options.role !== 'api') {
    const { startWorker } = await import('../../jobs/worker');
    const worker = startWorker(app);
    stops.push(() => worker.stop());
  }
  app.logger.info({ startupMs: Math.round(performance.now() - startedAt) }, 'started');

  const signal = await stopSignal;
  app.logger.info({ signal }, 'shutting down');
  // Stop accepting requests first, then let the worker finish what it holds.
  for (const stop of stops) await stop();
  await app.close();
  await demoBot?.fake.close();
}

/** `--port` is checked as the flag it is, so the error names it (not the PORT it would become). */
function parsePortOption(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw invalidInput('invalid option --port', [
      {
        where: '--port',
        message: `"${value}" is not a port: use a whole number from 0 to 65535 (0 picks a free one)`,
      },
    ]);
  }
  return port;
}
