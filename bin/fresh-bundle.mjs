// Whether dist/cli holds a bundle at least as new as every file under src/ (≈5 ms over ~450
// files): bin/dauys.mjs runs it only then, and bench/analysis.ts says which one it timed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The bundle's path when it is fresh, else undefined (absent, or a source changed after it). */
export function freshBundle(root) {
  const bundle = path.join(root, 'dist/cli/dauys.mjs');
  if (!existsSync(bundle)) return undefined;
  const builtAt = statSync(bundle).mtimeMs;
  for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt)
      return undefined;
  }
  return bundle;
}
