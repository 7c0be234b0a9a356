import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { notFound } from '../../errors';
import { consoleElection } from '../../services/console-election';
import type { Election } from '../../services/election.service';
import type { ConsoleRole } from '../../store/tables/console.tables';
import { parseRequest } from '../parse-request';

/** What these routes use of the app, and all they can reach. */
export type QueueAccessServices = Pick<App, 'config' | 'elections'>;

/** Who may change what in the work queues (reading is open to every role, analysts included). */
export const MODERATORS: readonly ConsoleRole[] = ['moderator', 'admin'];
export const COORDINATORS: readonly ConsoleRole[] = ['coordinator', 'admin'];

const electionQuery = z.object({ election: z.string().min(1).max(100).optional() });
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const areaCode = z.string().min(1).max(100).optional();

/** The election named by `?election=<slug>`, or the newest one. */
export async function queueElection(app: QueueAccessServices, query: unknown): Promise<Election> {
  const { election } = parseRequest(electionQuery, pickElection(query), 'query');
  return consoleElection(app.elections, election);
}

function pickElection(query: unknown): { election?: unknown } {
  const value = (query as Record<string, unknown> | undefined)?.election;
  return value === undefined ? {} : { election: value };
}

/**
 * Streams a stored (already EXIF-stripped) image from MEDIA_DIR to a signed-in console user.
 * Paths come from our own table, but are still confined to the media directory.
 *
 * @example
 * return sendStoredImage(reply, app.config.mediaDir, photo?.thumb_path);
 */
export function sendStoredImage(reply: FastifyReply, mediaDir: string, relative: string | null | undefined) {
  if (!relative) throw notFound('no stored photo');
  const root = path.resolve(mediaDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) throw notFound('no stored photo');
  return reply
    .header('content-type', 'image/jpeg')
    .header('content-disposition', 'inline')
    .send(fs.createReadStream(file));
}

export const photoQuery = z.object({ size: z.enum(['thumb', 'full']).default('thumb') });
