/**
 * Finds the voting boxes on a flattened sheet without knowing its layout: a box is a top and a
 * bottom edge — horizontal ink segments of the same length and position, as far apart as they
 * are long — joined by ink down both sides. Text strokes are too short to be edges, table rules
 * too long, and a voter's cross or tick is diagonal, so it neither makes nor breaks a box.
 */
import type { Bounds } from '../geometry/bounds';
import type { GreyImage } from '../raster/image';

/** A box's outer edges (`Bounds`, in sheet pixels) and how thick its outline is printed. */
export interface DetectedBox extends Bounds {
  /** Thickness of the outline's top and bottom edges. */
  stroke: number;
}

/** A horizontal run of ink, as the pixels it covers. */
type Segment = Bounds;

/** Edges shorter than this share of the sheet width are letters; boxes are ~6–8%. */
const MIN_EDGE_SHARE = 0.03;
/** Edges longer than this are table rules. */
const MAX_EDGE_SHARE = 0.16;
/** Top and bottom edges may differ this much in position and length (residual perspective). */
const EDGE_TOLERANCE = 0.2;
/** A side counts as drawn when ink runs down this share of it. */
const SIDE_COVERAGE = 0.75;

/**
 * Every box-shaped outline on the sheet, in no particular order.
 *
 * @example
 * const boxes = findBoxes(binarizeAdaptive(sheet)); // [{ left: 640, right: 694, top: 402, bottom: 457, stroke: 4 }, …]
 */
export function findBoxes(ink: GreyImage): DetectedBox[] {
  const minEdge = Math.round(ink.width * MIN_EDGE_SHARE);
  const maxEdge = Math.round(ink.width * MAX_EDGE_SHARE);
  const segments = horizontalSegments(ink, minEdge).filter((s) => {
    const length = s.right - s.left + 1;
    return length >= minEdge && length <= maxEdge && s.bottom - s.top + 1 <= Math.max(10, 0.3 * length);
  });
  segments.sort((a, b) => a.top - b.top);
  const boxes: DetectedBox[] = [];
  const used = new Set<Segment>();
  for (const top of segments) {
    if (used.has(top)) continue;
    const length = top.right - top.left + 1;
    let best: { segment: Segment; misfit: number } | null = null;
    for (const bottom of segments) {
      if (bottom === top || used.has(bottom) || bottom.top <= top.bottom) continue;
      const gap = (bottom.top + bottom.bottom - top.top - top.bottom) / 2;
      if (gap < 0.7 * length) continue;
      if (gap > 1.4 * length) break;
      const shift = Math.max(Math.abs(bottom.left - top.left), Math.abs(bottom.right - top.right));
      if (shift > EDGE_TOLERANCE * length) continue;
      const misfit = Math.abs(gap / length - 1) + shift / length;
      if (!best || misfit < best.misfit) best = { segment: bottom, misfit };
    }
    if (!best) continue;
    const bottom = best.segment;
    // A pen stroke crossing an edge can only lengthen it, so the shorter extent is the printed one.
    const box = {
      left: Math.max(top.left, bottom.left),
      right: Math.min(top.right, bottom.right),
      top: top.top,
      bottom: bottom.bottom,
      stroke: Math.max(top.bottom - top.top, bottom.bottom - bottom.top) + 1,
    };
    if (!sideDrawn(ink, box, 'left') || !sideDrawn(ink, box, 'right')) continue;
    used.add(top);
    used.add(bottom);
    boxes.push(box);
  }
  return boxes;
}

/** Pixels on horizontal ink runs of at least `minRun`, grouped into 8-connected segments. */
function horizontalSegments(ink: GreyImage, minRun: number): Segment[] {
  const { width, height, data } = ink;
  const onRun = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && data[y * width + x] === 1;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minRun) onRun.fill(1, y * width + start, y * width + x);
        start = -1;
      }
    }
  }
  const segments: Segment[] = [];
  const stack: number[] = [];
  for (let i = 0; i < onRun.length; i++) {
    if (onRun[i] !== 1) continue;
    const segment = { left: width, right: 0, top: height, bottom: 0 };
    onRun[i] = 2;
    stack.push(i);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      if (x < segment.left) segment.left = x;
      if (x > segment.right) segment.right = x;
      if (y < segment.top) segment.top = y;
      if (y > segment.bottom) segment.bottom = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (onRun[q] === 1) {
            onRun[q] = 2;
            stack.push(q);
          }
        }
      }
    }
    segments.push(segment);
  }
  return segments;
}

/** Whether ink runs down the box's left or right edge (within a band as wide as the stroke). */
function sideDrawn(ink: GreyImage, box: DetectedBox, side: 'left' | 'right'): boolean {
  const band = Math.max(3, box.stroke + 4);
  const from = side === 'left' ? box.left - 2 : box.right - band + 2;
  const to = from + band;
  let covered = 0;
  const rows = box.bottom - box.top - 2 * box.stroke;
  if (rows <= 0) return false;
  for (let y = box.top + box.stroke; y < box.bottom - box.stroke; y++) {
    for (let x = Math.max(0, from); x <= Math.min(ink.width - 1, to); x++) {
      if (ink.data[y * ink.width + x] === 1) {
        covered++;
        break;
      }
    }
  }
  return covered >= SIDE_COVERAGE * rows;
}
