import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { parseRequest } from '../parse-request';
import { ALL_ROLES } from './route-access';

/** What these routes use of the app, and all they can reach. */
export type AuditRoutesServices = Pick<App, 'audit'>;

const listQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit log, readable by every role (analysts included); nobody can change it here. */
export const auditRoutes: FastifyPluginAsync<{ app: AuditRoutesServices }> = async (server, { app }) => {
  server.get('/audit', { config: { roles: ALL_ROLES } }, async (request) => {
    const query = parseRequest(listQuery, request.query, 'query');
    return { entries: await app.audit.list({ beforeId: query.before, limit: query.limit }) };
  });

  server.get('/audit/verify', { config: { roles: ALL_ROLES } }, async () => app.audit.verify());
};
