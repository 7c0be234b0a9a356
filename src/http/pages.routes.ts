import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** The front end's pages; each is a built HTML file under dist/web. */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/chat': 'chat/index.html',
  '/console': 'console/index.html',
};

/**
 * Pages and their assets from the Vite build. Scripts only from our own origin (no inline
 * script, no CDN: third-party requests leak readers' IPs and are blocked on election day).
 */
export const pagesRoutes: FastifyPluginAsync<{ webDir: string }> = async (server, { webDir }) => {
  server.addHook('onSend', async (_request, reply, payload) => {
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  if (!fs.existsSync(webDir)) {
    for (const url of Object.keys(PAGES)) {
      server.get(url, async (_request, reply) =>
        reply
          .status(503)
          .type('text/plain')
          .send('The web front end is not built: run `npm run build` (npm ci does it).'),
      );
    }
    return;
  }

  await server.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    index: false,
    wildcard: false,
    cacheControl: false,
    setHeaders: (res, file) => {
      // Vite fingerprints asset names, so they never change under the same URL.
      res.raw.setHeader(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      // The chat's service worker lives in /chat/ but serves the page /chat itself (no slash), a
      // scope one level up from its own folder, which the browser allows only when told so.
      if (file.endsWith(`${path.sep}chat${path.sep}sw.js`))
        res.raw.setHeader('service-worker-allowed', '/chat');
    },
  });
  for (const [url, file] of Object.entries(PAGES)) {
    if (!fs.existsSync(path.join(webDir, file))) continue;
    server.get(url, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile(file));
    if (url !== '/') server.get(`${url}/`, async (_request, reply) => reply.redirect(url));
  }
};
