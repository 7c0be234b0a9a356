import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, type AuditEntryView } from '../../src/services/audit.service';
import { openDatabase, type DatabaseHandle } from '../../src/store/database';
import { BELARUS_MAPPING, writeBelarusLikeFixture } from '../support/belarus-like-fixture';
import { CLI_COMMANDS } from '../support/cli-commands';
import { runDauys } from '../support/dauys-process';
import { createThrowawayPostgresDatabase } from '../support/test-databases';
import { TINY_GEOGRAPHY_CSV, writeTinyElection, type TinyElectionFiles } from '../support/tiny-election';
import { OFFICIAL_MAPPING as DEMO_OFFICIAL_MAPPING } from '../support/dashboard-seed';

/** Each step starts its own process (tsx, then PGlite or a pool): slow on a loaded machine. */
const STEP_TIMEOUT = 120_000;

const OFFICIAL_MAPPING = JSON.stringify(DEMO_OFFICIAL_MAPPING);
const OFFICIAL_CSV = [
  'uik,registered,took_part,invalid,ak_zhol,nur_otan,adal,auyl,npk',
  'p1,1000,600,10,100,400,50,20,20',
  'p2,2000,900,0,200,600,50,25,25',
].join('\n');

interface CliDatabase {
  name: 'pglite' | 'postgres';
  /** The environment `dauys` runs with, and a way to read the same database from the test. */
  setUp(
    dataDir: string,
  ): Promise<{ env: NodeJS.ProcessEnv; open(): Promise<DatabaseHandle>; drop(): Promise<void> }>;
}

function cliDatabases(): CliDatabase[] {
  const databases: CliDatabase[] = [
    {
      name: 'pglite',
      setUp: async (dataDir) => ({
        env: { DAUYS_DATA_DIR: dataDir, DATABASE_URL: '' },
        // Read after the commands exit: one owner per embedded data dir.
        open: () => openDatabase({ pgliteDir: path.join(dataDir, 'pglite') }),
        drop: async () => {},
      }),
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl && process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set');
  if (adminUrl)
    databases.push({
      name: 'postgres',
      setUp: async (dataDir) => {
        const { url, drop } = await createThrowawayPostgresDatabase(adminUrl);
        return {
          env: { DAUYS_DATA_DIR: dataDir, DATABASE_URL: url },
          open: () => openDatabase({ databaseUrl: url, poolSize: 2 }),
          drop,
        };
      },
    });
  return databases;
}

/**
 * Every write `dauys` makes from the command line leaves one audit entry naming the operator
 * (DESIGN.md invariant 6), and the chain still verifies: invites, official results, geography,
 * election load and purge used to change data with no entry at all.
 */
describe.each(cliDatabases())('command-line writes are audited on $name', ({ setUp }) => {
  let dataDir: string;
  let tiny: TinyElectionFiles;
  let env: NodeJS.ProcessEnv;
  let open: () => Promise<DatabaseHandle>;
  let drop: () => Promise<void>;
  const operator = `command line (${os.userInfo().username})`;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-cli-audit-'));
    tiny = await writeTinyElection();
    const database = await setUp(dataDir);
    ({ open, drop } = database);
    env = { ...database.env, LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    await drop?.();
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(tiny.dir, { recursive: true, force: true });
  });

  /** The audited commands this suite ran successfully (checked against CLI_COMMANDS at the end). */
  const driven = new Set<string>();
  const dauys = async (args: string[]) => {
    const result = await runDauys(args, env);
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.code, args.join(' ')).toBe(0);
    const command = CLI_COMMANDS.audited.find(
      (name) => args.slice(0, name.split(' ').length).join(' ') === name,
    );
    if (command) driven.add(command);
    return result.stdout;
  };

  const entries = async (): Promise<AuditEntryView[]> => {
    const database = await open();
    try {
      return (await new AuditService(database.db).list({ limit: 100 })).reverse();
    } finally {
      await database.close();
    }
  };

  it(
    'loads an election, creates and revokes an invite, imports results and geography, purges',
    { timeout: STEP_TIMEOUT * 7 },
    async () => {
      await dauys(['election', 'load', tiny.electionFile]);
      const created = await dauys([
        'invite',
        'create',
        '--election',
        tiny.slug,
        '--precinct',
        'p1',
        '--precinct',
        'p2',
      ]);
      const inviteId = Number(/^invite #(\d+) for p1, p2 in tiny-2021$/m.exec(created)?.[1]);
      expect(inviteId).toBeGreaterThan(0);
      expect(await dauys(['invite', 'revoke', `#${inviteId}`])).toBe(
        `revoked invite #${inviteId} (p1, p2)\n`,
      );
      const csv = await tiny.write('official.csv', OFFICIAL_CSV);
      const mapping = await tiny.write('mapping.json', OFFICIAL_MAPPING);
      await dauys(['import', 'official', tiny.slug, csv, '--mapping', mapping]);
      const geography = await tiny.write('more-geography.csv', TINY_GEOGRAPHY_CSV);
      await dauys(['import', 'geography', tiny.slug, geography]);
      // The tiny election is the 2021 one: long over, so no --force is needed.
      await dauys(['purge', tiny.slug]);

      const log = await entries();
      expect(log.map((entry) => [entry.action, entry.target])).toEqual([
        ['election.load', 'election:tiny-2021'],
        ['invite.create', `invite:${inviteId}`],
        ['invite.revoke', `invite:${inviteId}`],
        ['official.import', 'election:tiny-2021'],
        ['geography.import', 'election:tiny-2021'],
        ['election.purge', 'election:tiny-2021'],
      ]);
      for (const entry of log) expect(entry).toMatchObject({ actor: 'cli', actorLabel: operator });
      const [, create, revoke, official] = log;
      // Never the code (a credential) nor the contact (personal data).
      expect(create!.after).toEqual({ precincts: ['p1', 'p2'] });
      expect(revoke).toMatchObject({ before: { status: 'open' }, after: { status: 'revoked' } });
      expect(official!.after).toEqual({ source: csv, precincts: 2 });
    },
  );

  it('verifies the chain afterwards', { timeout: STEP_TIMEOUT }, async () => {
    expect(await dauys(['audit', 'verify'])).toMatch(/^audit log intact: 6 entries, head [0-9a-f]{64}\n$/);
  });

  it('records nothing for a write that failed', { timeout: STEP_TIMEOUT }, async () => {
    const refused = await runDauys(
      ['invite', 'create', '--election', tiny.slug, '--precinct', 'nowhere'],
      env,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no precinct "nowhere"');
    expect(await entries()).toHaveLength(6);
  });

  it(
    'audits console accounts and station imports from the command line too',
    { timeout: STEP_TIMEOUT * 4 },
    async () => {
      await dauys(['user', 'create', '--role', 'coordinator', '--email', 'cli-audit@example.org']);
      await dauys(['user', 'reset', '--email', 'cli-audit@example.org']);
      const stations = await writeBelarusLikeFixture();
      await dauys([
        'import',
        'stations',
        '--slug',
        'by-audit',
        '--csv',
        stations.csv,
        '--mapping',
        BELARUS_MAPPING,
      ]);
      const log = (await entries()).slice(6);
      expect(log.map((entry) => entry.action)).toEqual([
        'user.create',
        'user.reset-credentials',
        'stations.import',
      ]);
      for (const entry of log) expect(entry).toMatchObject({ actor: 'cli', actorLabel: operator });
      // The one-time password and TOTP key are never in the log.
      expect(JSON.stringify(log)).not.toMatch(/otpauth|password"\s*:\s*"/);
      await fs.rm(stations.dir, { recursive: true, force: true });
    },
  );

  it('drove every command that writes (test/support/cli-commands.ts)', () => {
    expect([...driven].sort()).toEqual([...CLI_COMMANDS.audited].sort());
  });
});
