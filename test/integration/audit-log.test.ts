import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, cliActor, userActor } from '../../src/services/audit.service';
import { auditEntryHash, GENESIS_HASH } from '../../src/services/audit-chain';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';

describe.each(testDatabases())('audit log on $name', ({ open }) => {
  let database: DatabaseHandle;
  let audit: AuditService;
  const actor = userActor({ id: 7, email: 'moderator@example.org' });

  /** Appends in a transaction of its own, as a console action would. */
  function append(action: string, before: unknown, after: unknown): Promise<number> {
    return database.db
      .transaction()
      .execute((tx) => audit.record(tx, { actor, action, target: 'ballot:1', before, after }));
  }

  /** What a database operator with DDL rights can do: switch the guard off, edit, switch it back. */
  async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
    await database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
      await statement.execute(tx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
    });
  }

  beforeAll(async () => {
    database = await open();
    audit = new AuditService(database.db);
  });
  afterAll(async () => database?.close());

  it('verifies an empty log', async () => {
    expect(await audit.verify()).toEqual({ ok: true, entries: 0, headHash: GENESIS_HASH });
  });

  it('chains entries: each names the previous hash, and the chain verifies', async () => {
    await append(
      'ballot.approve',
      { status: 'pending_review' },
      { status: 'approved', nested: { b: 1, a: [1, 2] } },
    );
    await append(
      'ballot.reject',
      { status: 'pending_review', at: new Date('2021-01-10T10:00:00Z') },
      { status: 'rejected' },
    );
    await database.db.transaction().execute((tx) =>
      audit.record(tx, {
        actor: cliActor('root'),
        action: 'user.create',
        target: 'user:1',
        after: { role: 'admin' },
      }),
    );
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows).toHaveLength(3);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(rows[2]).toMatchObject({ actor: 'cli', actor_label: 'command line (root)', before: null });
    // The Date inside `before` was stored as the string that was hashed.
    expect(rows[1]!.before).toEqual({ status: 'pending_review', at: '2021-01-10T10:00:00.000Z' });
    expect(auditEntryHash(rows[1]!)).toBe(rows[1]!.hash);
    expect(await audit.verify()).toEqual({ ok: true, entries: 3, headHash: rows[2]!.hash });
  });

  it('keeps no entry for a change that rolled back', async () => {
    const before = await audit.verify();
    await expect(
      database.db.transaction().execute(async (tx) => {
        await audit.record(tx, { actor, action: 'ballot.approve', target: 'ballot:2' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await audit.verify();
    expect(after).toMatchObject({ ok: true, entries: before.entries });
  });

  it('stays one line under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => append('ballot.approve', null, { i })));
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 11 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    await expect(
      sql`update audit_log set action = 'nothing' where id = 1`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 11 });
  });

  it('catches a row edited behind the trigger, naming that entry', async () => {
    const target = await database.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    await tamper(sql`update audit_log set after = '{"status":"approved"}'::jsonb where id = ${target.id}`);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: target.id, entries: 1 });
  });

  it('catches a forged entry whose own hash was recomputed, at the next link', async () => {
    // Repair the earlier tampering the way a careful forger would: recompute that row's hash.
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const forged = rows[1]!;
    await tamper(sql`update audit_log set hash = ${auditEntryHash(forged)} where id = ${forged.id}`);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: rows[2]!.id });
  });

  it('catches a deleted entry', async () => {
    const rows = await database.db.selectFrom('audit_log').select('id').orderBy('id').execute();
    await tamper(sql`delete from audit_log where id <= ${rows[2]!.id}`);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: rows[3]!.id, entries: 0 });
  });
});
