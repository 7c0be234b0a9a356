import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildServer, type BuildServerOptions } from '../../src/http/server';
import type { ConversationHandler } from '../../src/bots/conversation-runner';
import { startWorker, type RunningWorker, type WorkerOptions } from '../../src/jobs/worker';
import { createLogger } from '../../src/logger';
import { echoConversation } from './echo-conversation';
import { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';

/** Fixed test credentials: never real ones. */
export const TEST_TELEGRAM = {
  voterToken: '1000001:TEST-voter-token',
  observerToken: '1000002:TEST-observer-token',
  webhookSecret: 'test-webhook-secret-0123456789',
  dauysSecret: 'test-dauys-secret-0123456789abcdef0123456789',
} as const;

/** Every log line the server wrote, to assert what is (and is not) in it. */
export class CapturedLogs {
  readonly lines: string[] = [];

  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });

  text(): string {
    return this.lines.join('\n');
  }
}

export interface TestServerOptions {
  /** A PostgreSQL database URL; otherwise PGlite on disk in a fresh temporary directory. */
  databaseUrl?: string;
  /** Reuse a data directory (e.g. after a crashed child process). */
  dataDir?: string;
  fake?: FakeTelegramApi;
  /**
   * Defaults to the echo bot; `'app'` runs the app's own registered bots (the bots' own e2e
   * tests), or pass any other handler.
   */
  conversations?: ConversationHandler | 'app';
  /** `false` starts no worker (webhook only). */
  worker?: WorkerOptions | false;
  /** Extra environment (e.g. `TELEGRAM_MAX_SENDS_PER_SECOND`). */
  env?: Record<string, string>;
  /** Options of `buildServer` (e.g. a simulation's receipt clock). */
  server?: BuildServerOptions;
}

export interface TestServer {
  app: App;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  fake: FakeTelegramApi;
  logs: CapturedLogs;
  dataDir: string;
  worker: RunningWorker | undefined;
  /** POSTs an update to the webhook (JSON unless `rawBody`), with the right secret unless told otherwise. */
  postUpdate(update: unknown, options?: PostUpdateOptions): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`buildServer` + `startWorker`) on 127.0.0.1, port 0, against a test
 * database and a fake Bot API over HTTP, logging into `logs`.
 *
 * @example
 * const server = await startTestServer();
 * await server.postUpdate(telegramUpdates().text(telegramUser(501), 'hi'));
 * await server.fake.waitFor(() => server.fake.callsTo('sendMessage').length === 1);
 * await server.stop();
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownFake = !options.fake;
  const fake = options.fake ?? (await FakeTelegramApi.start());
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-test-')));
  const logs = new CapturedLogs();
  const config = loadConfig(
    testEnv({ fakeUrl: fake.url, dataDir, databaseUrl: options.databaseUrl, env: options.env }),
  );
  const app = await createApp(config, { logger: createLogger('info', logs.stream) });
  const conversations =
    options.conversations === 'app'
      ? app.conversations
      : (options.conversations ?? echoConversation({ media: app.media }));
  const server = await buildServer(app, options.server);
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  const worker =
    options.worker === false ? undefined : startWorker({ ...app, conversations }, options.worker);
  return {
    app,
    url,
    fake,
    logs,
    dataDir,
    worker,
    postUpdate: (update, postOptions = {}) => postUpdate(url, update, postOptions),
    stop: async () => {
      await worker?.stop();
      await server.close();
      await app.close();
      if (ownFake) await fake.close();
      if (!options.dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The environment a test server (in-process or child) runs with. */
export function testEnv(options: {
  fakeUrl: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  env?: Record<string, string> | undefined;
}): Record<string, string> {
  return {
    DAUYS_DATA_DIR: options.dataDir,
    MEDIA_DIR: path.join(options.dataDir, 'media'),
    DAUYS_SECRET: TEST_TELEGRAM.dauysSecret,
    TELEGRAM_VOTER_TOKEN: TEST_TELEGRAM.voterToken,
    TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM.webhookSecret,
    TELEGRAM_API_ROOT: options.fakeUrl,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    // Tests read figures right after changing them; production shares answers for a second.
    PUBLIC_FIGURES_CACHE_MS: '0',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
}

export interface PostUpdateOptions {
  bot?: 'voter' | 'observer';
  secret?: string | null;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function postUpdate(
  baseUrl: string,
  update: unknown,
  options: PostUpdateOptions = {},
): Promise<{ status: number; body: string }> {
  const secret = options.secret === undefined ? TEST_TELEGRAM.webhookSecret : options.secret;
  const response = await fetch(`${baseUrl}/webhooks/telegram/${options.bot ?? 'voter'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      ...options.headers,
    },
    body: options.rawBody ?? JSON.stringify(update),
  });
  return { status: response.status, body: await response.text() };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * Runs the server as a child process (`test/support/server-process.ts`: the same app, server and
 * worker as `dauys start`, with the echo double as the conversation), to kill it for real.
 *
 * @example
 * const child = await spawnServerProcess(testEnv({ fakeUrl, dataDir }), { pauseWorker: true });
 * child.child.kill('SIGKILL'); await child.exited;
 */
export async function spawnServerProcess(
  env: Record<string, string>,
  options: { pauseWorker?: boolean; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const entry = path.join(import.meta.dirname, 'server-process.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env, ...(options.pauseWorker ? { DAUYS_TEST_PAUSE_WORKER: '1' } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server process did not start in time; output:\n${output}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = () => {
      const match = /dauys listening on (\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited (${String(code)}) before listening; output:\n${output}`));
    });
  });
  return { url, child, output: () => output, exited };
}
