/**
 * How much of a box the voter inked: the share of pixels inside the outline clearly darker than
 * the paper inside that same box, keeping clear of the printed outline itself so an empty box
 * reads ~0 however thick it is printed. Judged against the box's own paper (its median grey), not
 * the wider neighbourhood, so a faint pencil tick in a shadow still stands out.
 */
import type { DetectedBox } from './find-boxes';
import type { GreyImage } from '../raster/image';

/** Keep this share of the side away from the outline (blur spreads the printed edge inwards). */
const INSET_SHARE = 0.08;
/** Ink is this much darker than the box's paper: 10%, and at least 3× typical sensor noise. */
const DARKER_BY = 0.1;
const MIN_CONTRAST = 12;

/**
 * Share of the box's interior covered by ink, 0–1.
 *
 * @example
 * inkShare(flatSheet, box); // 0.003 for an empty box, 0.1–0.4 for a cross
 */
export function inkShare(sheet: GreyImage, box: DetectedBox): number {
  const inset = box.stroke + Math.round(INSET_SHARE * (box.right - box.left));
  const left = box.left + inset;
  const right = box.right - inset;
  const top = box.top + inset;
  const bottom = box.bottom - inset;
  if (right <= left || bottom <= top) return 0;
  const histogram = new Uint32Array(256);
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) histogram[sheet.data[y * sheet.width + x]!]!++;
  }
  const area = (right - left + 1) * (bottom - top + 1);
  let paper = 0;
  for (let seen = 0; paper < 255 && seen + histogram[paper]! <= area / 2; paper++) seen += histogram[paper]!;
  const limit = Math.min(paper * (1 - DARKER_BY), paper - MIN_CONTRAST);
  let inked = 0;
  for (let v = 0; v < limit; v++) inked += histogram[v]!;
  return inked / area;
}
