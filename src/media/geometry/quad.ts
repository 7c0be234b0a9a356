/**
 * Quadrilaterals as the readers meet them: the outline of a photographed sheet, and the upright
 * rectangle it is flattened to.
 */
import { distance, type Point, type Quad } from './point';

/** The outer corners of a `width` × `height` frame at the origin: (0, 0) to (width, height). */
export function frameCorners(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}

/** The four corner pixels of a `width` × `height` image: (0, 0) to (width − 1, height − 1). */
export function cornerPixels(width: number, height: number): Quad {
  return frameCorners(width - 1, height - 1);
}

/** Mean width (top and bottom sides) and mean height (left and right sides) of `quad`. */
export function quadSides(quad: Quad): { width: number; height: number } {
  const [tl, tr, br, bl] = quad;
  return {
    width: (distance(tl, tr) + distance(bl, br)) / 2,
    height: (distance(tl, bl) + distance(tr, br)) / 2,
  };
}

/** Area of a simple polygon (shoelace formula). */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/**
 * The corners of a blob of pixels (given as row-major indices in an image `width` wide): its
 * extreme points along the two diagonals — top-left = min(x+y), top-right = max(x−y),
 * bottom-right = max(x+y), bottom-left = min(x−y); on a tie the first pixel listed wins. Exact
 * for any convex quadrilateral turned less than ~40°, which covers a phone held over paper.
 *
 * @example
 * extremeCorners(Int32Array.of(0, 1, 2, 3), 2); // [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }]
 */
export function extremeCorners(pixels: ArrayLike<number>, width: number): Quad {
  let topLeft = Infinity;
  let topRight = -Infinity;
  let bottomRight = -Infinity;
  let bottomLeft = Infinity;
  const corners: [Point, Point, Point, Point] = [
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
  ];
  for (let i = 0; i < pixels.length; i++) {
    const index = pixels[i]!;
    const x = index % width;
    const y = (index - x) / width;
    const sum = x + y;
    const diff = x - y;
    if (sum < topLeft) {
      topLeft = sum;
      corners[0] = { x, y };
    }
    if (diff > topRight) {
      topRight = diff;
      corners[1] = { x, y };
    }
    if (sum > bottomRight) {
      bottomRight = sum;
      corners[2] = { x, y };
    }
    if (diff < bottomLeft) {
      bottomLeft = diff;
      corners[3] = { x, y };
    }
  }
  return corners;
}
