/**
 * Small helpers over the project's seeded generator, so every simulated picture and message is
 * reproducible from its seed.
 */
import { createRng, type SeededRandom } from '../analysis/random';

export type { SeededRandom };
export { createRng };

/** Uniform in [low, high). */
export function uniform(rng: SeededRandom, low: number, high: number): number {
  return low + (high - low) * rng.next();
}

/** One element, uniformly. */
export function pick<T>(rng: SeededRandom, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: empty list');
  return items[rng.nextInt(items.length)]!;
}

/** True with probability `p`. */
export function chance(rng: SeededRandom, p: number): boolean {
  return rng.next() < p;
}

/** Text safe inside SVG markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
