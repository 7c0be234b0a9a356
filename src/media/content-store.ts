import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where a cleaned image and its thumbnail live, relative to MEDIA_DIR. */
export interface StoredPaths {
  path: string;
  thumbPath: string;
}

/**
 * Writes an image under its sha256 (`ab/cd/<sha256>.jpg`, thumbnail under `thumbs/`), atomically
 * (temporary file, then rename) and only once: the same photo sent twice is stored once.
 * Returned paths are relative to `mediaDir`, so the directory can move.
 *
 * @example
 * const { path } = await storeContentAddressed('/srv/media', { sha256, data, thumb });
 * // path === 'e3/b0/e3b0c442….jpg'
 */
export async function storeContentAddressed(
  mediaDir: string,
  image: { sha256: string; data: Buffer; thumb: Buffer },
): Promise<StoredPaths> {
  if (!/^[0-9a-f]{64}$/.test(image.sha256)) throw new Error(`not a sha256 hex digest: ${image.sha256}`);
  const shard = path.join(image.sha256.slice(0, 2), image.sha256.slice(2, 4));
  const relative = path.join(shard, `${image.sha256}.jpg`);
  const thumbRelative = path.join('thumbs', shard, `${image.sha256}.jpg`);
  await writeOnce(path.join(mediaDir, relative), image.data);
  await writeOnce(path.join(mediaDir, thumbRelative), image.thumb);
  return { path: relative, thumbPath: thumbRelative };
}

async function writeOnce(file: string, data: Buffer): Promise<void> {
  try {
    await fs.access(file);
    return;
  } catch {
    // Not there yet.
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temporary, data, { mode: 0o640 });
  await fs.rename(temporary, file);
}
