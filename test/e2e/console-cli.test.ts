import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database';
import { runDauys } from '../support/dauys-process';

/** `dauys user …` and `dauys audit verify` as an operator runs them. */
describe('console accounts and audit from the command line', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-console-cli-'));
    env = { DAUYS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  });
  afterAll(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it('creates the first admin, printing a one-time password and the TOTP enrolment URI', async () => {
    const result = await runDauys(['user', 'create', '--role', 'admin', '--email', 'Root@Example.org'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/one-time password: [a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}\n/);
    expect(result.stdout).toMatch(
      /otpauth:\/\/totp\/Dauys:root@example\.org\?secret=[A-Z2-7]{32}&issuer=Dauys/,
    );

    const again = await runDauys(['user', 'create', '--role', 'analyst', '--email', 'root@example.org'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const badRole = await runDauys(['user', 'create', '--role', 'root', '--email', 'x@example.org'], env);
    expect(badRole.code).toBe(2);
  });

  it('verifies the audit log (exit 0), then names the tampered entry (exit 1)', async () => {
    const intact = await runDauys(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^audit log intact: 1 entries, head [0-9a-f]{64}\n$/);

    // The operator's move: bypass the append-only trigger and rewrite the entry.
    const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    try {
      await database.db.transaction().execute(async (tx) => {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
        await sql`update audit_log set actor_label = 'someone else' where action = 'user.create'`.execute(tx);
        await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
      });
    } finally {
      await database.close();
    }
    const broken = await runDauys(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/audit log broken at entry 1: hash does not match/);
  });
});
