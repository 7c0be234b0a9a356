import sharp from 'sharp';

/**
 * A 64-bit difference hash (dHash) as 16 hex digits: the image shrunk to 9×8 grey pixels, one
 * bit per horizontal neighbour pair ("is the right one brighter?"). Re-compressed, resized or
 * slightly brightened copies of a photo keep nearly the same bits, so the Hamming distance
 * between two hashes finds the same ballot photo sent twice.
 *
 * @example
 * const hash = await differenceHash(jpegBytes); // 'f0e4c2c8d8989898'
 */
export async function differenceHash(image: Buffer): Promise<string> {
  const pixels = await sharp(image, { failOn: 'error' })
    .rotate()
    .grayscale()
    .resize(9, 8, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  let bits = 0n;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      const left = pixels[y * 9 + x] ?? 0;
      const right = pixels[y * 9 + x + 1] ?? 0;
      bits = (bits << 1n) | (right > left ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

/**
 * Number of differing bits between two 64-bit hex hashes (0 = same picture, ≤ 10 = very likely
 * the same picture, ~32 = unrelated).
 *
 * @example
 * hammingDistance('ffffffffffffffff', 'fffffffffffffffe'); // 1
 */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) {
    throw new Error(`hammingDistance: expected two 16-digit hex hashes, got "${a}" and "${b}"`);
  }
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}
