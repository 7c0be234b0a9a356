import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildServer, type BuildServerOptions } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { cliActor } from '../../src/services/audit.service';
import { base32Decode, totpCode } from '../../src/security/totp';
import type { ConsoleRole } from '../../src/store/tables/console.tables';
import { createThrowawayPostgresDatabase } from './test-databases';

export const CONSOLE_TEST_SECRET = 'test-console-secret-0123456789abcdef0123';

/** A full app and its HTTP server on a throwaway database, with every log line captured. */
export interface ConsoleTestApp {
  app: App;
  server: FastifyInstance;
  logs: string[];
  close(): Promise<void>;
}

/**
 * @example
 * const { app, server, close } = await openConsoleTestApp('pglite');
 * const admin = await createConsoleUser(app, 'admin');
 */
export async function openConsoleTestApp(
  database: 'pglite' | 'postgres',
  serverOptions: BuildServerOptions = {},
  /** More environment for the app's config, e.g. `TELEGRAM_OBSERVER_USERNAME`. */
  env: Record<string, string> = {},
): Promise<ConsoleTestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-console-'));
  const postgres =
    database === 'postgres'
      ? await createThrowawayPostgresDatabase(process.env.TEST_DATABASE_URL!)
      : undefined;
  const logs: string[] = [];
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const config = loadConfig({
    DAUYS_DATA_DIR: dataDir,
    DAUYS_SECRET: CONSOLE_TEST_SECRET,
    DATABASE_URL: postgres?.url ?? '',
    LOG_LEVEL: 'debug',
    ...env,
  });
  const app = await createApp(config, { logger: createLogger('debug', stream) });
  const server = await buildServer(app, serverOptions);
  return {
    app,
    server,
    logs,
    close: async () => {
      await server.close();
      await app.close();
      await postgres?.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestConsoleUser {
  id: number;
  email: string;
  role: ConsoleRole;
  password: string;
  totpKey: Buffer;
  /** The TOTP code `offsetSteps` steps from now (+1: the next one, still inside the accepted window). */
  code(offsetSteps?: number): string;
}

let userCounter = 0;

/** Creates a user the way `dauys user create` does and keeps what its owner would be handed. */
export async function createConsoleUser(
  app: App,
  role: ConsoleRole,
  email?: string,
): Promise<TestConsoleUser> {
  userCounter += 1;
  const issued = await app.console.users.create(cliActor('test'), {
    email: email ?? `${role}-${userCounter}@example.org`,
    role,
  });
  const totpKey = base32Decode(new URL(issued.totpUri).searchParams.get('secret')!);
  return {
    id: issued.user.id,
    email: issued.user.email,
    role,
    password: issued.oneTimePassword,
    totpKey,
    code: (offsetSteps = 0) => totpCode(totpKey, Date.now() + offsetSteps * 30_000),
  };
}
