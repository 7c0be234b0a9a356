import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { COVERAGE_PAGE_SIZE } from '../../services/coverage.service';
import { inviteQrDataUrl } from '../../services/invite-qr';
import { parseRequest } from '../parse-request';
import { areaCode, COORDINATORS, idParams, queueElection, type QueueAccessServices } from './queue-access';
import { ALL_ROLES } from './route-access';
import { signedIn } from './signed-in';

/** What these routes use of the app, and all they can reach. */
export type ObserversRoutesServices = QueueAccessServices & Pick<App, 'coverage' | 'invites'>;

const createBody = z.object({
  precincts: z.array(z.string().min(1).max(100)).min(1).max(200),
  contact: z.string().max(500).optional(),
});
/** A print sheet: `perPrecinct` invites for each precinct, at most 500 in all. */
const sheetBody = z
  .object({
    precincts: z.array(z.string().min(1).max(100)).min(1).max(200),
    perPrecinct: z.number().int().min(1).max(20).default(1),
  })
  .refine((body) => body.precincts.length * body.perPrecinct <= 500, {
    message: 'at most 500 invites on one sheet',
    path: ['perPrecinct'],
  });
const coverageQuery = z.object({
  election: z.string().optional(),
  area: areaCode,
  observer: z.enum(['with', 'without', 'any']).default('any'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(COVERAGE_PAGE_SIZE),
});

/** Observers: invites (create, list, revoke) and the coverage of precincts. */
export const observerRoutes: FastifyPluginAsync<{ app: ObserversRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/invites', { config: { roles: ALL_ROLES } }, async (request) => {
    const election = await queueElection(app, request.query);
    return { election: election.slug, invites: await app.invites.list(election.slug) };
  });

  server.post('/invites', { config: { roles: COORDINATORS } }, async (request, reply) => {
    const election = await queueElection(app, request.query);
    const body = parseRequest(createBody, request.body, 'body');
    const { actor } = signedIn(request);
    const created = await app.invites.create(
      actor,
      election.slug,
      body.precincts,
      body.contact ? { contact: body.contact } : {},
    );
    // The code is shown once (only its digest is stored): never cached.
    return reply.status(201).send(created);
  });

  // A printable sheet: one QR code per invite, encoding the observer bot's `t.me` link.
  server.post('/invites/sheet', { config: { roles: COORDINATORS } }, async (request, reply) => {
    const election = await queueElection(app, request.query);
    const body = parseRequest(sheetBody, request.body, 'body');
    const { actor } = signedIn(request);
    const created = await app.invites.createBatch(actor, election.slug, body.precincts, body.perPrecinct);
    const invites = await Promise.all(
      created.map(async (invite) => ({ ...invite, qr: await inviteQrDataUrl(invite.telegramLink) })),
    );
    return reply.status(201).send({ election: election.slug, invites });
  });

  server.post('/invites/:id/revoke', { config: { roles: COORDINATORS } }, async (request) => {
    const election = await queueElection(app, request.query);
    const { id } = parseRequest(idParams, request.params, 'path');
    const { actor } = signedIn(request);
    return { invite: await app.invites.revoke(actor, `#${id}`, { election: election.slug }) };
  });

  server.get('/coverage', { config: { roles: ALL_ROLES } }, async (request) => {
    const election = await queueElection(app, request.query);
    const query = parseRequest(coverageQuery, request.query, 'query');
    const { area, observer, page, pageSize } = query;
    return {
      election: election.slug,
      ...(await app.coverage.view(election, { ...(area ? { area } : {}), observer, page, pageSize })),
    };
  });
};
