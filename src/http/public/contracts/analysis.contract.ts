import { z } from 'zod';
import { LOCALES } from '../../../domain/locale';

/** A reading in every language (the analysis' own `Reading`). */
const reading = z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() });

/** JSON has no NaN: a figure the analysis could not compute (no stations) arrives as null. */
const figure = z.number().nullable();

/**
 * Every method's result starts with the same envelope: which method (and its citation), its
 * inputs, sample size and a reading. The method-specific figures after it are described in
 * docs/analysis.md and typed by `AnalysisReport` (src/analysis/analyze-election.ts), which the
 * analysis page imports directly; so they are not repeated here and may grow.
 */
const methodResult = z
  .looseObject({
    method: z.strictObject({
      name: z.string(),
      citation: z.string(),
      localized: z.record(z.enum(LOCALES), z.strictObject({ name: z.string(), citation: z.string() })),
    }),
    inputs: z.record(z.string(), z.unknown()),
    sampleSize: z.number().int().min(0),
    reading,
  })
  .nullable();

export const analysisReport = z.strictObject({
  summary: z.strictObject({
    stations: z.number().int(),
    stationsWithOfficialResult: z.number().int(),
    registered: z.number(),
    ballotsCast: z.number(),
    turnout: figure,
    leader: z.string(),
    leaderVotes: z.number(),
    leaderShare: figure,
    seed: z.number().int(),
  }),
  tallies: z.looseObject({
    national: z.array(z.looseObject({ source: z.string() })),
    byRegion: z.record(z.string(), z.array(z.looseObject({ source: z.string() }))),
  }),
  protocolDiscrepancies: methodResult,
  photoExceedsOfficial: methodResult,
  observerEffect: methodResult,
  fingerprint: methodResult,
  integerPercentages: methodResult,
  anomalousVotes: methodResult,
  digitTests: methodResult,
  turnoutInflation: methodResult,
});

/** `GET /elections/:slug/analysis`: the falsification analysis (recomputed at most once a minute). */
export const analysisResponse = z.strictObject({
  election: z.string(),
  computedAt: z.iso.datetime(),
  report: analysisReport,
});

export const reportQuery = z.object({
  lang: z.enum(LOCALES).default('kk').describe('Language of the report.'),
});
