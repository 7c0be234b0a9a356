/**
 * xorshift32 (Marsaglia, J. Stat. Softw. 8(14), 2003): repeatable pseudo-random numbers without a
 * dependency, so a rendered protocol page and an OCR measurement run come out the same from a seed.
 */

/**
 * A generator of numbers in [0, 1) from `seed` (0 is taken as 1: xorshift never leaves 0).
 *
 * @example
 * const random = xorshift(7);
 * random(); // the same first number on every run
 */
export function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}
