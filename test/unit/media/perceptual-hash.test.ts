import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { differenceHash, hammingDistance } from '../../../src/media/perceptual-hash';

/** A picture with structure (stripes and a gradient), so its hash is not all zeros. */
async function picture(seed: number, width = 320, height = 240): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      pixels[y * width + x] = (Math.sin((x + seed * 37) / (13 + seed)) * 90 + (y * 255) / height / 2 + 60) & 0xff;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

describe('differenceHash and hammingDistance', () => {
  it('keeps a re-compressed, resized copy close and a different picture far', async () => {
    const original = await picture(1);
    const copy = await sharp(original).resize(200).jpeg({ quality: 40 }).toBuffer();
    const other = await picture(5);
    const [a, b, c] = await Promise.all([differenceHash(original), differenceHash(copy), differenceHash(other)]);
    expect(hammingDistance(a, b)).toBeLessThanOrEqual(10);
    expect(hammingDistance(a, c)).toBeGreaterThan(16);
  });

  it('counts differing bits and refuses malformed hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', 'fffffffffffffffe')).toBe(1);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(/16-digit hex/);
  });
});
