import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { openDatabase } from '../../src/store/database';
import { base32Decode, totpCode } from '../../src/security/totp';
import { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { runDauys, startDauys, type CliResult } from '../support/dauys-process';
import { postUpdate, testEnv, TEST_TELEGRAM } from '../support/start-test-server';
import { createThrowawayPostgresDatabase, testDatabases } from '../support/test-databases';
import { waitUntil } from '../support/wait-until';
import { auditPipeline } from './pipeline-audit';
import { TelegramObserverDriver } from './telegram-observer-driver';
import {
  DEMO_SLUG,
  publicVoterTally,
  runVoterLoad,
  SCRIPTED_LOAD_ENV,
  sortedEntries,
  waitForDrain,
} from './voter-load';
import { OFFICIAL_MAPPING as DEMO_OFFICIAL_MAPPING } from '../support/dashboard-seed';

const OFFICIAL_MAPPING = JSON.stringify(DEMO_OFFICIAL_MAPPING);
const OFFICIAL_CSV = [
  'uik,registered,took_part,invalid,ak_zhol,nur_otan,adal,auyl,npk',
  'kz-akm-p0001,1000,600,10,100,400,50,20,20',
  'kz-akm-p0002,2000,900,0,200,600,50,25,25',
].join('\n');

/**
 * Issue 18's scene: a coordinator uses the command line while `dauys start --demo` serves the
 * bots. Every command's change is seen by the running server at once, and nothing the bots
 * acknowledged is lost. On PGlite the commands go through the server's socket; on PostgreSQL
 * they are simply more clients.
 */
describe('the command line beside a running server', () => {
  it.concurrent.for(testDatabases().map((database) => database.name))(
    'on %s: a new admin signs in, a new invite joins, an import shows, a backup restores, under load',
    { timeout: 300_000 },
    async (database, { expect }) => {
      const fake = await FakeTelegramApi.start();
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-beside-'));
      const restoredDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-restored-'));
      const postgres =
        database === 'postgres'
          ? await createThrowawayPostgresDatabase(process.env.TEST_DATABASE_URL!)
          : undefined;
      const restoredPostgres =
        database === 'postgres'
          ? await createThrowawayPostgresDatabase(process.env.TEST_DATABASE_URL!)
          : undefined;
      const env = testEnv({
        fakeUrl: fake.url,
        dataDir,
        databaseUrl: postgres?.url,
        env: {
          ...SCRIPTED_LOAD_ENV,
          TELEGRAM_OBSERVER_TOKEN: TEST_TELEGRAM.observerToken,
          TELEGRAM_MAX_SENDS_PER_SECOND: '1000',
          // The public figures' production cache: the import must show within it, not never.
          PUBLIC_FIGURES_CACHE_MS: '1000',
          LOG_LEVEL: 'warn',
        },
      });
      const cli = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> => {
        const result: CliResult = await runDauys(args, { ...env, ...extraEnv });
        if (result.code !== 0) {
          throw new Error(`dauys ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
        }
        return result.stdout;
      };
      const server = await startDauys(['--demo'], env);
      try {
        const load = runVoterLoad({
          voters: 30,
          concurrency: 6,
          target: () => server.url,
          deadlineMs: 240_000,
        });

        // 1. A new admin, created from the command line, signs in with password and TOTP.
        const created = await cli(['user', 'create', '--role', 'admin', '--email', 'a@example.org']);
        const password = /^one-time password: (\S+)$/m.exec(created)?.[1];
        const secret = /secret=([A-Z2-7]+)/.exec(created)?.[1];
        expect(password && secret).toBeTruthy();
        const login = await signIn(server.url, 'a@example.org', password!, base32Decode(secret!));
        expect(login).toMatchObject({ status: 200, body: { user: { email: 'a@example.org' } } });

        // 2. A new invite, created from the command line, is accepted by the observer bot.
        const invite = await cli(['invite', 'create', '--election', DEMO_SLUG, '--precinct', 'kz-akm-p0001']);
        const code = /^code: (\S+)$/m.exec(invite)?.[1];
        expect(code).toBeTruthy();
        const observer = new TelegramObserverDriver(
          { fake, postUpdate: (update, options) => postUpdate(server.url, update, options) },
          telegramUpdates({ firstUpdateId: 5_000_000 }),
          telegramUser(7_700_001, { languageCode: 'en' }),
        );
        const welcome = await observer.command('start', code!);
        expect(welcome).not.toContain('not valid');
        expect(fake.successfulCalls('sendMessage').map((call) => String(call.params.text))).toContainEqual(
          expect.stringContaining('You are an independent observer'),
        );

        // 3. Official results imported from the command line show on the public API.
        const csv = path.join(dataDir, 'official.csv');
        const mapping = path.join(dataDir, 'mapping.json');
        await fs.writeFile(csv, OFFICIAL_CSV);
        await fs.writeFile(mapping, OFFICIAL_MAPPING);
        await cli(['import', 'official', DEMO_SLUG, csv, '--mapping', mapping]);
        const official = await waitUntil(
          async () => {
            const summary = (await (
              await fetch(`${server.url}/api/v1/elections/${DEMO_SLUG}/summary`)
            ).json()) as { official: { precinctsReported: number } | null };
            return summary.official?.precinctsReported === 2 ? summary.official : undefined;
          },
          { timeoutMs: 10_000, intervalMs: 200, what: 'the imported official results on the public API' },
        );
        expect(official).toBeTruthy();

        // 4. The audit chain verifies while the server appends to it; a backup restores elsewhere.
        expect(await cli(['audit', 'verify'])).toMatch(/^audit log intact: \d+ entries/);
        const backup = path.join(dataDir, 'dauys.backup.gz');
        expect(await cli(['backup', backup])).toMatch(/^backed up \d+ rows from \d+ tables/);

        const result = await load;
        expect(result.completedVoters).toBe(30);
        await waitForDrain(server.url);
        expect(sortedEntries(await publicVoterTally(server.url))).toEqual(sortedEntries(result.groundTruth));

        // The test itself is one more client, beside the server (through its socket on PGlite).
        const live = await openDatabase(
          postgres ? { databaseUrl: postgres.url, poolSize: 2 } : { pgliteDir: path.join(dataDir, 'pglite') },
        );
        try {
          const audit = await auditPipeline(live.db, result.acknowledged);
          expect(audit.missing).toEqual([]);
          expect(audit.duplicated).toEqual([]);
          expect(audit.notDone).toBe(0);
          expect(audit.inboxRows).toBe(result.acknowledged.length);
        } finally {
          await live.close();
        }

        const restoreEnv = {
          DAUYS_DATA_DIR: restoredDir,
          DATABASE_URL: restoredPostgres?.url ?? '',
        };
        expect(await cli(['restore', backup], restoreEnv)).toMatch(/^restored \d+ rows/);
        expect(await cli(['user', 'list'], restoreEnv)).toContain('a@example.org');
        expect(await cli(['audit', 'verify'], restoreEnv)).toMatch(/^audit log intact/);
      } finally {
        expect(await server.stop()).toBe(0);
        await fake.close();
      }
      try {
        // After the server stopped, the command opens the data itself, and the chain still holds.
        expect(await cli(['audit', 'verify'])).toMatch(/^audit log intact/);
      } finally {
        await postgres?.drop();
        await restoredPostgres?.drop();
        await fs.rm(dataDir, { recursive: true, force: true });
        await fs.rm(restoredDir, { recursive: true, force: true });
      }
    },
  );
});

/** The console's sign-in as its page does it: a CSRF token, then password and TOTP code. */
async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  totpKey: Buffer,
): Promise<{ status: number; body: unknown }> {
  const csrf = await fetch(`${baseUrl}/console/api/csrf`);
  const cookies = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ');
  const token = /dauys_csrf=([^;]+)/.exec(cookies)?.[1] ?? '';
  const response = await fetch(`${baseUrl}/console/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies, 'x-csrf-token': token },
    body: JSON.stringify({ email, password, code: totpCode(totpKey, Date.now()) }),
  });
  return { status: response.status, body: await response.json() };
}
