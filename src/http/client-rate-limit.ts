import type { FastifyInstance } from 'fastify';
import { LruCache } from '../shared/lru-cache';
import { TokenBucket } from '../shared/token-bucket';

export interface ClientRateLimitOptions {
  /** Sustained requests per second per client address. */
  perSecond: number;
  /** Requests a client may make at once before being slowed. */
  burst: number;
  /** Clients remembered at once; the least recently seen are forgotten first (bounded memory under a flood). */
  maxClients?: number;
}

/**
 * Per-address request limits for one encapsulated surface (public API, console). In memory per
 * node: behind N api nodes the effective limit is N times higher, which is fine for what it is
 * for — keeping one scraper or one attacker from starving everyone else on election night.
 * Client addresses come from the socket unless TRUST_PROXY says which proxy to believe.
 */
export function registerClientRateLimit(server: FastifyInstance, options: ClientRateLimitOptions): void {
  const buckets = new LruCache<string, TokenBucket>(options.maxClients ?? 100_000);
  server.addHook('onRequest', async (request, reply) => {
    const bucket = buckets.getOrCompute(request.ip, () => new TokenBucket(options.perSecond, options.burst));
    if (bucket.available() < 1) {
      const retryAfterSeconds = Math.max(1, Math.ceil(bucket.msUntilAvailable() / 1000));
      return reply
        .status(429)
        .header('retry-after', String(retryAfterSeconds))
        .send({
          error: 'DAUYS_ERR_RATE_LIMITED',
          message: `too many requests; retry after ${retryAfterSeconds} s`,
        });
    }
    bucket.take();
  });
}
