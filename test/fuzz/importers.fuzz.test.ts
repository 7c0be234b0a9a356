import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DauysError } from '../../src/errors';
import { ElectionService } from '../../src/services/election.service';
import { GeographyImportService } from '../../src/services/geography-import.service';
import { OfficialImportService } from '../../src/services/official-import.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';
import { TINY_GEOGRAPHY_CSV, writeTinyElection, type TinyElectionFiles } from '../support/tiny-election';
import { damageText, mutateCsv } from './file-mutations';
import { createRng, mutateJson, type SeededRandom } from './payload-mutations';
import { TEST_ACTOR } from '../support/test-actor';

// Invariant 5 for files: every mutated election file, geography CSV and official-results CSV is
// either loaded whole (some mutations leave a valid file) or refused with a DauysError whose
// issues say where — and a refused one leaves the database exactly as it was.
const CASES = Number(process.env.FUZZ_IMPORT_CASES) || 150;

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
const OFFICIAL_CSV = [
  'uik,registered,took_part,invalid,ak_zhol,nur_otan,adal,auyl,npk',
  'p1,1000,600,10,100,400,50,20,20',
  'p2,2000,900,0,200,600,50,25,25',
  'p4,800,500,5,95,300,50,25,25',
].join('\n');

interface FileFuzzReport {
  loaded: number;
  refused: number;
  /** Anything but a DauysError naming where, or a refusal that changed the database. */
  violations: string[];
}

describe.each(testDatabases())('fuzzing the importers on $name', ({ open }) => {
  let database: DatabaseHandle;
  let elections: ElectionService;
  let tiny: TinyElectionFiles;

  /** A fingerprint of every table an import writes. */
  async function fingerprint(): Promise<string> {
    const { rows } = await sql<{ state: string }>`
      select concat_ws('|',
        (select string_agg(slug || md5(definition::text), ',' order by id) from elections),
        (select string_agg(election_id || code || coalesce(parent_code, '') || coalesce(registered_voters, -1), ',' order by election_id, code) from areas),
        (select string_agg(md5(figures::text), ',' order by precinct_code) from official_results),
        (select count(*) from imports)) as state`.execute(database.db);
    return rows[0]?.state ?? '';
  }

  /** Runs `attempt` on `cases` mutated files and classifies each outcome. */
  async function fuzzFiles(
    seed: number,
    mutate: (rng: SeededRandom) => { kind: string; bytes: Buffer },
    attempt: (file: string) => Promise<unknown>,
  ): Promise<FileFuzzReport> {
    const rng = createRng(seed);
    const report: FileFuzzReport = { loaded: 0, refused: 0, violations: [] };
    for (let index = 0; index < CASES; index += 1) {
      const { kind, bytes } = mutate(rng);
      const file = `${tiny.dir}/fuzz-${seed}-${index}.input`;
      await fs.writeFile(file, bytes);
      const before = await fingerprint();
      try {
        await attempt(file);
        report.loaded += 1;
      } catch (error) {
        report.refused += 1;
        const precise =
          error instanceof DauysError &&
          error.issues.length > 0 &&
          error.issues.every((issue) => issue.where.length > 0 && issue.message.length > 0);
        if (!precise) report.violations.push(`#${index} ${kind}: ${String(error)}`);
        if ((await fingerprint()) !== before) report.violations.push(`#${index} ${kind}: partial import`);
      }
    }
    return report;
  }

  beforeAll(async () => {
    database = await open();
    elections = new ElectionService(database.db);
    tiny = await writeTinyElection();
    await elections.loadFile(tiny.electionFile);
  });
  afterAll(async () => {
    await database?.close();
    if (tiny) await fs.rm(tiny.dir, { recursive: true, force: true });
  });

  it('geography CSV', async () => {
    const geography = new GeographyImportService(database.db, elections);
    const report = await fuzzFiles(
      11,
      (rng) => mutateCsv(rng, TINY_GEOGRAPHY_CSV),
      (file) => geography.importFile(TEST_ACTOR, 'tiny-2021', file),
    );
    expect(report.violations).toEqual([]);
    expect(report.refused).toBeGreaterThan(CASES / 4);
  });

  it('official results CSV', async () => {
    const official = new OfficialImportService(database.db, elections);
    const mapping = await tiny.write('mapping.json', OFFICIAL_MAPPING);
    const report = await fuzzFiles(
      12,
      (rng) => mutateCsv(rng, OFFICIAL_CSV),
      (file) => official.importFile(TEST_ACTOR, 'tiny-2021', file, mapping),
    );
    expect(report.violations).toEqual([]);
    expect(report.refused).toBeGreaterThan(CASES / 4);
  });

  it('election definition', async () => {
    const definition = JSON.parse(await fs.readFile(tiny.electionFile, 'utf8')) as unknown;
    const text = JSON.stringify(definition, null, 2);
    const report = await fuzzFiles(
      13,
      (rng) => {
        if (rng.next() < 0.25) return damageText(rng, text);
        const { kind, value } = mutateJson(rng, definition);
        return { kind, bytes: Buffer.from(JSON.stringify(value)) };
      },
      // Next to geography.csv, as the definition refers to it by a relative path.
      async (file) => {
        const electionFile = `${tiny.dir}/mutated-election.json`;
        await fs.rename(file, electionFile);
        return elections.loadFile(electionFile);
      },
    );
    expect(report.violations).toEqual([]);
    expect(report.refused).toBeGreaterThan(CASES / 4);
  });
});
