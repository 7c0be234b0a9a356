import type { FastifyError, FastifyInstance } from 'fastify';
import { DauysError } from '../errors';

/**
 * The one mapping from errors to HTTP answers: `DauysError`s keep their code, message and
 * issues; Fastify's own client errors (bad JSON, body too large) keep their status; anything
 * else is a 500 whose details stay in the log, never in the response.
 */
export function registerErrorHandler(server: FastifyInstance): void {
  server.setErrorHandler((error: FastifyError | DauysError | Error, request, reply) => {
    if (error instanceof DauysError) {
      return reply
        .status(error.statusCode)
        .send({ error: error.code, message: error.message, issues: error.issues });
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
      return reply.status(500).send({ error: 'DAUYS_ERR_INTERNAL', message: 'internal error' });
    }
    const code = status === 413 ? 'DAUYS_ERR_PAYLOAD_TOO_LARGE' : 'DAUYS_ERR_VALIDATION';
    return reply.status(status).send({ error: code, message: error.message });
  });
  server.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: 'DAUYS_ERR_NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}
