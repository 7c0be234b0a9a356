import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeStationsFile } from '../../src/cli/commands/analyze.command';
import { ElectionAnalysisService } from '../../src/services/election-analysis.service';
import { ElectionService } from '../../src/services/election.service';
import { StationImportService } from '../../src/services/station-import.service';
import type { DatabaseHandle } from '../../src/store/database';
import {
  BELARUS_MAPPING,
  writeBelarusLikeFixture,
  type BelarusLikeFiles,
} from '../support/belarus-like-fixture';
import { testDatabases } from '../support/test-databases';
import { TEST_ACTOR } from '../support/test-actor';

describe.each(testDatabases())('import stations with outside evidence on $name', ({ open }) => {
  let database: DatabaseHandle;
  let imports: StationImportService;
  let analyses: ElectionAnalysisService;
  let fixture: BelarusLikeFiles;

  beforeAll(async () => {
    database = await open();
    imports = new StationImportService(database.db);
    analyses = new ElectionAnalysisService(database.db, new ElectionService(database.db));
    fixture = await writeBelarusLikeFixture();
  });
  afterAll(async () => database?.close());

  const electionCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('elections')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates the election with areas, official results and evidence', async () => {
    const result = await imports.importFile(TEST_ACTOR, {
      slug: 'by-fixture',
      csv: fixture.csv,
      mapping: BELARUS_MAPPING,
      name: 'Belarus-like fixture',
      date: '2020-08-09',
    });
    expect(result).toEqual({
      slug: 'by-fixture',
      regions: 2,
      districts: 4,
      stations: 24,
      officialResults: 23,
      withEvidence: 24,
    });
    const evidence = await database.db
      .selectFrom('outside_evidence')
      .selectAll()
      .where('precinct_code', 'in', ['01-001-0001', '01-002-0002'])
      .orderBy('position')
      .execute();
    expect(evidence.map((row) => [row.precinct_code, row.observers, row.photo_votes?.tihanovkaja])).toEqual([
      ['01-001-0001', 0, 170],
      ['01-002-0002', null, 50], // the station missing from the observer file: unknown, not 0
    ]);
  });

  it('gives the stored analysis the same photo and observer results as analyze --csv', async () => {
    const stored = (await analyses.analysis('by-fixture', { fresh: true })).report;
    const fromCsv = analyzeStationsFile(fixture.csv, BELARUS_MAPPING, { seed: 42 }).report;
    expect(stored.summary.stationsWithOfficialResult).toBe(fixture.expected.withOfficial);
    expect(stored.photoExceedsOfficial!.byChoice.tihanovkaja).toMatchObject({
      stations: fixture.expected.photoStations,
      votesAtLeast: fixture.expected.photoVotesAtLeast,
    });
    expect(stored.photoExceedsOfficial).toEqual(fromCsv.photoExceedsOfficial);
    expect(stored.observerEffect).toEqual(fromCsv.observerEffect);
    expect(stored.observerEffect!.observedStations).toBe(10);
    expect(stored.observerEffect!.unobservedStations).toBe(12);
    expect(stored.observerEffect!.turnout.difference).toBeGreaterThan(0);
  });

  it('refuses an existing slug and changes nothing', async () => {
    const before = await electionCount();
    await expect(
      imports.importFile(TEST_ACTOR, { slug: 'by-fixture', csv: fixture.csv, mapping: BELARUS_MAPPING }),
    ).rejects.toMatchObject({ code: 'DAUYS_ERR_CONFLICT' });
    expect(await electionCount()).toBe(before);
  });

  it('rejects a figure that is not a count, naming file, line and column, and imports nothing', async () => {
    const bad = await writeBelarusLikeFixture((rows) => {
      rows[4]!.lukashenko_officialVotes = '12x';
    });
    const header = (await fs.readFile(bad.csv, 'utf8')).split('\n')[0]!.split(',');
    const column = header.indexOf('lukashenko_officialVotes') + 1;
    const before = await electionCount();
    await expect(
      imports.importFile(TEST_ACTOR, { slug: 'by-bad', csv: bad.csv, mapping: BELARUS_MAPPING }),
    ).rejects.toMatchObject({
      code: 'DAUYS_ERR_VALIDATION',
      issues: [expect.objectContaining({ where: `${bad.csv}:6:${column}` })],
    });
    expect(await electionCount()).toBe(before);
  });

  it('rejects a station listed twice, naming the line', async () => {
    const bad = await writeBelarusLikeFixture((rows) => {
      rows[9]!.id = rows[2]!.id!;
    });
    await expect(
      imports.importFile(TEST_ACTOR, { slug: 'by-twice', csv: bad.csv, mapping: BELARUS_MAPPING }),
    ).rejects.toMatchObject({
      code: 'DAUYS_ERR_VALIDATION',
      issues: [{ where: `${path.basename(bad.csv)}:11`, message: expect.stringMatching(/appears twice/) }],
    });
    expect(
      await database.db
        .selectFrom('elections')
        .select('slug')
        .where('slug', '=', 'by-twice')
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});
