import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { chatPwa } from './scripts/chat-pwa-plugin';

// One multi-page front end: the dashboard at /, the web chat at /chat, the console at /console.
// Built into dist/web and served by the API process; no CDN, no third-party requests. The chat
// is also an installable app with a service worker, so it opens offline (scripts/chat-pwa-plugin.ts).
const pages = { dashboard: 'index.html', chat: 'chat/index.html', console: 'console/index.html' };

export default defineConfig({
  root: resolve(import.meta.dirname, 'web'),
  // Relative URLs: a snapshot's copy of the dashboard (`dauys snapshot`) must work under any
  // path prefix of a mirror; the server's own pages (/, /chat, /console) resolve them the same.
  base: './',
  plugins: [svelte(), chatPwa(resolve(import.meta.dirname, 'web'))],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: Object.fromEntries(
        Object.entries(pages)
          .map(([name, file]) => [name, resolve(import.meta.dirname, 'web', file)] as const)
          .filter(([, file]) => existsSyncSafe(file)),
      ),
    },
  },
});

function existsSyncSafe(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
