import { z } from 'zod';
import { botsSchema } from '../../../domain/election/election-definition';
import { areaCode, areaRef, count, localizedText, protocolChoiceFigure, share } from './shared.contract';

/** Official results as imported; shares are of the ballot choices' votes. */
export const officialBlock = z.strictObject({
  precinctsReported: count,
  registeredVoters: count.nullable(),
  ballotsCast: count.nullable(),
  turnout: z.number().min(0).nullable().describe('Ballots cast / registered voters where reported.'),
  invalidBallots: count.nullable(),
  choices: z.array(protocolChoiceFigure),
});

/**
 * What voters reported through the bots: a self-selected sample, never an estimate of the
 * result. `received` counts every report; the rest count reports that are not spam, except `spam`.
 */
export const votersBlock = z.strictObject({
  received: count,
  counted: count.describe(
    'Reports that count (spam excluded): the denominator of every choice\u2019s share.',
  ),
  confirmed: count,
  noPhoto: count,
  pendingReview: count,
  spam: count,
  againstAll: count,
  delayed: count,
  precinctsCovered: count,
  shares: z
    .strictObject({ spam: share, noPhoto: share, againstAll: share })
    .describe('Shares of all reports received (spam included); null before any.'),
  choices: z.array(
    z.strictObject({ id: z.string(), names: localizedText, count, share: share.describe('count / counted') }),
  ),
});

/** Observers' protocols: figures from accepted, conflict-free ones; counts of all received. */
export const observersBlock = z.strictObject({
  protocolsReceived: count,
  accepted: count,
  rejected: count,
  needsReview: count,
  rejectedReasons: z.record(z.string(), count).describe('Rejected protocols by rule id.'),
  precinctsWithObserver: count,
  precinctsCounted: count,
  spoiledBallots: count.nullable(),
  ballotsCast: count.nullable(),
  registeredVoters: count.nullable(),
  turnout: z.number().min(0).nullable(),
  choices: z.array(protocolChoiceFigure),
});

/** Published violation reports only. */
export const violationsBlock = z.strictObject({
  published: count,
  byCategory: z.record(z.string(), count),
});

export const summaryQuery = z.object({ area: areaCode.optional() });

/** `GET /elections/:slug/summary`: one area's figures from each source, side by side. */
export const summaryResponse = z.strictObject({
  election: z.strictObject({
    slug: z.string(),
    names: localizedText,
    date: z.string(),
    demo: z.boolean(),
    notice: localizedText.optional(),
    bots: botsSchema.optional(),
  }),
  area: areaRef.nullable().describe('The area, or null for the whole election.'),
  registeredVoters: count,
  precincts: count,
  official: officialBlock.nullable().describe('Null when no official results were imported for the area.'),
  voters: votersBlock,
  observers: observersBlock.nullable(),
  violations: violationsBlock.nullable(),
  participants: z
    .strictObject({ voterBot: count, observerBot: count })
    .nullable()
    .describe('People who wrote to each bot; whole election only (null with `area`).'),
});

export const resultsQuery = z.object({
  level: z.string().min(1).max(50).describe('A level id of the election file, e.g. `region`.'),
  area: areaCode.optional().describe('Only the areas of `level` within this one.'),
});

/** One area of `GET /elections/:slug/results`. */
export const areaResults = z.strictObject({
  code: z.string(),
  parent: z.string().nullable(),
  number: z.string().nullable().describe('The commission\u2019s number, when it has one.'),
  names: localizedText,
  voters: votersBlock,
  official: officialBlock.nullable(),
});

/** `GET /elections/:slug/results`: the same blocks for every area of a level, in official order. */
export const resultsResponse = z.strictObject({
  election: z.string(),
  level: z.string(),
  area: z.string().nullable(),
  areas: z.array(areaResults),
});
