import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { waitUntil } from '../support/wait-until';

/** A valid PNG header declaring `width`×`height` with a few bytes of pixel data: a decompression bomb's calling card. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Photos that must be refused by the real media pipeline (Telegram fetcher → size cap → strict
// decode with a pixel limit), settling as `rejected` with a reason, storing no file, and leaving
// the worker healthy for the next, valid photo.
describe('the media pipeline refuses bad photos cleanly', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ conversations: 'app' });
    server.fake.addFile('oversized', Buffer.alloc(21 * 1024 * 1024, 0xff));
    server.fake.addFile('not-an-image', Buffer.from('<html>this is not a photo</html>'), {
      filePath: 'photos/ballot.jpg',
    });
    server.fake.addFile('bomb', pngDeclaring(20_000, 20_000), { filePath: 'photos/bomb.jpg' });
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer();
    server.fake.addFile('truncated-jpeg', jpeg.subarray(0, jpeg.length / 2), { filePath: 'photos/cut.jpg' });
    server.fake.addFile('valid', jpeg);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function processPhoto(fileId: string, sizeBytes?: number) {
    const id = await server.app.database.db.transaction().execute((tx) =>
      server.app.media.request(tx, {
        channel: 'telegram',
        bot: 'voter',
        participant: `media-fuzz-${fileId}`,
        media: { fileId, ...(sizeBytes !== undefined ? { sizeBytes } : {}) },
        purpose: 'violation',
      }),
    );
    return waitUntil(
      async () => {
        const row = await server.app.database.db
          .selectFrom('media_items')
          .select(['status', 'reason', 'path', 'attempts'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return row.status === 'pending' ? undefined : row;
      },
      { timeoutMs: 30_000, what: `media ${fileId} settled` },
    );
  }

  it.each([
    ['oversized', undefined, /over the \d+-byte limit/],
    ['oversized', 25 * 1024 * 1024, /over the \d+-byte limit/],
    ['not-an-image', undefined, /not a readable image/],
    ['bomb', undefined, /not a readable image|over \d+ pixels/],
    ['truncated-jpeg', undefined, /cannot be decoded|not a readable image/],
  ] as const)(
    '%s (size hint %s) is rejected with a reason, at the first attempt',
    async (fileId, hint, reason) => {
      const row = await processPhoto(fileId, hint);
      expect(row.status).toBe('rejected');
      expect(row.reason).toMatch(reason);
      expect(row.path).toBeNull();
      expect(row.attempts).toBe(0);
    },
  );

  it('still processes a valid photo afterwards, and stored only that one', async () => {
    const row = await processPhoto('valid');
    expect(row.status).toBe('ok');
    const stored = await fs.readdir(server.app.config.mediaDir, { recursive: true });
    expect(stored.filter((name) => name.endsWith('.jpg'))).toHaveLength(2); // the photo and its thumbnail
  });
});
