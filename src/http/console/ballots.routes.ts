import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { BALLOT_STATUSES } from '../../store/tables/ballots.tables';
import { parseRequest } from '../parse-request';
import {
  areaCode,
  idParams,
  MODERATORS,
  photoQuery,
  queueElection,
  sendStoredImage,
  type QueueAccessServices,
} from './queue-access';
import { ALL_ROLES } from './route-access';
import { signedIn } from './signed-in';

/** What these routes use of the app, and all they can reach. */
export type BallotsRoutesServices = QueueAccessServices & Pick<App, 'moderation'>;

const listQuery = z.object({
  election: z.string().optional(),
  status: z.enum([...BALLOT_STATUSES, 'all']).default('pending_review'),
  area: areaCode,
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  photo: z.enum(['with', 'without', 'any']).default('with'),
});
const reviewBody = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  verdict: z.enum(['approve', 'not_ballot', 'spam', 'choice_differs', 'unreadable', 'undo']),
});

/** The ballot-photo queue: list with filters, the photo itself, and decisions (single or bulk). */
export const ballotRoutes: FastifyPluginAsync<{ app: BallotsRoutesServices }> = async (server, { app }) => {
  server.get('/ballots', { config: { roles: ALL_ROLES } }, async (request) => {
    const election = await queueElection(app, request.query);
    const query = parseRequest(listQuery, request.query, 'query');
    const items = await app.moderation.ballotQueue(election, {
      status: query.status,
      ...(query.area ? { area: query.area } : {}),
      ...(query.after !== undefined ? { afterId: query.after } : {}),
      limit: query.limit,
      photo: query.photo,
    });
    return { election: election.slug, items };
  });

  server.get('/ballots/:id/photo', { config: { roles: ALL_ROLES } }, async (request, reply) => {
    const election = await queueElection(app, request.query);
    const { id } = parseRequest(idParams, request.params, 'path');
    const { size } = parseRequest(photoQuery, { size: (request.query as { size?: string }).size }, 'query');
    const photo = await app.moderation.ballotPhoto(election, id);
    return sendStoredImage(reply, app.config.mediaDir, size === 'full' ? photo?.path : photo?.thumb_path);
  });

  server.post('/ballots/review', { config: { roles: MODERATORS } }, async (request) => {
    const election = await queueElection(app, request.query);
    const body = parseRequest(reviewBody, request.body, 'body');
    const changes = await app.moderation.reviewBallots(
      signedIn(request).actor,
      election,
      body.ids,
      body.verdict,
    );
    return { changes };
  });
};
