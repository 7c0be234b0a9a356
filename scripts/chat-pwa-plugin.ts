import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rollup';

/** Where the chat's service worker is built; its scope is /chat (pages.routes.ts allows it). */
export const CHAT_WORKER_FILE = 'chat/sw.js';
const WORKER_ENTRY = 'chat-sw';
const ICON_SIZES = [192, 512] as const;
/** Public files the chat's page uses (web/public): its icons, favicons and manifest. */
const PUBLIC_SHELL = ['/favicon.svg', '/favicon.ico', '/chat/manifest.webmanifest'];

/**
 * Makes /chat an installable app that opens offline: builds web/chat/service-worker.ts to
 * /chat/sw.js (no fingerprint: the browser checks that one URL for a new release), writes into
 * it the list of files the chat's page needs — its script and CSS as fingerprinted in this build
 * — and draws the manifest's PNG icons from the favicon with sharp, so no image is downloaded or
 * kept in the repository as a binary.
 */
export function chatPwa(webRoot: string): Plugin {
  return {
    name: 'dauys-chat-pwa',
    apply: 'build',
    config: () => ({
      build: {
        rollupOptions: {
          input: { [WORKER_ENTRY]: path.join(webRoot, 'chat/service-worker.ts') },
          output: {
            entryFileNames: (chunk) =>
              chunk.name === WORKER_ENTRY ? CHAT_WORKER_FILE : 'assets/[name]-[hash].js',
          },
        },
      },
    }),
    async generateBundle(_options, bundle) {
      const svg = fs.readFileSync(path.join(webRoot, 'public/favicon.svg'));
      for (const size of ICON_SIZES) {
        this.emitFile({
          type: 'asset',
          fileName: `chat/icon-${size}.png`,
          source: await sharp(svg, { density: (72 * size) / 32 })
            .resize(size, size)
            .png()
            .toBuffer(),
        });
      }
      const shell = [
        '/chat',
        ...chatPageFiles(bundle),
        ...PUBLIC_SHELL,
        ...ICON_SIZES.map((size) => `/chat/icon-${size}.png`),
      ];
      const worker = Object.values(bundle).find(
        (file): file is OutputChunk => file.type === 'chunk' && file.name === WORKER_ENTRY,
      );
      if (!worker) throw new Error('chat-pwa: the service worker was not built');
      const version = crypto.createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      const withShell = worker.code
        .replace(/(["'`])__CHAT_SHELL__\1/, JSON.stringify(JSON.stringify(shell)))
        .replace(/(["'`])"__CHAT_SHELL_VERSION__"\1/, JSON.stringify(JSON.stringify(version)));
      if (withShell.includes('__CHAT_SHELL')) throw new Error('chat-pwa: a placeholder was not replaced');
      worker.code = withShell;
    },
  };
}

/** The chat page's script, the chunks it imports and their CSS, as URL paths. */
function chatPageFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
  const page = chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith('/chat/index.html'));
  if (!page) throw new Error('chat-pwa: the chat page (chat/index.html) was not built');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const imported of chunk.imports) {
      const next = byName.get(imported);
      if (next) visit(next);
    }
  };
  visit(page);
  return [...files].map((file) => `/${file}`);
}
