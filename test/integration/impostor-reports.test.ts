import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElectionService } from '../../src/services/election.service';
import { ImpostorReportService } from '../../src/services/impostor-report.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';
import { writeTinyElection } from '../support/tiny-election';

const SECRET = 'a-secret-of-at-least-32-characters!!';

describe.each(testDatabases())('voters’ impostor-bot reports on $name', ({ open }) => {
  let database: DatabaseHandle;
  let impostors: ImpostorReportService;
  let election: { id: number; slug: string };

  beforeAll(async () => {
    database = await open();
    const files = await writeTinyElection();
    const loaded = await new ElectionService(database.db).loadFile(files.electionFile);
    election = { id: loaded.election.id, slug: loaded.election.slug };
    impostors = new ImpostorReportService(database.db, SECRET);
  });

  afterAll(async () => {
    await database?.close();
  });

  const report = (participant: string, handle: string) =>
    database.db
      .transaction()
      .execute((tx) => impostors.report(tx, election, participant, handle, new Date('2021-01-10T09:00:00Z')));

  it('counts each voter once per handle, the most reported first, and keeps no participant id', async () => {
    await report('p-ana', '@dauys_kz_bott');
    await report('p-ana', '@dauys_kz_bott');
    await report('p-bek', '@dauys_kz_bott');
    await report('p-bek', '@dauys-vote');
    expect(await impostors.byHandle(election)).toEqual([
      { handle: '@dauys_kz_bott', reporters: 2, lastReportedAt: new Date('2021-01-10T09:00:00Z') },
      { handle: '@dauys-vote', reporters: 1, lastReportedAt: new Date('2021-01-10T09:00:00Z') },
    ]);
    const keys = await database.db.selectFrom('impostor_reports').select('reporter_key').execute();
    expect(
      keys.map((row) => row.reporter_key).some((key) => key.includes('p-ana') || key.includes('p-bek')),
    ).toBe(false);
  });

  it('forgets a voter’s reports with the rest of their data', async () => {
    await database.db.transaction().execute((tx) => impostors.forget(tx, election, 'p-bek'));
    expect(await impostors.byHandle(election)).toEqual([
      expect.objectContaining({ handle: '@dauys_kz_bott', reporters: 1 }),
    ]);
  });
});
