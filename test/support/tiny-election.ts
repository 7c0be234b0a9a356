import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_ELECTION_FILE = path.join(REPO_ROOT, 'elections/kz-2021-mazhilis/election.json');

/** Two regions, three districts, five precincts: the demo's form and choices on a geography small enough to reason about. */
export const TINY_GEOGRAPHY_CSV = `level,code,parent,number,name_kk,name_ru,name_en,registered_voters
region,r1,,1,Өңір 1,Регион 1,Region 1,
region,r2,,2,Өңір 2,Регион 2,Region 2,
district,r1-d1,r1,1,Аудан 1,Район 1,District 1,
district,r1-d2,r1,2,Аудан 2,Район 2,District 2,
district,r2-d1,r2,1,Аудан 3,Район 3,District 3,
precinct,p1,r1-d1,101,Учаске 101,Участок 101,Precinct 101,1000
precinct,p2,r1-d1,102,Учаске 102,Участок 102,Precinct 102,2000
precinct,p3,r1-d2,103,Учаске 103,Участок 103,Precinct 103,1500
precinct,p4,r2-d1,201,Учаске 201,Участок 201,Precinct 201,800
precinct,p5,r2-d1,202,Учаске 202,Участок 202,Precinct 202,700
`;

export interface TinyElectionFiles {
  dir: string;
  electionFile: string;
  slug: string;
  write(name: string, text: string): Promise<string>;
}

/**
 * Writes a small election into a temporary folder: the demo's definition with its own slug and
 * the tiny geography above, so tests exercise the same file-loading path as `dauys election load`.
 */
export async function writeTinyElection(
  edit: (definition: Record<string, unknown>) => void = () => {},
): Promise<TinyElectionFiles> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-tiny-'));
  const definition = JSON.parse(await fs.readFile(DEMO_ELECTION_FILE, 'utf8')) as Record<string, unknown>;
  definition.slug = 'tiny-2021';
  definition.geography = {
    ...(definition.geography as object),
    file: 'geography.csv',
    topLevelAreas: undefined,
  };
  edit(definition);
  const electionFile = path.join(dir, 'election.json');
  await fs.writeFile(electionFile, JSON.stringify(definition, null, 2));
  await fs.writeFile(path.join(dir, 'geography.csv'), TINY_GEOGRAPHY_CSV);
  return {
    dir,
    electionFile,
    slug: definition.slug as string,
    write: async (name, text) => {
      const file = path.join(dir, name);
      await fs.writeFile(file, text);
      return file;
    },
  };
}
