import { z } from 'zod';
import { areaCode, areaRef, localizedText, slugParams } from './shared.contract';

export const violationsQuery = z.object({
  area: areaCode.optional(),
  category: z.string().min(1).max(100).optional().describe('A violation category id of the election.'),
  before: z.coerce.number().int().positive().optional().describe('The `next` cursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const photoParams = slugParams.extend({
  id: z.coerce.number().int().positive().describe('The violation\u2019s id.'),
  index: z.coerce.number().int().min(0).max(49).describe('The photo\u2019s position in the violation.'),
  size: z.enum(['thumb', 'full']),
});

export const violationPhoto = z.strictObject({
  thumbUrl: z.string(),
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

export const publishedViolation = z.strictObject({
  id: z.string(),
  category: z.string(),
  area: areaRef.nullable(),
  reportedAt: z.iso.datetime().describe('When the observer reported it (the message\u2019s own time).'),
  text: z.string().describe('The observer\u2019s words: plain text, never HTML.'),
  photos: z.array(violationPhoto).describe('Cleaned on arrival: no EXIF, no location.'),
});

/** `GET /elections/:slug/violations`: published violations, newest first, a page at a time. */
export const violationsResponse = z.strictObject({
  categories: z.array(z.strictObject({ id: z.string(), names: localizedText })),
  items: z.array(publishedViolation),
  next: z.string().nullable().describe('Pass as `before` for the next page; null on the last one.'),
});
