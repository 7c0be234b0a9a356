import { z } from 'zod';
import { localizedTextSchema } from '../../../domain/locale-schema';

/**
 * Pieces every public contract uses. Response objects are `strictObject`s: the test that calls
 * every endpoint (test/integration/public-api-contract.test.ts) parses real answers with them,
 * so a field added or renamed in a service without its contract fails there. The published
 * OpenAPI document relaxes them (see openapi-document.ts): clients must ignore new fields.
 * Request schemas (path, query) are plain `object`s: an unknown query parameter (a cache
 * buster) is ignored, not refused.
 */
export const localizedText = localizedTextSchema;

/** `:slug` of every election route. */
export const slugParams = z.object({
  slug: z.string().min(1).max(100).describe('The election, e.g. `kz-2021-mazhilis` (see `GET /elections`).'),
});

/** `?area=CODE`: an area code (region, district or precinct); the whole election when absent. */
export const areaCode = z
  .string()
  .min(1)
  .max(100)
  .describe('An area code (region, district or precinct); the whole election when absent.');

/** Whole counts (votes, reports, precincts). */
export const count = z.number().int().min(0);

/** A share 0–1; `null` when its denominator is 0. */
export const share = z.number().min(0).max(1).nullable();

/** Every error answer: a stable code, a message for people, and the fields at fault (400). */
export const errorBody = z.strictObject({
  error: z.string().describe('A stable code, e.g. `DAUYS_ERR_NOT_FOUND`, `DAUYS_ERR_VALIDATION`.'),
  message: z.string(),
  issues: z
    .array(z.strictObject({ where: z.string(), message: z.string() }))
    .optional()
    .describe('For 400: which parameter is wrong and why, e.g. `query.level`.'),
});

/** An area as the summary names it. */
export const areaRef = z.strictObject({
  code: z.string(),
  level: z.string().describe('The level id of the election file, e.g. `region`, `district`, `precinct`.'),
  names: localizedText,
  parent: z.string().nullable(),
});

/** A choice's figure from a protocol (official or observers'). */
export const protocolChoiceFigure = z.strictObject({
  id: z.string(),
  names: localizedText,
  votes: count,
  share: share.describe('Share of all votes for the ballot\u2019s choices; null when there are none.'),
});
