/**
 * Flattens the photographed sheet to an upright, fixed-width image. After this, lines on the
 * sheet are horizontal and vertical again and sizes are in thousandths of its width.
 */
import type { Quad } from '../geometry/point';
import type { GreyImage } from '../raster/image';
import { flattenQuad } from '../raster/warp';

/** Flattened sheets are this wide: a ballot box is then ~50–65 px and a pen stroke 2–6 px. */
export const SHEET_WIDTH = 800;

/**
 * The sheet inside `corners` (TL, TR, BR, BL) as an upright image `SHEET_WIDTH` wide and
 * `SHEET_WIDTH × aspect` high.
 *
 * @example
 * const sheet = rectifySheet(grey, outline.corners, outline.aspect);
 */
export function rectifySheet(image: GreyImage, corners: Quad, aspect: number): GreyImage {
  return flattenQuad(image, corners, SHEET_WIDTH, Math.round(SHEET_WIDTH * aspect));
}
