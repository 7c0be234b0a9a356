import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ElectionsTable {
  id: Generated<number>;
  slug: string;
  /** The validated election definition exactly as loaded (see domain/election). */
  definition: JSONColumnType<Record<string, unknown>>;
  demo: boolean;
  /** sha256 of the loaded file and its geography: a start with unchanged files skips the reload. */
  source_hash: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AreasTable {
  election_id: number;
  code: string;
  level: string;
  /** 0 for the top level (regions), 1 for districts, … */
  depth: number;
  parent_code: string | null;
  /** Codes of every enclosing area and the area itself, top first: lets one index answer "everything under X". */
  path: string[];
  number: string | null;
  kind: string | null;
  name_kk: string;
  name_ru: string;
  name_en: string;
  registered_voters: number | null;
}

export interface OfficialResultsTable {
  election_id: number;
  precinct_code: string;
  /** Protocol figures keyed by line (`"1"`, `"7"`) and per-choice line (`"6.nur-otan"`). */
  figures: JSONColumnType<Record<string, number>>;
  import_id: number;
}

export interface ImportsTable {
  id: Generated<number>;
  election_id: number;
  kind: 'geography' | 'official' | 'stations';
  source: string;
  rows: number;
  created_at: CreatedAt;
}

export interface FoundationTables {
  elections: ElectionsTable;
  areas: AreasTable;
  official_results: OfficialResultsTable;
  imports: ImportsTable;
}
