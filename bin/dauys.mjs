#!/usr/bin/env node
// The `dauys` command. It runs the bundle `npm ci` / `npm run build` leave in dist/cli (no
// TypeScript to compile at start-up: see scripts/build-cli.mjs) while that bundle is newer than
// every source file; otherwise, in a checkout being edited, the sources through tsx's loader,
// so a change is never hidden behind a stale bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/cli/dauys.mjs');

/** Whether any file under src/ changed after the bundle was built (≈5 ms over ~450 files). */
function sourcesNewerThan(builtAt) {
  for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt) return true;
  }
  return false;
}

if (existsSync(bundle) && !sourcesNewerThan(statSync(bundle).mtimeMs)) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
