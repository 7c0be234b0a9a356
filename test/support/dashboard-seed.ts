import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app';
import { BallotReportService } from '../../src/services/ballot-report.service';
import { ObserversRepository } from '../../src/store/repositories/observers.repository';
import { TEST_ACTOR } from './test-actor';

/** A violation text that would run script if any page rendered it as HTML. */
export const HOSTILE_VIOLATION_TEXT =
  'Ballots carried out <script>window.__dauysXss = "script"</script> and <img src="x" onerror="window.__dauysXss = \'img\'"> at 14:00';

/** The mapping of an official-results CSV (`uik`, lines 1/4/7, one column per party) onto the demo's parties. */
export const OFFICIAL_MAPPING = {
  precinct: 'uik',
  lines: { '1': 'registered', '4': 'took_part', '7': 'invalid' },
  choices: {
    'ak-zhol': 'ak_zhol',
    'nur-otan': 'nur_otan',
    adal: 'adal',
    auyl: 'auyl',
    'peoples-party': 'npk',
  },
};

/**
 * Figures from every source for the dashboard's tests: official results for four precincts in
 * two regions, six voter reports, and one published violation with hostile text. Each goes in
 * through the service that owns it where one exists (official import, ballot reports); the
 * violation is written to its table directly until the observer bot's service publishes them.
 */
export async function seedDashboard(app: App, slug: string): Promise<void> {
  const election = await app.elections.require(slug);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-dashboard-seed-'));
  const csv = [
    'uik,registered,took_part,invalid,ak_zhol,nur_otan,adal,auyl,npk',
    'kz-akm-p0001,814,500,10,100,300,40,30,20',
    'kz-akm-p0002,1065,700,5,250,350,45,30,20',
    'kz-akm-p0003,900,600,0,150,400,20,20,10',
    'kz-akt-p0001,1000,640,8,300,250,40,22,20',
  ].join('\n');
  await fs.writeFile(path.join(dir, 'official.csv'), csv);
  await fs.writeFile(path.join(dir, 'mapping.json'), JSON.stringify(OFFICIAL_MAPPING));
  await app.officialImport.importFile(
    TEST_ACTOR,
    slug,
    path.join(dir, 'official.csv'),
    path.join(dir, 'mapping.json'),
  );

  const ballots = new BallotReportService(app.secret, undefined);
  const votes: Array<[string, string]> = [
    ['kz-akm-p0001', 'ak-zhol'],
    ['kz-akm-p0001', 'ak-zhol'],
    ['kz-akm-p0001', 'nur-otan'],
    ['kz-akm-p0002', 'against-all'],
    ['kz-akt-p0001', 'adal'],
    ['kz-akt-p0001', 'ak-zhol'],
  ];
  const sentAt = new Date('2021-01-10T10:00:00Z');
  await app.database.db.transaction().execute(async (tx) => {
    for (const [index, [precinctCode, choiceId]] of votes.entries()) {
      await ballots.record(tx, {
        electionId: election.id,
        electionSlug: slug,
        inbound: {
          channel: 'telegram',
          bot: 'voter',
          participant: `dashboard-test-voter-${index}`,
          sentAt,
          receivedAt: sentAt,
          content: { kind: 'text', text: 'done' },
        },
        precinctCode,
        choiceId,
        keepRecordedPhoto: false,
        sentAt,
        delayed: false,
      });
    }
  });

  const observerId = await new ObserversRepository(app.database.db).upsert({
    channel: 'telegram',
    participant: 'dashboard-test-observer',
    electionId: election.id,
    contactEncrypted: null,
    locale: 'en',
    state: {},
  });
  await app.database.db
    .insertInto('violations')
    .values({
      election_id: election.id,
      precinct_code: 'kz-akm-p0001',
      category_id: 'ballot-stuffing',
      observer_id: observerId,
      text: HOSTILE_VIOLATION_TEXT,
      media_ids: JSON.stringify([]),
      status: 'published',
      reported_at: new Date('2021-01-10T09:00:00Z'),
    })
    .execute();
}
