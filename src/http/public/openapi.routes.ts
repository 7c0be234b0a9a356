import type { FastifyPluginAsync } from 'fastify';
import { openapiDocument } from './contracts/openapi-document';

/** `GET /openapi.json`: the public API described for other tools, generated from its contracts. */
export const openapiRoutes: FastifyPluginAsync = async (server) => {
  const body = JSON.stringify(openapiDocument());
  server.get('/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body),
  );
};
