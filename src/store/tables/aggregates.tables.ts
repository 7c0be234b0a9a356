import type { JSONColumnType } from 'kysely';

/**
 * Per-area aggregates, one row per area at every level plus one for the whole election
 * (`area_code` = `WHOLE_ELECTION`, the empty string). They exist so that the public summary and
 * results read a handful of rows per request instead of summing precincts: on PGlite a query
 * blocks the event loop, and summing 10,000 precincts per request does not fit a 50 ms budget.
 */

/** The geography's own figures, rebuilt by every geography import. */
export interface AreaStatsTable {
  election_id: number;
  area_code: string;
  /** Precincts (areas of the last level) within the area; 1 for a precinct itself. */
  precincts: number;
  /** Sum of the precincts' registered voters (a precinct without the figure adds 0). */
  registered_voters: number;
}

/** The official figures summed over the precincts within an area, kept by the official import. */
export interface OfficialTalliesTable {
  election_id: number;
  area_code: string;
  /** Precincts within the area that have official figures. */
  precincts: number;
  /** Protocol figures summed over those precincts, keyed like `official_results.figures`. */
  figures: JSONColumnType<Record<string, number>>;
  /**
   * How many of those precincts report each figure: a line no precinct reports is absent from
   * the summary (null), while a line every precinct reports as 0 is 0.
   */
  figure_precincts: JSONColumnType<Record<string, number>>;
}

/** The voters' reach per area, kept in the transaction that records a vote. */
export interface VoterCoverageTable {
  election_id: number;
  area_code: string;
  /**
   * On a precinct's own row: its counted (non-spam) reports; 0 on larger areas (their counts are
   * in `voter_tallies`). Only its step between 0 and more changes the coverage above it.
   */
  precinct_counted: number;
  /** Precincts within the area with at least one counted report. */
  precincts_covered: number;
}

export interface AggregateTables {
  area_stats: AreaStatsTable;
  official_tallies: OfficialTalliesTable;
  voter_coverage: VoterCoverageTable;
}
