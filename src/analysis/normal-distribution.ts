/** P(Z > z) for a standard normal (Abramowitz & Stegun 7.1.26 through erfc, error < 1.5e-7). */
export function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
    Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * The z with P(Z > z) = tail, by bisection on `upperTail` (accurate to 1e-9, ample for test levels).
 *
 * @example
 * upperQuantile(0.025); // 1.96
 */
export function upperQuantile(tail: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
