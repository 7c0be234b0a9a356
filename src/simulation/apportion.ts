/** Splitting a whole number of votes by shares, shared by the plan and the precincts' counts. */

/**
 * Whole counts per choice summing to `total`, as close to the shares as rounding allows
 * (largest remainders), in the shares' key order.
 *
 * @example
 * apportion({ a: 2, b: 1 }, 4); // ['a', 'a', 'a', 'b']  (2/3 of 4 = 2.67 → 3)
 */
export function apportion(shares: Record<string, number>, total: number): string[] {
  const entries = Object.entries(shares).filter(([, weight]) => weight > 0);
  const sum = entries.reduce((s, [, weight]) => s + weight, 0);
  if (sum <= 0) throw new Error('apportion: the shares must not all be 0');
  const exact = entries.map(([id, weight]) => ({ id, exact: (weight / sum) * total }));
  const counts = new Map(exact.map((e) => [e.id, Math.floor(e.exact)]));
  let left = total - [...counts.values()].reduce((s, n) => s + n, 0);
  for (const e of [...exact].sort(
    (x, y) => y.exact - Math.floor(y.exact) - (x.exact - Math.floor(x.exact)),
  )) {
    if (left <= 0) break;
    counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    left -= 1;
  }
  return [...counts.entries()].flatMap(([id, n]) => Array.from({ length: n }, () => id));
}
