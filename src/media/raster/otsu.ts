/**
 * Otsu's threshold (IEEE Trans. SMC 9(1), 1979): the split of a grey histogram with the largest
 * between-class variance — the grey level that best separates the two tones of an image (paper
 * and what it lies on, ink and paper).
 */

/**
 * The threshold t (values ≤ t are the darker class), or null when there is nothing to split
 * (no values, or all of one grey): each caller then decides what a uniform image means to it.
 *
 * @example
 * otsuThreshold(Uint8Array.of(10, 12, 200, 210)); // 12
 * otsuThreshold(Uint8Array.of(90, 90)); // null
 */
export function otsuThreshold(values: Uint8Array): number | null {
  const histogram = new Float64Array(256);
  for (const v of values) histogram[v]!++;
  let total = 0;
  for (let v = 0; v < 256; v++) total += v * histogram[v]!;
  let below = 0;
  let belowSum = 0;
  let best: number | null = null;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    below += histogram[t]!;
    belowSum += t * histogram[t]!;
    const above = values.length - below;
    if (below === 0 || above === 0) continue;
    const meanBelow = belowSum / below;
    const meanAbove = (total - belowSum) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}
