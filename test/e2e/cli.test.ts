import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDauys, startDauys } from '../support/dauys-process';
import { writeTinyElection, type TinyElectionFiles } from '../support/tiny-election';

/** The `dauys` command as a user runs it: its own process, its own data directory. */
describe('dauys command line', () => {
  let dataDir: string;
  let tiny: TinyElectionFiles;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-cli-'));
    tiny = await writeTinyElection();
    env = { DAUYS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' };
  });
  afterAll(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it('prints help and exits 0; an unknown command exits 2', async () => {
    const help = await runDauys(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'migrate', 'election', 'import']) expect(help.stdout).toContain(command);
    const unknown = await runDauys(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
  });

  it('prints its version with --version and exit 0', async () => {
    const pkg = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runDauys(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('refuses --port out of range naming the flag and the valid range, exit 2', async () => {
    const result = await runDauys(['start', '--port', '99999'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port');
    expect(result.stderr).toContain('0 to 65535');
    expect(result.stderr).not.toContain('environment');
  });

  it('loads an election, then refuses a broken one with exit code 2 and the JSON path', async () => {
    const good = await runDauys(['election', 'load', tiny.electionFile], env);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('loaded election tiny-2021 (10 areas)');
    const broken = await writeTinyElection((definition) => {
      (definition.protocol as { rules: Array<{ expression: string }> }).rules[0]!.expression = 'L2 = L99';
    });
    const result = await runDauys(['election', 'load', broken.electionFile], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('$.protocol.rules[0].expression');
    expect(result.stderr).toContain('99');
  });

  it('refuses a broken geography CSV with exit code 2 and file:line:column', async () => {
    const file = await tiny.write(
      'bad.csv',
      'level,code,parent,number,name_kk,name_ru,name_en,registered_voters\nprecinct,p9,r1-d1,9,a,b,c,many\n',
    );
    const result = await runDauys(['import', 'geography', 'tiny-2021', file], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:2:registered_voters`);
  });

  it('refuses to start WhatsApp set up without a phone-number id, with exit 1 and one line', async () => {
    const result = await runDauys(['start', '--port', '0'], {
      ...env,
      WHATSAPP_TOKEN: 't',
      WHATSAPP_APP_SECRET: 's',
      WHATSAPP_VERIFY_TOKEN: 'v',
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('WHATSAPP_VOTER_PHONE_ID');
  });

  it('starts with the demo election, serves health and elections, and stops on SIGTERM', async () => {
    const server = await startDauys(['--demo'], env);
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
      const { elections } = (await (await fetch(`${server.url}/api/v1/elections`)).json()) as {
        elections: Array<{ slug: string; regions: number; precincts: number; demo: boolean }>;
      };
      const demo = elections.find((election) => election.slug === 'kz-2021-mazhilis');
      expect(demo).toMatchObject({ regions: 17, demo: true });
      expect(demo?.precincts).toBeGreaterThanOrEqual(9000);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toContain('dauys_http_request_duration_seconds');
      const missing = await fetch(`${server.url}/api/v1/elections/nope/summary`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: 'DAUYS_ERR_NOT_FOUND' });
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).toContain('shutting down');
  });

  it('stops cleanly on a SIGTERM sent the moment it says it listens, before its worker is up', async () => {
    // Scripts stop the server as soon as they read a log line; the worker starts after that line.
    const server = await startDauys(['--no-live', '--demo'], env);
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('shutting down');
  });
});
