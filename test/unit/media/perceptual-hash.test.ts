import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';
import { NEAR_DUPLICATE_MAX_BITS_256 } from '../../../src/domain/spam/spam-thresholds';
import { differenceHash, hammingDistance, wideDifferenceHash } from '../../../src/media/perceptual-hash';
import { generateBallotPhoto } from '../../../src/simulation/ballot-image';
import { DEMO_ELECTION_FILE } from '../../support/tiny-election';

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
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(/same width/);
  });
});

describe('wideDifferenceHash on ballot photos (the hash the media pipeline stores)', () => {
  const election = parseElectionDefinition(JSON.parse(fs.readFileSync(DEMO_ELECTION_FILE, 'utf8')));
  const photo = async (seed: number) =>
    (await generateBallotPhoto(election, { seed, marking: { kind: 'one', choiceId: 'adal' } })).jpeg;

  it('keeps altered copies of one ballot photo within the near-duplicate distance', async () => {
    const original = await photo(3);
    const hash = await wideDifferenceHash(original);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const copies = await Promise.all([
      sharp(original).jpeg({ quality: 45 }).toBuffer(),
      sharp(original).resize({ width: 700 }).jpeg({ quality: 80 }).toBuffer(),
      sharp(original).modulate({ brightness: 1.15 }).jpeg().toBuffer(),
    ]);
    for (const copy of copies)
      expect(hammingDistance(hash, await wideDifferenceHash(copy))).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_BITS_256);
  }, 60_000);

  it('keeps photos of the same ballot by different voters apart', async () => {
    const photos = await Promise.all([10, 11, 12, 13, 14, 15].map(photo));
    const wide = await Promise.all(photos.map(wideDifferenceHash));
    for (let i = 0; i < wide.length; i++)
      for (let j = i + 1; j < wide.length; j++)
        expect(hammingDistance(wide[i]!, wide[j]!)).toBeGreaterThan(NEAR_DUPLICATE_MAX_BITS_256);
  }, 60_000);
});
