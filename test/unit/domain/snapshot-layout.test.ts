import { describe, expect, it } from 'vitest';
import { queryString, snapshotFile } from '../../../src/domain/snapshot/snapshot-layout';

describe('the file of each public API answer in a snapshot', () => {
  it('gives a path without query its extension, .json by default', () => {
    expect(snapshotFile('/elections')).toBe('api/v1/elections.json');
    expect(snapshotFile('/elections/kz/summary')).toBe('api/v1/elections/kz/summary.json');
    expect(snapshotFile('/elections/kz/export.csv')).toBe('api/v1/elections/kz/export.csv');
    expect(snapshotFile('/elections/kz/boundaries.topo.json')).toBe(
      'api/v1/elections/kz/boundaries.topo.json',
    );
    expect(snapshotFile('/api/v1/elections/kz/violations/7/photos/0/thumb.jpg')).toBe(
      'api/v1/elections/kz/violations/7/photos/0/thumb.jpg',
    );
  });

  it('puts the parameters, sorted and without empty ones, in a file under the path, keeping the extension', () => {
    expect(snapshotFile('/elections/kz/results?level=district&area=kz-akm')).toBe(
      'api/v1/elections/kz/results/area=kz-akm&level=district.json',
    );
    expect(snapshotFile('/elections/kz/results?area=kz-akm&level=district')).toBe(
      snapshotFile('/elections/kz/results?level=district&area=kz-akm'),
    );
    expect(snapshotFile('/elections/kz/summary?area=')).toBe('api/v1/elections/kz/summary.json');
    expect(snapshotFile('/elections/kz/analysis/report.html?lang=ru')).toBe(
      'api/v1/elections/kz/analysis/report/lang=ru.html',
    );
  });

  it('refuses a path that would leave the snapshot directory', () => {
    expect(() => snapshotFile('/elections/../../etc/passwd')).toThrow(/not a public API path/);
    expect(() => snapshotFile('/elections/kz/summary?area=../x')).toThrow(/not a public API path/);
  });

  it('builds query strings as the pages do', () => {
    expect(queryString({ area: 'kz-akm', level: undefined, parent: null, category: '' })).toBe(
      '?area=kz-akm',
    );
    expect(queryString({})).toBe('');
  });
});
