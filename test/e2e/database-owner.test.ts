import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDauys, startDauys } from '../support/dauys-process';

/**
 * One owner per embedded data dir (issue 18): a second server on it is refused in one line,
 * a crashed owner never blocks the next start, and the database's own failures read as one line.
 */
describe('the embedded database has one owner', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-owner-'));
    env = { DAUYS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  });
  afterAll(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it(
    'refuses a second server on a held data dir in one line naming the holder, and leaves the first intact',
    { timeout: 120_000 },
    async () => {
      const first = await startDauys(['--demo', '--no-live'], env);
      try {
        const invite = await runDauys(
          ['invite', 'create', '--election', 'kz-2021-mazhilis', '--precinct', 'kz-akm-p0001'],
          env,
        );
        expect(invite.code).toBe(0);
        const listed = (await runDauys(['invite', 'list'], env)).stdout;

        const startedAt = Date.now();
        const second = await runDauys(['start', '--demo', '--no-live', '--port', '0'], env);
        expect(second.code).toBe(1);
        // At once: the refusal comes before migrations, the demo load or any listening.
        expect(Date.now() - startedAt).toBeLessThan(15_000);
        const lines = second.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`in use by dauys start --role all (pid ${first.child.pid})`);
        expect(lines[0]).toContain('stop it first');
        expect(second.stdout).not.toContain('listening');

        // The first server still serves the same data, and still sees what commands write.
        const health = await fetch(`${first.url}/healthz`);
        expect(health.status).toBe(200);
        expect((await runDauys(['invite', 'list'], env)).stdout).toBe(listed);
      } finally {
        expect(await first.stop()).toBe(0);
      }
    },
  );

  it(
    'starts again on the data of a server that was SIGKILLed, with its data',
    { timeout: 120_000 },
    async () => {
      const crashed = await startDauys(['--demo', '--no-live'], env);
      const before = (await runDauys(['invite', 'list'], env)).stdout;
      await crashed.kill();
      // The lock file names a dead pid now: stale, taken over, not a refusal.
      await expect(fs.readFile(path.join(dataDir, 'pglite', '.lock'), 'utf8')).resolves.toContain(
        `"pid":${crashed.child.pid}`,
      );
      const next = await startDauys(['--demo', '--no-live'], env);
      try {
        expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
        expect((await runDauys(['invite', 'list'], env)).stdout).toBe(before);
      } finally {
        expect(await next.stop()).toBe(0);
      }
      // A clean stop leaves no lock and no socket behind.
      const left = await fs.readdir(path.join(dataDir, 'pglite'));
      expect(left.filter((name) => name.startsWith('.lock') || name.startsWith('.s.PGSQL'))).toEqual([]);
    },
  );

  it('refuses a taken port in one line, with no stack trace and no hang', { timeout: 60_000 }, async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const taken = await runDauys(['start', '--no-live', '--port', String(port)], env);
      expect(taken.code).toBe(1);
      expect(taken.stderr.trim().split('\n')).toEqual([
        `dauys: port ${port} on 127.0.0.1 is already in use by another process: stop it, or start with --port <another port>`,
      ]);
    } finally {
      holder.close();
    }
  });

  it(
    'names host and port of an unreachable DATABASE_URL, and the scheme it expects',
    { timeout: 60_000 },
    async () => {
      // A port nothing listens on: bound, then closed again.
      const probe = net.createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const port = (probe.address() as net.AddressInfo).port;
      await new Promise((resolve) => probe.close(resolve));
      const url = `postgres://dauys:secret-password@127.0.0.1:${port}/dauys`;
      for (const args of [
        ['start', '--port', '0'],
        ['invite', 'list'],
      ]) {
        const unreachable = await runDauys(args, { ...env, DATABASE_URL: url });
        expect(unreachable.code).toBe(1);
        const lines = unreachable.stderr.trim().split('\n');
        expect(lines).toEqual([
          `dauys: cannot reach the database at 127.0.0.1:${port} (DATABASE_URL): connection refused`,
        ]);
        expect(unreachable.stderr).not.toContain('secret-password');
      }
      const wrongScheme = await runDauys(['invite', 'list'], {
        ...env,
        DATABASE_URL: 'mysql://127.0.0.1/dauys',
      });
      expect(wrongScheme.code).not.toBe(0);
      expect(wrongScheme.stderr).toContain('DATABASE_URL');
      expect(wrongScheme.stderr).toContain('DATABASE_URL: expected a PostgreSQL URL, postgres://');
      expect(wrongScheme.stderr).not.toMatch(/\n\s+at /);
    },
  );
});
