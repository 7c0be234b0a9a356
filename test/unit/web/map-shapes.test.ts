import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapShapes, shapeLabel, type ElectionTopology } from '../../../web/dashboard/map-shapes';
import { REPO_ROOT } from '../../support/tiny-election';

const ELECTION_DIR = path.join(REPO_ROOT, 'elections/kz-2021-mazhilis');

describe('the demo election’s map', () => {
  const topology = JSON.parse(
    fs.readFileSync(path.join(ELECTION_DIR, 'boundaries.topo.json'), 'utf8'),
  ) as ElectionTopology;
  const election = JSON.parse(fs.readFileSync(path.join(ELECTION_DIR, 'election.json'), 'utf8')) as {
    geography: { topLevelAreas: Array<{ code: string; kind?: string }> };
  };

  it('has one shape per region of 2021 — the three cities as circles — and says it is schematic', () => {
    const shapes = mapShapes(topology, 500, 320);
    const regions = election.geography.topLevelAreas;
    expect(shapes.map((s) => s.code).sort()).toEqual(regions.map((r) => r.code).sort());
    const cities = regions.filter((r) => r.kind === 'city').map((r) => r.code);
    expect(
      shapes
        .filter((s) => s.kind === 'city')
        .map((s) => s.code)
        .sort(),
    ).toEqual(cities.sort());
    expect(topology.dauys?.schematic).toBe(true);
  });

  it('fits every shape inside the drawing', () => {
    for (const shape of mapShapes(topology, 500, 320)) {
      expect(shape.x).toBeGreaterThanOrEqual(0);
      expect(shape.x).toBeLessThanOrEqual(500);
      expect(shape.y).toBeGreaterThanOrEqual(0);
      expect(shape.y).toBeLessThanOrEqual(320);
      if (shape.kind === 'area') expect(shape.d).toMatch(/^M[\d.,LZ\s-]+Z$/);
    }
  });

  it('labels every shape with its short name in the reader’s language, never its ISO code', () => {
    for (const shape of mapShapes(topology, 500, 320)) {
      const code = shape.code.replace(/^kz-/, '').toUpperCase();
      const labels = (['kk', 'ru', 'en'] as const).map((locale) => shapeLabel(shape, locale));
      for (const label of labels) {
        expect(label, shape.code).not.toBe(code);
        // A tile has room for about 12 characters at the label's size.
        expect(label.length, label).toBeLessThanOrEqual(12);
      }
    }
    const west = mapShapes(topology, 500, 320).find((shape) => shape.code === 'kz-zap')!;
    expect([shapeLabel(west, 'kk'), shapeLabel(west, 'ru'), shapeLabel(west, 'en')]).toEqual([
      'БҚО',
      'ЗКО',
      'West Kaz.',
    ]);
  });

  it('falls back to a short area name, then to the code, for a file without short names', () => {
    const bare = { code: 'xx-abc' };
    expect(shapeLabel(bare, 'en', { kk: 'Абв', ru: 'Абв', en: 'Abc' })).toBe('Abc');
    expect(shapeLabel(bare, 'en', { kk: 'x', ru: 'x', en: 'A very long region name' })).toBe('ABC');
  });
});
