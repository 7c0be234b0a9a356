/**
 * Finds the paper in a photo: paper is bright and colourless, the table under it darker or
 * coloured. Pixels are scored by brightness minus saturation, split in two by Otsu's threshold,
 * and the largest paper-like region is taken; its corners are its extreme points along the two
 * diagonals, which is exact for any convex quadrilateral turned less than ~40°.
 */
import type { Point, Quad } from '../geometry/point';
import { extremeCorners, polygonArea, quadSides } from '../geometry/quad';
import { shrinkColour, type ColourImage } from '../raster/image';
import { otsuThreshold } from '../raster/otsu';

export interface SheetOutline {
  /** Top-left, top-right, bottom-right, bottom-left, in the image's pixels. */
  corners: Quad;
  /** The region's share of the photo. */
  areaShare: number;
  /** The region's share of its own quadrilateral: ~1 for a sheet, lower for blobs. */
  solidity: number;
  /** Height over width of the quadrilateral (A4 portrait ≈ 1.41). */
  aspect: number;
}

/** Paper detection runs on a ~250 px thumbnail: the sheet's edge is large-scale structure. */
const DETECTION_LONG_SIDE = 250;
/** Saturation counts more than brightness: a dim sheet is still grey, a bright table rarely is. */
const SATURATION_PENALTY = 1.2;
/** Share of the gap between Otsu's split and the table's mean grey still counted as paper. */
const SHADOW_SLACK = 0.3;

/**
 * The sheet's outline, or null when no paper-like region covers a tenth of the photo.
 *
 * @example
 * const sheet = findSheet(await decodeForReading(jpeg));
 * sheet?.corners[0]; // { x: 112, y: 95 }
 */
export function findSheet(image: ColourImage): SheetOutline | null {
  const factor = Math.max(1, Math.round(Math.max(image.width, image.height) / DETECTION_LONG_SIDE));
  const small = shrinkColour(image, factor);
  const { width, height } = small;
  const score = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < score.length; i++, p += 3) {
    const r = small.data[p]!;
    const g = small.data[p + 1]!;
    const b = small.data[p + 2]!;
    const luma = (r * 299 + g * 587 + b * 114) / 1000;
    const saturation = Math.max(r, g, b) - Math.min(r, g, b);
    score[i] = Math.max(0, Math.min(255, luma - SATURATION_PENALTY * saturation));
  }
  // A photo of one grey has no split: every pixel above zero counts as paper.
  const otsu = otsuThreshold(score) ?? 0;
  // Hysteresis-like slack: a sheet corner in shadow sits just under Otsu's split; the table,
  // far below it, stays out.
  let below = 0;
  let belowSum = 0;
  for (const v of score) {
    if (v > otsu) continue;
    below++;
    belowSum += v;
  }
  const threshold = below > 0 ? otsu - SHADOW_SLACK * (otsu - belowSum / below) : otsu;
  const region = largestRegion(score, width, threshold);
  if (region.size < 0.1 * width * height) return null;
  const up = (p: Point): Point => ({ x: (p.x + 0.5) * factor, y: (p.y + 0.5) * factor });
  const [tl, tr, br, bl] = extremeCorners(region.pixels, width);
  const corners: Quad = [up(tl), up(tr), up(br), up(bl)];
  const quadArea = polygonArea(corners) / (factor * factor);
  const { width: horizontal, height: vertical } = quadSides(corners);
  return {
    corners,
    areaShare: region.size / (width * height),
    solidity: quadArea > 0 ? Math.min(1, region.size / quadArea) : 0,
    aspect: horizontal > 0 ? vertical / horizontal : 0,
  };
}

/** The largest 4-connected region of pixels above `threshold`, as pixel indices. */
function largestRegion(score: Uint8Array, width: number, threshold: number): { size: number; pixels: Int32Array } {
  const label = new Int32Array(score.length);
  const stack = new Int32Array(score.length);
  let best: Int32Array = new Int32Array(0);
  let next = 0;
  for (let start = 0; start < score.length; start++) {
    if (label[start] !== 0 || score[start]! <= threshold) continue;
    next++;
    let top = 0;
    let count = 0;
    const members: number[] = [];
    stack[top++] = start;
    label[start] = next;
    while (top > 0) {
      const p = stack[--top]!;
      members.push(p);
      count++;
      const x = p % width;
      const neighbours = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, p - width, p + width];
      for (const q of neighbours) {
        if (q < 0 || q >= score.length || label[q] !== 0 || score[q]! <= threshold) continue;
        label[q] = next;
        stack[top++] = q;
      }
    }
    if (count > best.length) best = Int32Array.from(members);
  }
  return { size: best.length, pixels: best };
}
