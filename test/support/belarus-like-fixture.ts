import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './tiny-election';

/** The real mapping of the Belarus 2020 data: the fixture has the same columns as voice.csv. */
export const BELARUS_MAPPING = path.join(REPO_ROOT, 'examples', 'mappings', 'by-2020.json');

const CHOICES = ['tihanovkaja', 'lukashenko', 'dmitriyev', 'kanopatskaja', 'cherechen', 'against'] as const;

export interface BelarusLikeFiles {
  dir: string;
  csv: string;
  observers: string;
  /** Stations whose photographed ballots for Tsikhanouskaya exceed her official count, and by how much. */
  expected: { photoStations: number; photoVotesAtLeast: number; stations: number; withOfficial: number };
}

/**
 * Writes a small station table in the Belarus 2020 "Golos" format (voice.csv's columns, with
 * zubr-observers.csv beside it): 2 regions × 2 districts × 6 stations, observers at every other
 * station, inflated Lukashenko counts where nobody observed, photographed ballots for
 * Tsikhanouskaya above her official count at 5 stations, one station without a published result
 * and one station missing from the observer file. Deterministic, so tests can state the figures.
 */
export async function writeBelarusLikeFixture(
  edit: (rows: Record<string, string>[]) => void = () => {},
): Promise<BelarusLikeFiles> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-by-'));
  const rows: Record<string, string>[] = [];
  const observerLines = ['id,zubr_id,observers'];
  let photoStations = 0;
  let photoVotesAtLeast = 0;
  let n = 0;
  for (const region of ['01', '02']) {
    for (const district of ['001', '002']) {
      for (let s = 1; s <= 6; s++, n++) {
        const id = `${region}-${district}-${String(s).padStart(4, '0')}`;
        const observed = s % 2 === 0;
        const registered = 1000 + 37 * n;
        const tih = 150 + 11 * (n % 7);
        const luk = (observed ? 350 : 600) + 13 * (n % 5);
        const minor = [12 + (n % 4), 9, 7 + (n % 3), 30 + (n % 6)];
        const corrupted = 5 + (n % 3);
        const ballots = tih + luk + minor.reduce((a, b) => a + b, 0) + corrupted + (n % 2);
        const photoTih = n % 5 === 0 ? tih + 20 + n : Math.floor(tih / 3);
        if (photoTih > tih) {
          photoStations++;
          photoVotesAtLeast += photoTih - tih;
        }
        const official = [tih, luk, ...minor];
        const row: Record<string, string> = {
          id,
          officialVoters: String(registered),
          officialVotes: String(ballots),
        };
        CHOICES.forEach((choice, i) => {
          row[`${choice}_officialVotes`] = String(official[i]);
          row[`${choice}_photoVoices`] = String(i === 0 ? photoTih : i === 1 ? 2 : 0);
          row[`${choice}_registered`] = String(i === 0 ? photoTih + 10 : 3);
        });
        row.corrupted_officialVotes = String(corrupted);
        if (n === 3) row.officialVoters = ''; // result not published
        rows.push(row);
        if (n !== 7) observerLines.push(`${id},${n},${observed ? 2 : 0}`);
      }
    }
  }
  // The unpublished station (n = 3, photoTih not above) changes nothing in the photo figures.
  edit(rows);
  const header = Object.keys(rows[0]!);
  const csv = path.join(dir, 'voice.csv');
  await fs.writeFile(
    csv,
    [header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n') + '\n',
  );
  const observers = path.join(dir, 'zubr-observers.csv');
  await fs.writeFile(observers, observerLines.join('\n') + '\n');
  return {
    dir,
    csv,
    observers,
    expected: { photoStations, photoVotesAtLeast, stations: rows.length, withOfficial: rows.length - 1 },
  };
}
