import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { App } from '../app';
import { PACKAGE_ROOT } from '../shared/package-root';
import { webhookChannels } from '../channels/create-channels';
import { registerErrorHandler } from './error-handler';
import { registerSecurityHeaders } from './security-headers';
import { consoleRoutes } from './console/console.routes';
import { healthRoutes } from './health.routes';
import { channelWebhookRoutes, type ReceiptClock } from './webhooks/channel-webhook.routes';
import { pagesRoutes } from './pages.routes';
import { webchatRoutes } from './webchat.routes';
import { publicApiRoutes } from './public/public-api.routes';

export interface BuildServerOptions {
  /** Largest request body accepted (bytes). Webhook updates are small; photos are fetched, not posted. */
  bodyLimit?: number;
  /** The built front end (default: dist/web of the package). */
  webDir?: string;
  /**
   * When a webhook update was received (a button press is dated by it): the real clock, except
   * for a simulation that plays a polling day faster than real time in this process
   * (src/simulation/simulated-arrival.ts). Never set from configuration: an HTTP client must
   * not choose the dates of votes.
   */
  receiptClock?: ReceiptClock;
}

const DEFAULT_WEB_DIR = path.join(PACKAGE_ROOT, 'dist/web');

/**
 * The HTTP server: each surface (health, public API, webhooks, console, pages) is its own
 * encapsulated plugin, so a hook registered for one — the console's auth — cannot leak into another.
 */
export async function buildServer(app: App, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Per-request log lines would carry URLs and IPs of every webhook: off (metrics count requests).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustProxySetting(app.config.TRUST_PROXY),
  });
  registerErrorHandler(server);
  registerSecurityHeaders(server, { publicUrl: app.config.PUBLIC_URL });
  server.addHook('onResponse', async (request, reply) => {
    app.metrics.httpRequestDuration
      .labels(request.routeOptions.url ?? 'unmatched', request.method, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
  // Every response over 1 kB is compressed for a client that asks (the 3.8 MB export.csv of the
  // demo shrinks ~8x; the dashboard's scripts ~3x), registered first so it wraps every plugin.
  // Request bodies are never decompressed: webhook signatures are checked over the raw bytes, and
  // no client of ours sends compressed bodies (a small gzip could expand past the body limit).
  await server.register(fastifyCompress, { threshold: 1024, globalDecompression: false });
  await server.register(healthRoutes, { app });
  for (const channel of webhookChannels({
    config: app.config,
    secret: app.secret,
    uploads: app.webchat,
    pollsOpenAt: () => app.webchat.pollsOpenAt(),
  })) {
    await server.register(channelWebhookRoutes, {
      channel,
      inbox: app.inbox,
      updates: app.metrics.webhookUpdates,
      logger: app.logger,
      receiptClock: options.receiptClock,
    });
  }
  await server.register(publicApiRoutes, { app, prefix: '/api/v1' });
  await server.register(webchatRoutes, { app, prefix: '/webchat/api' });
  await server.register(consoleRoutes, { app, prefix: '/console/api' });
  await server.register(pagesRoutes, { webDir: options.webDir ?? DEFAULT_WEB_DIR });
  return server;
}

function trustProxySetting(
  value: string | undefined,
): boolean | string | ((address: string, hop: number) => boolean) {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}
