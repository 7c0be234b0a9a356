import { z } from 'zod';
import { localizedText } from './shared.contract';

export const areasQuery = z.object({
  parent: z.string().min(1).max(100).optional().describe('An area code; the top level when absent.'),
});

export const publicArea = z.strictObject({
  code: z.string(),
  level: z.string(),
  names: localizedText,
  parent: z.string().nullable(),
  number: z.string().nullable(),
  kind: z.string().nullable().describe('E.g. `city` or `abroad`, from the election file.'),
  registeredVoters: z.number().int().min(0).nullable(),
});

/** `GET /elections/:slug/areas`: an area's children, and the parent's own path from the top. */
export const areasResponse = z.strictObject({
  level: z.string().nullable().describe('The children\u2019s level; null below the last level.'),
  parent: publicArea
    .extend({ path: z.array(publicArea).describe('Every area from the top down to the parent itself.') })
    .nullable(),
  areas: z.array(publicArea),
});
