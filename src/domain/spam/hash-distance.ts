/**
 * Hamming distance between perceptual hashes of any width (64-bit dHash today, wider ones if the
 * media pipeline adds them), as hex strings. Pure: the hashes are computed in src/media.
 */

/** A parsed hash: 32 bits per word, most significant word first. */
export type HashWords = Uint32Array;

/**
 * Parses a hex hash whose length is a multiple of 8 digits.
 *
 * @example
 * parseHash('f0e4c2c8d8989898'); // Uint32Array [0xf0e4c2c8, 0xd8989898]
 */
export function parseHash(hex: string): HashWords {
  if (!/^(?:[0-9a-f]{8})+$/i.test(hex)) {
    throw new Error(`parseHash: expected hex digits in groups of 8, got "${hex}"`);
  }
  const words = new Uint32Array(hex.length / 8);
  for (let i = 0; i < words.length; i++) words[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return words;
}

/**
 * Number of differing bits (hashes of different widths are infinitely far apart).
 *
 * @example
 * hashDistance(parseHash('ffffffff'), parseHash('fffffffe')); // 1
 */
export function hashDistance(a: HashWords, b: HashWords): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let bits = 0;
  for (let i = 0; i < a.length; i++) bits += popCount32(a[i]! ^ b[i]!);
  return bits;
}

/** Set bits in a 32-bit integer (the SWAR method). */
function popCount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
