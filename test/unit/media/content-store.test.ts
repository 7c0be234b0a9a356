import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeContentAddressed } from '../../../src/media/content-store';

describe('storeContentAddressed', () => {
  it('stores under the sha256, once, with relative paths', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-media-'));
    try {
      const data = Buffer.from('image bytes');
      const sha256 = crypto.createHash('sha256').update(data).digest('hex');
      const first = await storeContentAddressed(dir, { sha256, data, thumb: Buffer.from('thumb') });
      expect(first.path).toBe(path.join(sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.jpg`));
      expect(first.thumbPath.startsWith('thumbs')).toBe(true);
      expect(await fs.readFile(path.join(dir, first.path))).toEqual(data);
      const second = await storeContentAddressed(dir, { sha256, data, thumb: Buffer.from('thumb') });
      expect(second).toEqual(first);
      const files = await fs.readdir(path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4)));
      expect(files).toEqual([`${sha256}.jpg`]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a name that is not a sha256 (no path tricks)', async () => {
    await expect(
      storeContentAddressed(os.tmpdir(), { sha256: '../../etc/passwd', data: Buffer.alloc(1), thumb: Buffer.alloc(1) }),
    ).rejects.toThrow(/not a sha256/);
  });
});
