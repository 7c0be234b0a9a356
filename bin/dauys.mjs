#!/usr/bin/env node
// The `dauys` command. It runs the bundle `npm ci` / `npm run build` leave in dist/cli (no
// TypeScript to compile at start-up: see scripts/build-cli.mjs) while that bundle is newer than
// every source file; otherwise, in a checkout being edited, the sources through tsx's loader,
// so a change is never hidden behind a stale bundle.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './fresh-bundle.mjs';

const bundle = freshBundle(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
