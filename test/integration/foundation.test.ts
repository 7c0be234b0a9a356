import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DauysError } from '../../src/errors';
import { ElectionService } from '../../src/services/election.service';
import { GeographyImportService } from '../../src/services/geography-import.service';
import { OfficialImportService } from '../../src/services/official-import.service';
import { SummaryService } from '../../src/services/summary.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';
import { DEMO_ELECTION_FILE, writeTinyElection, type TinyElectionFiles } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

async function rejection(promise: Promise<unknown>): Promise<DauysError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DauysError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with a DauysError');
}

const OFFICIAL_MAPPING = JSON.stringify({
  precinct: 'uik',
  lines: { '1': 'registered', '4': 'took_part', '7': 'invalid' },
  choices: {
    'ak-zhol': 'ak_zhol',
    'nur-otan': 'nur_otan',
    adal: 'adal',
    auyl: 'auyl',
    'peoples-party': 'npk',
  },
});
const OFFICIAL_HEADER = 'uik,registered,took_part,invalid,ak_zhol,nur_otan,adal,auyl,npk';

describe.each(testDatabases())('foundation on $name', ({ open }) => {
  let database: DatabaseHandle;
  let elections: ElectionService;
  let geography: GeographyImportService;
  let official: OfficialImportService;
  let summaries: SummaryService;
  let tiny: TinyElectionFiles;

  /** A fingerprint of every foundation table, to prove a rejected input changed nothing. */
  async function snapshot(): Promise<string> {
    const { rows } = await sql<{ state: string }>`
      select concat_ws('|',
        (select count(*) from elections), (select string_agg(md5(definition::text), ',' order by id) from elections),
        (select count(*) from areas), (select string_agg(code || ':' || coalesce(registered_voters, -1), ',' order by code) from areas),
        (select count(*) from official_results), (select string_agg(md5(figures::text), ',' order by precinct_code) from official_results),
        (select count(*) from imports)) as state`.execute(database.db);
    return rows[0]?.state ?? '';
  }

  beforeAll(async () => {
    database = await open();
    elections = new ElectionService(database.db);
    geography = new GeographyImportService(database.db, elections);
    official = new OfficialImportService(database.db, elections);
    summaries = new SummaryService(database.db, elections);
    tiny = await writeTinyElection();
  });
  afterAll(async () => database?.close());

  it('loads an election file with its geography', async () => {
    const { election, areasImported } = await elections.loadFile(tiny.electionFile);
    expect(election.slug).toBe('tiny-2021');
    expect(areasImported).toBe(10);
    const summary = await summaries.summary('tiny-2021');
    expect(summary).toMatchObject({ registeredVoters: 6000, precincts: 5, official: null, area: null });
    const region = await summaries.summary('tiny-2021', 'r1');
    expect(region).toMatchObject({
      registeredVoters: 4500,
      precincts: 3,
      area: { code: 'r1', level: 'region' },
    });
    expect((await summaries.summary('tiny-2021', 'r1-d2')).registeredVoters).toBe(1500);
  });

  it('skips an unchanged file when asked, and reloads a changed one', async () => {
    expect((await elections.loadFile(tiny.electionFile, { skipIfUnchanged: true })).areasImported).toBe(0);
    const changed = await writeTinyElection((definition) => {
      (definition.names as Record<string, string>).en = 'Renamed';
    });
    expect((await elections.loadFile(changed.electionFile, { skipIfUnchanged: true })).areasImported).toBe(
      10,
    );
    expect((await elections.require('tiny-2021')).definition.names.en).toBe('Renamed');
  });

  it('rejects a broken election file naming the JSON path, and changes nothing', async () => {
    const before = await snapshot();
    const broken = await writeTinyElection((definition) => {
      definition.timeZone = 'Mars/Olympus';
      (definition.choices as Array<Record<string, unknown>>)[1]!.names = { kk: 'x', ru: 'y' };
    });
    const error = await rejection(elections.loadFile(broken.electionFile));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(broken.electionFile);
    expect(error.issues.map((issue) => issue.where)).toContain('$.choices[1].names.en');
    const syntax = await rejection(
      elections.loadFile(await tiny.write('syntax.json', '{\n  "slug": "x",\n  oops\n}')),
    );
    expect(syntax.issues[0]?.where).toMatch(/syntax\.json:3:\d+/);
    expect(await snapshot()).toBe(before);
  });

  it('rejects a broken geography CSV with file, line and column, and imports nothing', async () => {
    const before = await snapshot();
    const csv = [
      'level,code,parent,number,name_kk,name_ru,name_en,registered_voters',
      'precinct,p6,r2-d1,203,У,У,P,300',
      'precinct,p7,r9-d9,204,У,У,P,300',
      'district,r2-d2,p1,2,А,Р,D,',
      'precinct,p8,r2-d1,205,У,У,P,lots',
    ].join('\n');
    const file = await tiny.write('geo-bad.csv', csv);
    const error = await rejection(geography.importFile(TEST_ACTOR, 'tiny-2021', file));
    expect(error.issues.map((issue) => issue.where)).toEqual([`${file}:5:registered_voters`]);
    const fixedNumbers = await tiny.write('geo-bad2.csv', csv.replace('lots', '300'));
    const parents = await rejection(geography.importFile(TEST_ACTOR, 'tiny-2021', fixedNumbers));
    expect(parents.issues).toEqual([
      { where: `${fixedNumbers}:3:parent`, message: 'no area with code "r9-d9"' },
      {
        where: `${fixedNumbers}:4:parent`,
        message: '"p1" is a precinct, but a district belongs to a region',
      },
    ]);
    expect(await snapshot()).toBe(before);
  });

  it('adds areas under existing ones', async () => {
    const file = await tiny.write(
      'geo-more.csv',
      'level,code,parent,number,name_kk,name_ru,name_en,registered_voters\nprecinct,p6,r2-d1,203,У,У,P,300\n',
    );
    expect(await geography.importFile(TEST_ACTOR, 'tiny-2021', file)).toEqual({ areas: 1 });
    expect((await summaries.summary('tiny-2021', 'r2')).registeredVoters).toBe(1800);
  });

  it('imports official results through a mapping and sums them by area', async () => {
    const mapping = await tiny.write('mapping.json', OFFICIAL_MAPPING);
    const file = await tiny.write(
      'official.csv',
      [
        OFFICIAL_HEADER,
        'p1,1000,600,10,100,400,50,20,20',
        'p2,2000,900,0,200,600,50,25,25',
        'p4,800,500,5,95,300,50,25,25',
      ].join('\n'),
    );
    expect(await official.importFile(TEST_ACTOR, 'tiny-2021', file, mapping)).toEqual({ precincts: 3 });
    const summary = await summaries.summary('tiny-2021');
    expect(summary.official).toMatchObject({
      precinctsReported: 3,
      registeredVoters: 3800,
      ballotsCast: 2000,
      invalidBallots: 15,
    });
    expect(summary.official?.turnout).toBeCloseTo(2000 / 3800, 10);
    const nurOtan = summary.official?.choices.find((choice) => choice.id === 'nur-otan');
    expect(nurOtan).toMatchObject({ votes: 1300 });
    expect(nurOtan?.share).toBeCloseTo(1300 / 1985, 10);
    const region = await summaries.summary('tiny-2021', 'r1');
    expect(region.official).toMatchObject({ precinctsReported: 2, ballotsCast: 1500 });
    expect((await summaries.summary('tiny-2021', 'r1-d2')).official).toBeNull();
  });

  it('rejects a broken official CSV or mapping and imports nothing', async () => {
    const before = await snapshot();
    const mapping = await tiny.write('mapping.json', OFFICIAL_MAPPING);
    const bad = await tiny.write(
      'official-bad.csv',
      [
        OFFICIAL_HEADER,
        'p3,1500,700,0,100,500,50,25,25',
        'p5,700,400,0,-5,300,50,25,25',
        'p9,1,1,0,1,0,0,0,0',
        'p3,1,1,0,1,0,0,0,0',
      ].join('\n'),
    );
    const error = await rejection(official.importFile(TEST_ACTOR, 'tiny-2021', bad, mapping));
    expect(error.issues).toEqual([
      { where: `${bad}:3:ak_zhol`, message: '"-5" is not a whole number ≥ 0' },
      { where: `${bad}:4:uik`, message: 'no precinct "p9" in this election\'s geography' },
      { where: `${bad}:5:uik`, message: 'precinct "p3" repeats line 2' },
    ]);
    const badMapping = await tiny.write(
      'mapping-bad.json',
      JSON.stringify({ precinct: 'uik', lines: { '6': 'x', '42': 'y' }, choices: { trump: 'z' } }),
    );
    const mappingError = await rejection(official.importFile(TEST_ACTOR, 'tiny-2021', bad, badMapping));
    expect(mappingError.issues.map((issue) => issue.where)).toEqual([
      `${badMapping}:$.lines.6`,
      `${badMapping}:$.lines.42`,
      `${badMapping}:$.choices.trump`,
    ]);
    const missingColumn = await tiny.write('official-cols.csv', 'uik,registered\np1,5\n');
    expect(
      (await rejection(official.importFile(TEST_ACTOR, 'tiny-2021', missingColumn, mapping))).issues[0]
        ?.message,
    ).toContain('missing column named in the mapping "took_part"');
    expect(await snapshot()).toBe(before);
  });

  it('loads the Kazakhstan 2021 demo: 17 regions, ~10,000 precincts, 11.9 million voters', async () => {
    const { election } = await elections.loadFile(DEMO_ELECTION_FILE);
    const summary = await summaries.summary(election.slug);
    expect(summary.election.demo).toBe(true);
    expect(summary.precincts).toBeGreaterThanOrEqual(9000);
    expect(summary.registeredVoters).toBe(11_919_241);
    const regions = await database.db
      .selectFrom('areas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('election_id', '=', election.id)
      .where('level', '=', 'region')
      .executeTakeFirstOrThrow();
    expect(regions.n).toBe(17);
  });
});
