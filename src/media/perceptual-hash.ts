import sharp from 'sharp';
import { hashDistance, parseHash } from '../domain/spam/hash-distance';

/**
 * A difference hash (dHash) as hex: the image shrunk to (columns + 1) × rows grey pixels, one bit
 * per horizontal neighbour pair ("is the right one brighter?"). Re-compressed, resized or
 * slightly brightened copies of a photo keep nearly the same bits, so the Hamming distance
 * between two hashes finds the same picture sent twice.
 */
async function dHash(image: Buffer, columns: number, rows: number): Promise<string> {
  const pixels = await sharp(image, { failOn: 'error' })
    .rotate()
    .grayscale()
    .resize(columns + 1, rows, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  let bits = 0n;
  for (let y = 0; y < rows; y += 1) {
    for (let x = 0; x < columns; x += 1) {
      const left = pixels[y * (columns + 1) + x] ?? 0;
      const right = pixels[y * (columns + 1) + x + 1] ?? 0;
      bits = (bits << 1n) | (right > left ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart((columns * rows) / 4, '0');
}

/**
 * The 64-bit dHash (9×8 grid), 16 hex digits.
 *
 * @example
 * const hash = await differenceHash(jpegBytes); // 'f0e4c2c8d8989898'
 */
export function differenceHash(image: Buffer): Promise<string> {
  return dHash(image, 8, 8);
}

/**
 * The 256-bit dHash (17×16 grid), 64 hex digits: what the media pipeline stores. Every ballot
 * photo is a white sheet with the same table, so 64 bits collide between different voters'
 * photos (0.2% of pairs within 6 bits); 256 bits keep them ≥ 36 bits apart while re-encoded,
 * resized, brightened copies stay a median 13 bits away (bench/ballot-check.ts).
 *
 * @example
 * const hash = await wideDifferenceHash(jpegBytes); // 64 hex digits
 */
export function wideDifferenceHash(image: Buffer): Promise<string> {
  return dHash(image, 16, 16);
}

/**
 * Number of differing bits between two hex hashes of the same width (0 = same picture).
 *
 * @example
 * hammingDistance('ffffffffffffffff', 'fffffffffffffffe'); // 1
 */
export function hammingDistance(a: string, b: string): number {
  if (!/^(?:[0-9a-f]{8})+$/i.test(a) || a.length !== b.length || !/^(?:[0-9a-f]{8})+$/i.test(b)) {
    throw new Error(`hammingDistance: expected two hex hashes of the same width, got "${a}" and "${b}"`);
  }
  return hashDistance(parseHash(a), parseHash(b));
}
