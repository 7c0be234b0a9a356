import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merkleRoot } from '../../src/domain/transparency/merkle-tree';
import { snapshotSigningKey } from '../../src/security/snapshot-signing';
import { ElectionService } from '../../src/services/election.service';
import { entryLeaf, TransparencyService } from '../../src/services/transparency.service';
import type { DatabaseHandle } from '../../src/store/database';
import { runDauys } from '../support/dauys-process';
import { testDatabases } from '../support/test-databases';
import { writeTinyElection } from '../support/tiny-election';

describe.each(testDatabases())('transparency log on $name', ({ open }) => {
  const SNAPSHOT_KEY = snapshotSigningKey('transparency-test-secret-0123456789').publicKey;
  let database: DatabaseHandle;
  let transparency: TransparencyService;
  let electionId: number;

  beforeAll(async () => {
    database = await open();
    const elections = new ElectionService(database.db);
    transparency = new TransparencyService(database.db, elections, SNAPSHOT_KEY);
    electionId = (await elections.loadFile((await writeTinyElection()).electionFile)).election.id;
  });
  afterAll(async () => database?.close());

  it('appends gaplessly, even from concurrent transactions, and its head is the Merkle root of the records', async () => {
    const appends = Array.from({ length: 25 }, (_, i) =>
      database.db
        .transaction()
        .execute((tx) => transparency.append(tx, electionId, 'protocol', { precinct: `p${i % 5}`, n: i })),
    );
    const positions = await Promise.all(appends);
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    const head = await transparency.head('tiny-2021');
    const entries = await transparency.entries('tiny-2021');
    expect(head.size).toBe(25);
    expect(merkleRoot(entries.map(entryLeaf)).toString('hex')).toBe(head.root);
    // Published beside the root: the key a mirror's manifest must be signed with.
    expect(head.snapshotKey).toBe(SNAPSHOT_KEY);
  });

  it('loses an append whose transaction rolls back, leaving the head as it was', async () => {
    const before = await transparency.head('tiny-2021');
    await expect(
      database.db.transaction().execute(async (tx) => {
        await transparency.append(tx, electionId, 'ballot', { precinct: 'p1', choice: 'adal' });
        throw new Error('the acceptance failed after the append');
      }),
    ).rejects.toThrow('acceptance failed');
    expect(await transparency.head('tiny-2021')).toEqual(before);
  });

  it('is fed at acceptance: a counted report and each change of what it counts, appended once by the job, with no voter key', async () => {
    const { size: before } = await transparency.head('tiny-2021');
    const report = async (voterKey: string, status: string) =>
      (
        await sql<{ id: number }>`
          insert into ballot_reports (election_id, voter_key, precinct_code, choice_id, sent_at, received_at, status)
          values (${electionId}, ${voterKey}, 'p1', 'adal', now(), now(), ${status}) returning id`.execute(
          database.db,
        )
      ).rows[0]!.id;
    const counted = await report('voter-key-counted', 'confirmed');
    await report('voter-key-spam', 'spam');
    // A correction is logged; re-writing the same values (a redelivered update) is not.
    await sql`update ballot_reports set choice_id = 'nur-otan' where id = ${counted}`.execute(database.db);
    await sql`update ballot_reports set choice_id = 'nur-otan' where id = ${counted}`.execute(database.db);
    expect(await transparency.countPending()).toBe(2);

    // Two appenders at once (two workers): each queued record is appended exactly once.
    const appended = await Promise.all([transparency.appendPending(), transparency.appendPending()]);
    expect(appended[0] + appended[1]).toBe(2);
    expect(await transparency.countPending()).toBe(0);
    const entries = (await transparency.entries('tiny-2021')).slice(before);
    expect(entries.map((entry) => [entry.kind, entry.record.submission, entry.record.choice])).toEqual([
      ['ballot_report', counted, 'adal'],
      ['ballot_report', counted, 'nur-otan'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('voter-key');
    const head = await transparency.head('tiny-2021');
    expect(merkleRoot((await transparency.entries('tiny-2021')).map(entryLeaf)).toString('hex')).toBe(
      head.root,
    );
  });

  it('refuses to change or delete a published record', async () => {
    await expect(
      sql`update transparency_log set record = '{}'::jsonb where seq = 0`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from transparency_log where seq = 0`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('`dauys verify` accepts the export and catches a quietly altered record', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-verify-'));
    const head = await transparency.head('tiny-2021');
    const entries = await transparency.entries('tiny-2021');
    const file = path.join(dir, 'log.ndjson');
    await fs.writeFile(
      file,
      [JSON.stringify({ head }), ...entries.map((e) => JSON.stringify(e))].join('\n') + '\n',
    );
    const good = await runDauys(['verify', file, '--root', head.root]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`verified: ${head.size} records, root ${head.root}`);

    // An operator edits a record and recomputes the file's own head: the published root still catches it.
    const edited = entries.map((e) => (e.seq === 7 ? { ...e, record: { ...e.record, n: 700 } } : e));
    const forgedRoot = merkleRoot(edited.map(entryLeaf)).toString('hex');
    const forged = path.join(dir, 'forged.ndjson');
    await fs.writeFile(
      forged,
      [JSON.stringify({ head: { ...head, root: forgedRoot } }), ...edited.map((e) => JSON.stringify(e))].join(
        '\n',
      ),
    );
    const caught = await runDauys(['verify', forged, '--root', head.root]);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toContain('not the published root');
    await fs.rm(dir, { recursive: true, force: true });
  });
});
