import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { REDACTION_KINDS } from '../../domain/redaction';
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
export type ViolationsRoutesServices = QueueAccessServices & Pick<App, 'moderation'>;

const listQuery = z.object({
  election: z.string().optional(),
  status: z.enum(['new', 'verified', 'published', 'rejected', 'all']).default('new'),
  area: areaCode,
});
const mediaParams = idParams.extend({ index: z.coerce.number().int().min(0).max(50) });
const publishBody = z.object({
  redactions: z
    .array(z.object({ start: z.number(), end: z.number(), kind: z.enum(REDACTION_KINDS) }))
    .max(500)
    .default([]),
});

/** The violations queue: verify, publish with redactions, or reject. Only published ones are public. */
export const violationRoutes: FastifyPluginAsync<{ app: ViolationsRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/violations', { config: { roles: ALL_ROLES } }, async (request) => {
    const election = await queueElection(app, request.query);
    const query = parseRequest(listQuery, request.query, 'query');
    const items = await app.moderation.violationQueue(election, {
      status: query.status,
      ...(query.area ? { area: query.area } : {}),
    });
    return { election: election.slug, categories: election.definition.violationCategories, items };
  });

  server.get('/violations/:id/media/:index', { config: { roles: ALL_ROLES } }, async (request, reply) => {
    const election = await queueElection(app, request.query);
    const { id, index } = parseRequest(mediaParams, request.params, 'path');
    const { size } = parseRequest(photoQuery, { size: (request.query as { size?: string }).size }, 'query');
    const photo = await app.moderation.violationMedia(election, id, index);
    return sendStoredImage(reply, app.config.mediaDir, size === 'full' ? photo?.path : photo?.thumb_path);
  });

  for (const action of ['verify', 'reject'] as const) {
    server.post(`/violations/:id/${action}`, { config: { roles: MODERATORS } }, async (request) => {
      const election = await queueElection(app, request.query);
      const { id } = parseRequest(idParams, request.params, 'path');
      return app.moderation.moderateViolation(signedIn(request).actor, election, id, { action });
    });
  }

  server.post('/violations/:id/publish', { config: { roles: MODERATORS } }, async (request) => {
    const election = await queueElection(app, request.query);
    const { id } = parseRequest(idParams, request.params, 'path');
    const { redactions } = parseRequest(publishBody, request.body, 'body');
    return app.moderation.moderateViolation(signedIn(request).actor, election, id, {
      action: 'publish',
      redactions,
    });
  });
};
