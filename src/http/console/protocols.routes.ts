import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { notFound } from '../../errors';
import { suggestFigures } from '../../media/ocr/protocol-suggestions';
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
export type ProtocolsRoutesServices = QueueAccessServices & Pick<App, 'ocr' | 'transcriptions'>;

const listQuery = z.object({
  election: z.string().optional(),
  area: areaCode,
  stage: z
    .enum(['all', 'awaiting_first', 'awaiting_second', 'disputed', 'agreed', 'resolved'])
    .default('all'),
});
const pageParams = idParams.extend({ index: z.coerce.number().int().min(0).max(50) });
const transcriptionBody = z.object({ figures: z.record(z.string(), z.unknown()) });

/**
 * Double-blind protocol transcription. The sheet a moderator types into never carries the
 * observer's figures; the outcome (final figures and differences) only exists once final.
 */
export const protocolRoutes: FastifyPluginAsync<{ app: ProtocolsRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/protocols', { config: { roles: ALL_ROLES } }, async (request) => {
    const election = await queueElection(app, request.query);
    const query = parseRequest(listQuery, request.query, 'query');
    const userId = signedIn(request).session.user.id;
    const items = await app.transcriptions.queue(election, userId, query.area ? { area: query.area } : {});
    const shown = query.stage === 'all' ? items : items.filter((item) => item.stage === query.stage);
    return { election: election.slug, items: shown };
  });

  server.get('/protocols/:id/sheet', { config: { roles: MODERATORS } }, async (request) => {
    const election = await queueElection(app, request.query);
    const { id } = parseRequest(idParams, request.params, 'path');
    return app.transcriptions.sheet(election, signedIn(request).session.user.id, id);
  });

  server.get('/protocols/:id/pages/:index', { config: { roles: ALL_ROLES } }, async (request, reply) => {
    const election = await queueElection(app, request.query);
    const { id, index } = parseRequest(pageParams, request.params, 'path');
    const { size } = parseRequest(photoQuery, { size: (request.query as { size?: string }).size }, 'query');
    const page = await app.transcriptions.page(election, id, index);
    return sendStoredImage(reply, app.config.mediaDir, size === 'full' ? page?.path : page?.thumb_path);
  });

  server.post('/protocols/:id/transcriptions', { config: { roles: MODERATORS } }, async (request) => {
    const election = await queueElection(app, request.query);
    const { id } = parseRequest(idParams, request.params, 'path');
    const { figures } = parseRequest(transcriptionBody, request.body, 'body');
    const { session, actor } = signedIn(request);
    return app.transcriptions.submit(actor, session.user.id, election, id, figures);
  });

  // Machine-read suggestions for one page, each marked `machine-read` with its confidence.
  server.get('/protocols/:id/ocr/:index', { config: { roles: MODERATORS } }, async (request) => {
    const election = await queueElection(app, request.query);
    const { id, index } = parseRequest(pageParams, request.params, 'path');
    const availability = app.ocr.availability();
    if (!availability.available)
      return { available: false, reason: availability.reason, figures: [], precinctNumber: null };
    const page = await app.transcriptions.page(election, id, index);
    if (!page?.path) throw notFound(`protocol ${id} page ${index + 1} has no stored photo`);
    const image = await fs.readFile(path.join(app.config.mediaDir, page.path));
    return { available: true, ...(await suggestFigures(app.ocr, image, election.definition)) };
  });

  server.get('/protocols/:id/outcome', { config: { roles: ALL_ROLES } }, async (request) => {
    const election = await queueElection(app, request.query);
    const { id } = parseRequest(idParams, request.params, 'path');
    return app.transcriptions.outcome(election, id);
  });
};
