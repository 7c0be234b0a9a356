import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { App } from '../../app';
import { DauysError } from '../../errors';
import { registerErrorHandler } from '../../http/error-handler';
import { publicApiRoutes, type PublicApiServices } from '../../http/public/public-api.routes';

/** One public API answer: its status and body bytes, exactly as the server would send them. */
export interface ApiAnswer {
  status: number;
  body: Buffer;
}

export interface PublicApiReader {
  get(apiPath: string): Promise<ApiAnswer>;
  close(): Promise<void>;
}

/**
 * The public API's own routes, mounted on a private Fastify instance that listens on nothing and
 * is called with `inject`. A snapshot goes through this single door rather than calling the
 * services itself: the files are then byte for byte the bodies the routes send (the same
 * contracts, the same assembly of each answer, the same serialisation), and a field a route
 * gains reaches every snapshot without anyone remembering it here. Only GET routes exist under
 * /api/v1, so the snapshot cannot write; the per-client rate limit is off for this in-process
 * caller (it would throttle the thousands of requests of a national election).
 */
export async function openPublicApiReader(
  app: PublicApiServices & Pick<App, 'logger'>,
): Promise<PublicApiReader> {
  const server = Fastify({ loggerInstance: app.logger as FastifyBaseLogger });
  registerErrorHandler(server);
  const unthrottled: PublicApiServices = {
    ...app,
    config: { ...app.config, PUBLIC_RATE_LIMIT_PER_SECOND: 0 },
  };
  await server.register(publicApiRoutes, { app: unthrottled, prefix: '/api/v1' });
  await server.ready();
  return {
    async get(apiPath) {
      const response = await server.inject({ method: 'GET', url: `/api/v1${apiPath}` });
      if (response.statusCode >= 500) {
        throw new DauysError('DAUYS_ERR_INTERNAL', `GET /api/v1${apiPath} failed (${response.statusCode})`);
      }
      return { status: response.statusCode, body: response.rawPayload };
    },
    close: () => server.close(),
  };
}
