/**
 * Generates elections/kz-2021-mazhilis/boundaries.topo.json: a SCHEMATIC tile map (a grid
 * cartogram) of the 17 regions of 2021, not their real borders.
 *
 *   npx tsx scripts/generate-schematic-boundaries.ts
 *
 * Why schematic: no package on the npm registry whose licence allows redistribution (the only
 * registry this project installs from) ships Kazakhstan's first-level divisions as they were in
 * 2021; Natural Earth's `world-atlas` has countries only, and the 2022 reform (Abai, Zhetisu,
 * Ulytau) makes newer admin-1 sets wrong for this election. Every oblast is one equal square laid
 * out roughly where it lies (west → east, north → south), and the three cities of republican
 * significance are points drawn as circles inside the oblast around them. The file says so in
 * its own metadata, and the map prints it. Made from scratch for Dauys; no third-party data, so
 * no licence is inherited. An election with real boundaries ships the same format with
 * longitude/latitude and `"projection": "mercator"`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Column, row of each oblast's tile (x grows east, y grows south). */
const TILES: Record<string, [number, number]> = {
  'kz-zap': [0, 0],
  'kz-kus': [1, 0],
  'kz-sev': [2, 0],
  'kz-pav': [3, 0],
  'kz-aty': [0, 1],
  'kz-akt': [1, 1],
  'kz-akm': [2, 1],
  'kz-kar': [3, 1],
  'kz-vos': [4, 1],
  'kz-man': [0, 2],
  'kz-kzy': [1, 2],
  'kz-tur': [2, 2],
  'kz-zha': [3, 2],
  'kz-alm': [4, 2],
};

/** Cities of republican significance: a point in the lower right of the oblast that surrounds them. */
const CITIES: Record<string, [number, number]> = {
  'kz-nur': [2.7, 1.68],
  'kz-shy': [2.3, 2.72],
  'kz-ala': [4.68, 2.72],
};

/**
 * Short names for the map's labels (kk, ru, en): a tile has room for about 12 letters, so the
 * full names ("Батыс Қазақстан облысы") do not fit, and codes (ZAP, KUS) mean nothing to readers.
 */
const SHORT_NAMES: Record<string, [string, string, string]> = {
  'kz-zap': ['БҚО', 'ЗКО', 'West Kaz.'],
  'kz-kus': ['Қостанай', 'Костанай', 'Kostanay'],
  'kz-sev': ['СҚО', 'СКО', 'North Kaz.'],
  'kz-pav': ['Павлодар', 'Павлодар', 'Pavlodar'],
  'kz-aty': ['Атырау', 'Атырау', 'Atyrau'],
  'kz-akt': ['Ақтөбе', 'Актобе', 'Aktobe'],
  'kz-akm': ['Ақмола', 'Акмола', 'Akmola'],
  'kz-kar': ['Қарағанды', 'Караганда', 'Karaganda'],
  'kz-vos': ['ШҚО', 'ВКО', 'East Kaz.'],
  'kz-man': ['Маңғыстау', 'Мангистау', 'Mangystau'],
  'kz-kzy': ['Қызылорда', 'Кызылорда', 'Kyzylorda'],
  'kz-tur': ['Түркістан', 'Туркестан', 'Turkistan'],
  'kz-zha': ['Жамбыл', 'Жамбыл', 'Zhambyl'],
  'kz-alm': ['Алматы обл.', 'Алматинская', 'Almaty Reg.'],
  'kz-nur': ['Нұр-Сұлтан', 'Нур-Султан', 'Nur-Sultan'],
  'kz-shy': ['Шымкент', 'Шымкент', 'Shymkent'],
  'kz-ala': ['Алматы', 'Алматы', 'Almaty'],
};

function shortNames(code: string): { kk: string; ru: string; en: string } {
  const [kk, ru, en] = SHORT_NAMES[code]!;
  return { kk, ru, en };
}

/** A small gap between tiles, so neighbours read as separate shapes. */
const INSET = 0.04;

function tileRing([column, row]: [number, number]): [number, number][] {
  const [x0, y0, x1, y1] = [column + INSET, row + INSET, column + 1 - INSET, row + 1 - INSET];
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

export function schematicTopology(): Record<string, unknown> {
  const tiles = Object.entries(TILES);
  return {
    type: 'Topology',
    dauys: {
      schematic: true,
      projection: 'identity',
      description:
        'Schematic tile map of the 17 regions of Kazakhstan in January 2021 (14 oblasts as equal squares, 3 cities of republican significance as points). Not real borders.',
      source: 'Made for Dauys (scripts/generate-schematic-boundaries.ts); no third-party data.',
      license: 'AGPL-3.0-only, like the rest of Dauys',
    },
    objects: {
      regions: {
        type: 'GeometryCollection',
        geometries: [
          ...tiles.map(([code], index) => ({
            type: 'Polygon',
            arcs: [[index]],
            properties: { code, kind: 'oblast', shortNames: shortNames(code) },
          })),
          ...Object.entries(CITIES).map(([code, coordinates]) => ({
            type: 'Point',
            coordinates,
            properties: { code, kind: 'city', shortNames: shortNames(code) },
          })),
        ],
      },
    },
    arcs: tiles.map(([, tile]) => tileRing(tile)),
    bbox: [0, 0, 5, 3],
  };
}

const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '../elections/kz-2021-mazhilis/boundaries.topo.json',
);
writeFileSync(target, `${JSON.stringify(schematicTopology())}\n`);
console.log(`wrote ${target}`);
