import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readZipEntry } from '../../../src/services/station-table/read-zip-entry';

const csv = (name: string) => name.endsWith('.csv');

describe('reading one file of a zip archive', () => {
  it('takes the CSV among other entries, deflated or stored, byte for byte', () => {
    const table = 'region,uik\n01,1\n'.repeat(500);
    const deflated = Buffer.from(
      zipSync({ 'docs/': {}, 'README.txt': strToU8('read me'), 'data/t.csv': strToU8(table) }),
    );
    expect(readZipEntry(deflated, csv).toString('utf8')).toBe(table);
    const stored = Buffer.from(zipSync({ 't.csv': [strToU8(table), { level: 0 }] }));
    expect(readZipEntry(stored, csv).toString('utf8')).toBe(table);
  });

  it('falls back to the first file when none is picked, skipping directories', () => {
    const zip = Buffer.from(
      zipSync({ 'folder/': {}, 'a.txt': strToU8('first'), 'b.txt': strToU8('second') }),
    );
    expect(readZipEntry(zip, csv).toString('utf8')).toBe('first');
  });

  it('refuses what is not a zip, or holds no file, naming why', () => {
    expect(() => readZipEntry(Buffer.from('region,uik\n01,1\n'), csv)).toThrow(/not a zip archive/);
    expect(() => readZipEntry(Buffer.from(zipSync({ 'empty/': {} })), csv)).toThrow(/holds no file/);
    const damaged = Buffer.from(zipSync({ 't.csv': strToU8('a,b\n') }));
    // Point the end record's central-directory offset at the middle of the data.
    damaged.writeUInt32LE(3, damaged.length - 22 + 16);
    expect(() => readZipEntry(damaged, csv)).toThrow(/central directory is damaged/);
  });
});
