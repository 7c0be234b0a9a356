/** A point in image pixels. */
export interface Point {
  x: number;
  y: number;
}

/** Four corners in the order top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** A single-channel (grey) image as raw bytes, row after row. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The projective transform (3×3, last entry 1, row-major) that carries each `from[i]` onto
 * `to[i]`: the eight unknowns solved from the four point pairs by Gaussian elimination.
 *
 * @example
 * const h = homography(rectCorners(100, 50), photoQuad);
 * mapPoint(h, { x: 0, y: 0 }); // photoQuad[0]
 */
export function homography(from: Quad, to: Quad): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let column = 0; column < 8; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < 8; row += 1)
      if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    if (Math.abs(rows[pivot]![column]!) < 1e-12) throw new Error('homography: the corners are collinear');
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    for (let row = 0; row < 8; row += 1) {
      if (row === column) continue;
      const factor = rows[row]![column]! / rows[column]![column]!;
      for (let k = column; k < 9; k += 1) rows[row]![k]! -= factor * rows[column]![k]!;
    }
  }
  return [...rows.map((row, i) => row[8]! / row[i]!), 1];
}

export function mapPoint(h: readonly number[], { x, y }: Point): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return { x: (h[0]! * x + h[1]! * y + h[2]!) / w, y: (h[3]! * x + h[4]! * y + h[5]!) / w };
}

/** The corners of a `width` × `height` rectangle at the origin. */
export function rectCorners(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width - 1, y: 0 },
    { x: width - 1, y: height - 1 },
    { x: 0, y: height - 1 },
  ];
}

/**
 * Resamples `source` so that the region `quad` fills a `width` × `height` image (bilinear);
 * pixels that fall outside the source take `outside`. With `channels` > 1 the data is
 * interleaved (as sharp's raw output is).
 *
 * @example
 * const flat = warpQuad(photo, 3, pageQuad, 1700, 1100, 200);
 */
export function warpQuad(
  source: { data: Uint8Array; width: number; height: number },
  channels: number,
  quad: Quad,
  width: number,
  height: number,
  outside: number,
): Uint8Array {
  return warp(source, channels, homography(rectCorners(width, height), quad), width, height, outside);
}

/**
 * Resamples `source` into a `width` × `height` image whose pixel (x, y) is the source's pixel
 * at `mapPoint(h, {x, y})` (bilinear; outside the source: `outside`).
 */
export function warp(
  source: { data: Uint8Array; width: number; height: number },
  channels: number,
  h: readonly number[],
  width: number,
  height: number,
  outside: number,
): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  const { data, width: sw, height: sh } = source;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const sx = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const sy = (h[3]! * x + h[4]! * y + h[5]!) / w;
      const target = (y * width + x) * channels;
      if (sx < 0 || sy < 0 || sx > sw - 1 || sy > sh - 1) {
        out.fill(outside, target, target + channels);
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(sw - 1, x0 + 1);
      const y1 = Math.min(sh - 1, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < channels; c += 1) {
        const top = data[(y0 * sw + x0) * channels + c]! * (1 - fx) + data[(y0 * sw + x1) * channels + c]! * fx;
        const bottom = data[(y1 * sw + x0) * channels + c]! * (1 - fx) + data[(y1 * sw + x1) * channels + c]! * fx;
        out[target + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}
