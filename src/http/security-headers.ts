import type { FastifyInstance } from 'fastify';

/**
 * Headers every response carries. Pages add their own Content-Security-Policy (pages.routes.ts);
 * HSTS is sent only over HTTPS (directly, or through a trusted proxy that says so), since on
 * plain HTTP it would be ignored and on a misconfigured host it would lock users out.
 */
export function registerSecurityHeaders(server: FastifyInstance, options: { publicUrl?: string }): void {
  const httpsDeployment = options.publicUrl?.startsWith('https:') ?? false;
  server.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    if (httpsDeployment || request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    return payload;
  });
}
