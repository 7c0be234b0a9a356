/**
 * Plane-to-plane projective maps (homographies): how a flat sheet photographed at an angle maps
 * to the picture, and back. Shared by the ballot reader and the protocol reader (to flatten the
 * photographed paper) and the photo simulators (to tilt a flat sheet into a photo); pure arithmetic.
 */
import type { Point } from './point';

/** A 3×3 matrix in row order with the last entry fixed at 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/**
 * The homography taking each `from[i]` to `to[i]` (four pairs, no three points on a line), from
 * the 8×8 linear system of the direct linear transform.
 *
 * @example
 * const h = homographyFromQuads(
 *   [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }],
 *   [{ x: 10, y: 10 }, { x: 30, y: 12 }, { x: 31, y: 40 }, { x: 9, y: 38 }],
 * );
 * applyHomography(h, { x: 1, y: 0 }); // ≈ { x: 30, y: 12 }
 */
export function homographyFromQuads(from: readonly Point[], to: readonly Point[]): Homography {
  if (from.length !== 4 || to.length !== 4) throw new Error('homographyFromQuads: needs four point pairs');
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const h = solveLinearSystem(rows);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

/** Where `p` lands under `h`. */
export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + h[8];
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

/** Gaussian elimination with partial pivoting on an augmented n×(n+1) matrix. */
function solveLinearSystem(augmented: number[][]): number[] {
  const n = augmented.length;
  const m = augmented.map((row) => row.slice());
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) {
      throw new Error('homographyFromQuads: degenerate quadrilateral (three corners collinear)');
    }
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const pivotRow = m[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r]!;
      const factor = row[col]! / pivotRow[col]!;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) row[c]! -= factor * pivotRow[c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
