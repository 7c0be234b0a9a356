import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  apportion,
  apportionCapped,
  buildDemoGeographyCsv,
  DEMO_ELECTION_DIR,
  GEOGRAPHY_CSV_HEADER,
  MAX_VOTERS_PER_PRECINCT,
} from '../../../scripts/generate-demo-geography';
import { demoElection } from './demo-election';

interface AreaRow {
  level: string;
  code: string;
  parent: string;
  number: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  registered_voters: string;
  kind: string;
}

const election = demoElection();
const committed = readFileSync(join(DEMO_ELECTION_DIR, 'geography.csv'), 'utf8');
const rows: AreaRow[] = parse(committed, { columns: true });
const ofLevel = (level: string) => rows.filter((row) => row.level === level);

describe('the demo geography', () => {
  it('is exactly what the generator produces (the script is the single source)', () => {
    expect(buildDemoGeographyCsv(election) === committed).toBe(true);
  });

  it('has the documented header', () => {
    expect(committed.slice(0, committed.indexOf('\n'))).toBe(GEOGRAPHY_CSV_HEADER);
  });

  it('has the 17 regions of the definition, the three cities flagged', () => {
    const regions = ofLevel('region');
    expect(regions.map((r) => r.code)).toEqual(election.geography.topLevelAreas?.map((a) => a.code));
    expect(regions.map((r) => r.name_en)).toEqual(election.geography.topLevelAreas?.map((a) => a.names.en));
    expect(regions.filter((r) => r.kind === 'city').map((r) => r.name_en)).toEqual([
      'Nur-Sultan (city)',
      'Almaty (city)',
      'Shymkent (city)',
    ]);
  });

  it('has 10,061 precincts, 66 abroad, and exactly 11,919,241 registered voters', () => {
    const precincts = ofLevel('precinct');
    expect(precincts.length).toBe(10_061);
    const abroad = ofLevel('district').filter((d) => d.kind === 'abroad');
    expect(precincts.filter((p) => abroad.some((d) => d.code === p.parent))).toHaveLength(66);
    expect(precincts.reduce((sum, p) => sum + Number(p.registered_voters), 0)).toBe(11_919_241);
  });

  it('keeps every precinct between 1 and 3,000 voters, with blank voter counts above precincts', () => {
    for (const precinct of ofLevel('precinct')) {
      const voters = Number(precinct.registered_voters);
      expect(Number.isInteger(voters) && voters >= 1 && voters <= MAX_VOTERS_PER_PRECINCT).toBe(true);
    }
    expect(rows.filter((r) => r.level !== 'precinct' && r.registered_voters !== '')).toEqual([]);
  });

  it('nests each area in an area one level up, with unique ASCII codes', () => {
    const byCode = new Map(rows.map((row) => [row.code, row]));
    expect(byCode.size).toBe(rows.length);
    const levels = election.geography.levels.map((l) => l.id);
    for (const row of rows) {
      expect(row.code).toMatch(/^[A-Za-z0-9-]+$/);
      const depth = levels.indexOf(row.level);
      expect(depth).toBeGreaterThanOrEqual(0);
      if (depth === 0) expect(row.parent).toBe('');
      else expect(byCode.get(row.parent)?.level).toBe(levels[depth - 1]);
    }
  });

  it('numbers precincts uniquely within each region', () => {
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const seen = new Set<string>();
    for (const precinct of ofLevel('precinct')) {
      const region = byCode.get(precinct.parent)?.parent;
      const key = `${region}#${precinct.number}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('marks districts as demo data in every language', () => {
    for (const district of ofLevel('district')) {
      expect(district.name_en).toMatch(/demo/);
      expect(district.name_ru).toMatch(/демо/);
      expect(district.name_kk).toMatch(/демо/);
    }
  });
});

describe('apportion', () => {
  it('splits a total exactly in proportion, largest remainders first', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [3, 1])).toEqual([75, 25]);
  });

  it('respects a cap by sharing the excess among the others', () => {
    const parts = apportionCapped(100, [10, 1, 1, 1], 40);
    expect(parts[0]).toBe(40);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...parts)).toBeLessThanOrEqual(40);
  });
});
