import type { z } from 'zod';
import { invalidInput, zodIssuesToInputIssues } from '../errors';

/** Validates one part of a request (path, query, body) with zod; errors name the field. */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'path' | 'query' | 'body',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw invalidInput(`invalid request ${part}`, zodIssuesToInputIssues(parsed.error.issues, part));
  return parsed.data;
}
