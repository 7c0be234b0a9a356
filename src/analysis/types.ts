/**
 * Plain records the analysis works on, and the shapes of what it returns. Nothing here does I/O:
 * a CSV reader, the database or a test builds `StationResult[]` and hands them to
 * `analyzeElection` (analyze-election.ts).
 */

/** Figures a choice (party, candidate, "against all", "yes") received, by choice id. */
export type VotesByChoice = Record<string, number>;

/** What an independent observer copied from the precinct's own results protocol. */
export interface ObserverProtocol {
  registered?: number;
  ballotsCast?: number;
  valid?: number;
  invalid?: number;
  votes: VotesByChoice;
}

/**
 * One polling station (precinct). Official figures are plain numbers; when the official result of
 * a station was never published, `officialMissing` is true and the official figures are 0.
 */
export interface StationResult {
  id: string;
  /** Area codes, coarse to fine: region, then district (territorial commission). */
  region?: string;
  district?: string;
  /** Registered voters on the list. */
  registered: number;
  /** Ballots issued to voters: the numerator of turnout. */
  ballotsCast: number;
  /** Valid and invalid ballots found in the boxes: their sum is the denominator of vote shares. */
  valid: number;
  invalid: number;
  /** Official votes per choice id. */
  votes: VotesByChoice;
  officialMissing?: boolean;
  /**
   * For a station marked `officialMissing`, the official counts of the choices that were
   * published anyway (e.g. every candidate's votes without the number of registered voters).
   * Only the photo evidence uses them: its proof needs just a choice's two counts.
   */
  publishedVotes?: VotesByChoice;
  /** Ballots photographed by voters, per choice (e.g. Belarus 2020 "Golos"). */
  photoVotes?: VotesByChoice;
  /** The voters' own (self-selected) tally per choice, e.g. users of a voter bot. */
  sampleVotes?: VotesByChoice;
  /** Independent observers present; `observed` overrides `observers > 0` when given. */
  observers?: number;
  observed?: boolean;
  protocol?: ObserverProtocol;
}

/** A one-line reading of a result for the public, in Kazakh, Russian and English. */
export interface Reading {
  kk: string;
  ru: string;
  en: string;
}

/** Which method produced a figure and where it comes from. */
export interface MethodInfo {
  name: string;
  citation: string;
  /** The name and the citation in each language (titles as published, translated in brackets). */
  localized: Record<keyof Reading, { name: string; citation: string }>;
}

/** A 95% interval (or another level, stated in `level`). */
export interface Interval {
  low: number;
  high: number;
  level: number;
  /** How the interval was obtained, e.g. "Wilson score", "bootstrap over stations (1000 draws)". */
  kind: string;
  /** `kind` in each language, on a result's headline interval (see `uncertaintyDescription`). */
  described?: Reading;
}

/** What every result carries (DESIGN.md invariant 4: every figure explains itself). */
export interface ExplainedResult {
  method: MethodInfo;
  inputs: Record<string, unknown>;
  sampleSize: number;
  reading: Reading;
}

/** Options shared by all methods; every random step is seeded. */
export interface AnalysisOptions {
  /** Seed of every random draw (Monte Carlo, bootstrap). Same seed, same report. */
  seed?: number;
  /** Monte Carlo draws of the integer-percentage null (the paper used 1,000; at least 1,000). */
  monteCarloDraws?: number;
  /** Bootstrap resamples for intervals. */
  bootstrapDraws?: number;
  /** The leader's choice id; by default the choice with the most official votes. */
  leader?: string;
  /** Absolute tolerance, in ballots, before a protocol discrepancy counts. */
  protocolTolerance?: number;
  /** Bins per axis of the election fingerprint (100 = 1-point bins). */
  fingerprintBins?: number;
}
