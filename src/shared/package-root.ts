import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root directory (where its package.json says `"name": "dauys"`), found by walking
 * up from this module: the same answer whether the code runs from `src/` through tsx or from the
 * bundled `dist/cli/` (where a module's depth below the root differs), and wherever `dauys` is
 * started from.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'dauys'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`no dauys package.json above ${from}`);
  }
}
