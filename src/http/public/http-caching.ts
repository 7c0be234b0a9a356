import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * How long a shared cache (a CDN in front of the API on election night) or a browser may reuse
 * an answer without asking again. Short: the figures change as votes arrive, and the dashboard
 * revalidates with `If-None-Match` anyway, which costs a 304 and no body.
 */
const DEFAULT_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=30';

/**
 * For live figures (summary, results): a browser or CDN may store the answer but must revalidate
 * it every time (a 304 by ETag, no body): "a new vote shows within 5 seconds" holds through them.
 */
export const LIVE_CACHE_CONTROL = 'public, no-cache';

/**
 * HTTP caching and CORS for every GET of the public API: an ETag over the body (a repeated
 * poll with `If-None-Match` gets a bodiless 304), a `Cache-Control` unless the route set its
 * own, and `Access-Control-Allow-Origin: *` — the API is public and read-only, with no cookies.
 *
 * Register on the public API's encapsulated plugin only: console answers must never be shared.
 */
export function registerHttpCaching(server: FastifyInstance): void {
  server.addHook('onSend', async (request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag');
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', DEFAULT_CACHE_CONTROL);
    reply.header('vary', 'Accept-Encoding');
    const etag = `"${crypto.createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    if (!matchesEtag(request, etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return '';
  });

  // `If-None-Match` is not a CORS-safelisted header, so a polling page on another origin asks first.
  server.options('/*', async (_request, reply: FastifyReply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'If-None-Match, Content-Type')
      .header('access-control-max-age', '86400')
      .send(),
  );
}

function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  // A client may list several tags, and an intermediary may have weakened ours (W/"…").
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
