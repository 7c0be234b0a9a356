import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DauysError } from '../../../src/errors';
import { loadStationTable } from '../../../src/services/station-table/load-station-table';

const dir = mkdtempSync(path.join(tmpdir(), 'dauys-station-table-'));
const csv = [
  'id,reg,cast,valid,bad,a,b,photo_a,obs',
  'X-1-1,1000,600,590,10,400,190,50,2',
  'X-1-2,800,500,495,5,300,195,,0',
  'X-2-1,900,,,,,,,',
].join('\n');
const mapping = {
  id: 'id',
  areasFromId: { separator: '-' },
  registered: 'reg',
  ballotsCast: 'cast',
  valid: 'valid',
  invalid: 'bad',
  choices: [
    { id: 'a', official: 'a', photo: 'photo_a' },
    { id: 'b', official: 'b' },
  ],
  observers: 'obs',
};
const write = (name: string, content: string | Uint8Array): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
const failure = (run: () => unknown): DauysError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DauysError) return error;
    throw error;
  }
  throw new Error('expected a DauysError');
};

describe('station table: CSV + mapping → StationResult[]', () => {
  it('reads plain, gzipped and zipped CSVs alike', () => {
    const mappingFile = write('m.json', JSON.stringify(mapping));
    const plain = loadStationTable(write('t.csv', csv), mappingFile);
    const gz = loadStationTable(write('t.csv.gz', gzipSync(csv)), mappingFile);
    const zip = loadStationTable(write('t.csv.zip', zipSync({ 't.csv': strToU8(csv) })), mappingFile);
    for (const table of [plain, gz, zip]) {
      expect(table.stations).toHaveLength(3);
      expect(table.stations[0]).toMatchObject({
        id: 'X-1-1',
        region: 'X',
        district: 'X-1',
        registered: 1000,
        ballotsCast: 600,
        votes: { a: 400, b: 190 },
        photoVotes: { a: 50 },
        observers: 2,
      });
      expect(table.stations[2]!.officialMissing).toBe(true);
    }
  });

  it("keeps a choice's published count where other official figures are missing", () => {
    const partial = [
      'id,reg,cast,valid,bad,a,b,photo_a,obs',
      // Registered voters and ballots cast missing, both choices' counts published.
      'X-1-1,,,590,10,400,190,450,1',
      // b's cell empty though b counts as 0 inside a published protocol: only a is published.
      'X-1-2,,,495,5,300,,320,0',
      // a negative figure for b (a source error) leaves a published.
      'X-1-3,800,500,495,5,300,-3,310,0',
    ].join('\n');
    const file = write(
      'partial.json',
      JSON.stringify({ ...mapping, emptyAsZero: ['b'], negativeFigures: 'treat-as-missing' }),
    );
    const { stations } = loadStationTable(write('partial.csv', partial), file);
    expect(stations.map((s) => s.officialMissing)).toEqual([true, true, true]);
    expect(stations.map((s) => s.publishedVotes)).toEqual([{ a: 400, b: 190 }, { a: 300 }, { a: 300 }]);
  });

  it('names the JSON path of a bad mapping', () => {
    const error = failure(() =>
      loadStationTable(write('t2.csv', csv), write('bad.json', JSON.stringify({ ...mapping, choices: [] }))),
    );
    expect(error.code).toBe('DAUYS_ERR_VALIDATION');
    expect(error.issues[0]!.where).toMatch(/bad\.json:\$\.choices/);
  });

  it('names the mapping path of a column the file lacks', () => {
    const error = failure(() =>
      loadStationTable(
        write('t3.csv', csv),
        write('m3.json', JSON.stringify({ ...mapping, ballotsCast: 'nope' })),
      ),
    );
    expect(error.issues[0]!.where).toMatch(/m3\.json:\$\.ballotsCast/);
    expect(error.issues[0]!.message).toMatch(/no column "nope"/);
  });

  it('names file, line and column of a figure that is not a count', () => {
    const broken = csv.replace('X-1-2,800,500', 'X-1-2,800,five hundred');
    const error = failure(() =>
      loadStationTable(write('t4.csv', broken), write('m4.json', JSON.stringify(mapping))),
    );
    expect(error.issues[0]!.where).toMatch(/t4\.csv:3:3$/);
  });

  it('rejects malformed CSV with its line', () => {
    const error = failure(() =>
      loadStationTable(
        write('t5.csv', csv + '\n"unterminated,1,2'),
        write('m5.json', JSON.stringify(mapping)),
      ),
    );
    expect(error.message).toMatch(/malformed CSV/);
  });
});
