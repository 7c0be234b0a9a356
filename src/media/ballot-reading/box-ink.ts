/**
 * How much of a box the voter inked: the share of ink pixels inside the outline, keeping clear
 * of the printed outline itself so an empty box reads ~0 however thick it is printed.
 */
import type { DetectedBox } from './find-boxes';
import type { GreyImage } from './raster';

/** Keep this share of the side away from the outline (blur spreads the printed edge inwards). */
const INSET_SHARE = 0.08;

/**
 * Share of the box's interior covered by ink, 0–1.
 *
 * @example
 * inkShare(ink, box); // 0.003 for an empty box, 0.1–0.4 for a cross
 */
export function inkShare(ink: GreyImage, box: DetectedBox): number {
  const inset = box.stroke + Math.round(INSET_SHARE * (box.right - box.left));
  const left = box.left + inset;
  const right = box.right - inset;
  const top = box.top + inset;
  const bottom = box.bottom - inset;
  if (right <= left || bottom <= top) return 0;
  let inked = 0;
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) inked += ink.data[y * ink.width + x]!;
  }
  return inked / ((right - left + 1) * (bottom - top + 1));
}
