import { Option, type Command } from 'commander';
import net, { type AddressInfo } from 'node:net';
import { DEMO_ELECTION_FILE, DEMO_SCENARIO_FILE } from '../paths';
import { invalidInput } from '../../errors';
import { runCommand } from '../run-command';
import type { App } from '../../app';
import type { Config } from '../../config';
import type { buildServer as BuildServer } from '../../http/server';
import type * as LiveDemoModule from '../../simulation/live-demo';

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
  const [{ createApp }, { loadConfig }, { checkChannelConfig }] = await Promise.all([
    import('../../app'),
    import('../../config'),
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
  await refuseEarly(loadConfig(env));
  const liveDemo =
    options.demo && options.live && options.role === 'all' && loadConfig(env).DAUYS_DEMO_LIVE
      ? await import('../../simulation/live-demo')
      : undefined;
  const prepared = liveDemo ? await liveDemo.prepareLiveDemoBot(env) : undefined;
  const demoBot = prepared && 'fake' in prepared ? prepared : undefined;
  const config = loadConfig({ ...env, ...demoBot?.env });
  // One owner per embedded data dir: a second server on it is refused, never run beside it.
  const app = await createApp(config, {
    database: { whenHeld: 'refuse', purpose: `dauys start --role ${options.role}` },
  }).catch(async (error: unknown) => {
    await demoBot?.fake.close();
    throw error;
  });
  if (prepared && 'reason' in prepared) app.logger.info(prepared.reason);
  for (const warning of channels.warnings) app.logger.warn(warning);
  try {
    await serve(app, config, options, { liveDemo, demoBot, startedAt, stopSignal });
  } finally {
    await app.close();
    await demoBot?.fake.close();
  }
}

type LiveDemo = typeof LiveDemoModule;
type DemoBot = Extract<Awaited<ReturnType<LiveDemo['prepareLiveDemoBot']>>, { fake: unknown }>;

/** Runs the roles until SIGTERM/SIGINT; a failure to listen stops what had started and rethrows. */
interface ServeContext {
  liveDemo: LiveDemo | undefined;
  demoBot: DemoBot | undefined;
  startedAt: number;
  stopSignal: Promise<NodeJS.Signals>;
}

async function serve(
  app: App,
  config: Config,
  options: StartOptions,
  { liveDemo, demoBot, startedAt, stopSignal }: ServeContext,
): Promise<void> {
  const { buildServer } = await import('../../http/server');
  if (options.demo) {
    const { election, areasImported } = await app.elections.loadFile(DEMO_ELECTION_FILE, {
      skipIfUnchanged: true,
    });
    app.logger.info({ election: election.slug, areasImported }, 'demo election ready');
  }
  const stops: Array<() => Promise<unknown>> = [];
  try {
    await startRoles(app, config, options, liveDemo, demoBot, stops, buildServer);
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
  app.logger.info({ startupMs: Math.round(performance.now() - startedAt) }, 'started');

  const signal = await stopSignal;
  app.logger.info({ signal }, 'shutting down');
  // Stop accepting requests first, then let the worker finish what it holds.
  for (const stop of stops) await stop();
}

async function startRoles(
  app: App,
  config: Config,
  options: StartOptions,
  liveDemo: LiveDemo | undefined,
  demoBot: DemoBot | undefined,
  stops: Array<() => Promise<unknown>>,
  buildServer: typeof BuildServer,
): Promise<void> {
  if (options.role !== 'worker') {
    const server = await buildServer(app);
    const address = await listenOrExplain(server, config.PORT, config.HOST);
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
    const address = await listenOrExplain(metricsServer, config.PORT, config.HOST);
    stops.push(() => metricsServer.close());
    process.stdout.write(`dauys worker metrics on ${address}\n`);
  }
  if (options.role !== 'api') {
    const { startWorker } = await import('../../jobs/worker');
    const worker = startWorker(app);
    stops.push(() => worker.stop());
  }
}

/**
 * The two refusals an operator meets most (a server already on this data dir, a taken port),
 * checked before the slow part of starting, so they come back at once. The database lock and
 * the listen itself still decide; this only answers sooner.
 */
async function refuseEarly(config: Config): Promise<void> {
  if (!config.DATABASE_URL) {
    const [{ dataDirHolder }, { dataDirInUse }] = await Promise.all([
      import('../../store/embedded/data-dir-lock'),
      import('../../store/database-errors'),
    ]);
    const dir = `${config.dataDir}/pglite`;
    const holder = await dataDirHolder(dir);
    if (holder) throw dataDirInUse(dir, holder);
  }
  if (config.PORT === 0) return;
  const probe = net.createServer();
  await listenOrExplain(
    {
      listen: ({ port, host }) =>
        new Promise<string>((resolve, reject) => {
          probe.once('error', reject);
          probe.listen(port, host, () => resolve(`${host}:${port}`));
        }),
    },
    config.PORT,
    config.HOST,
  );
  await new Promise((resolve) => probe.close(resolve));
}

/** Listens, turning a taken port into one line (the default is a stack trace). */
async function listenOrExplain(
  server: { listen(options: { port: number; host: string }): Promise<string> },
  port: number,
  host: string,
): Promise<string> {
  try {
    return await server.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    const { DauysError } = await import('../../errors');
    throw new DauysError(
      'DAUYS_ERR_PORT_IN_USE',
      code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use by another process: stop it, or start with --port <another port>`
        : `port ${port} on ${host} needs privileges this user lacks: use a port above 1023 with --port`,
    );
  }
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
