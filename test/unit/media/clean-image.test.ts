import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanImage, ImageRejected } from '../../../src/media/clean-image';

/** A photo as a phone would send it: rotated by EXIF, with camera and GPS data and an ICC profile. */
async function phonePhoto(): Promise<Buffer> {
  const width = 120;
  const height = 80;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      pixels[offset] = x < width / 2 ? 240 : 20; // left half red-ish: shows where "left" ends up
      pixels[offset + 1] = (y * 3) % 256;
      pixels[offset + 2] = 60;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Model X' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 14/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '76/1 53/1 0/1',
      },
    })
    .withIccProfile('p3')
    .toBuffer();
}

/** The EXIF tag pointing at the GPS block (0x8825), in either byte order. */
function hasGpsPointer(bytes: Buffer | undefined): boolean {
  return !!bytes && (bytes.includes(Buffer.from([0x88, 0x25, 0x00, 0x04])) || bytes.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])));
}

describe('cleanImage', () => {
  it('removes all metadata, GPS included, and turns the photo upright', async () => {
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(before.exif?.toString('latin1')).toContain('PhoneMaker');
    expect(hasGpsPointer(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);
    expect(before.icc).toBeDefined();

    const clean = await cleanImage(input);
    const after = await sharp(clean.data).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(clean.data.toString('latin1')).not.toContain('PhoneMaker');
    expect(hasGpsPointer(clean.data)).toBe(false);
    // Orientation 6 = rotate 90° clockwise: 120×80 becomes 80×120.
    expect([clean.width, clean.height]).toEqual([80, 120]);
    expect([after.width, after.height]).toEqual([80, 120]);
    expect((await sharp(clean.thumb).metadata()).exif).toBeUndefined();
  });

  it('names the stored bytes by their sha256 and gives a 64-bit perceptual hash', async () => {
    const clean = await cleanImage(await phonePhoto());
    const { createHash } = await import('node:crypto');
    expect(clean.sha256).toBe(createHash('sha256').update(clean.data).digest('hex'));
    expect(clean.phash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shrinks huge photos to the stored size and makes a small thumbnail', async () => {
    const big = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    const clean = await cleanImage(big, { maxInputPixels: 50_000_000, maxStoredSide: 1500, thumbSide: 200 });
    expect([clean.width, clean.height]).toEqual([1500, 500]);
    const thumb = await sharp(clean.thumb).metadata();
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(200);
  });

  it('rejects a decompression bomb by its pixel count before decoding it', async () => {
    const bomb = await sharp({ create: { width: 4000, height: 4000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(200_000);
    await expect(
      cleanImage(bomb, { maxInputPixels: 10_000_000, maxStoredSide: 4096, thumbSide: 320 }),
    ).rejects.toThrow(ImageRejected);
  });

  it('rejects bytes that are not an image, and a truncated JPEG', async () => {
    await expect(cleanImage(Buffer.from('%PDF-1.4 not an image'))).rejects.toThrow(/not a readable image/);
    const jpeg = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer();
    await expect(cleanImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).rejects.toThrow(ImageRejected);
  });
});
