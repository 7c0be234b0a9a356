/**
 * Flattens the photographed sheet: every pixel of an upright, fixed-width sheet is looked up in
 * the photo through the homography of the sheet's four corners (bilinear sampling). After this,
 * lines on the sheet are horizontal and vertical again and sizes are in thousandths of its width.
 */
import { homographyFromQuads, type Point } from './homography';
import type { GreyImage } from './raster';

/** Flattened sheets are this wide: a ballot box is then ~50–65 px and a pen stroke 2–6 px. */
export const SHEET_WIDTH = 800;

/**
 * The sheet inside `corners` (TL, TR, BR, BL) as an upright image `SHEET_WIDTH` wide and
 * `SHEET_WIDTH × aspect` high.
 *
 * @example
 * const sheet = rectifySheet(grey, outline.corners, outline.aspect);
 */
export function rectifySheet(image: GreyImage, corners: readonly Point[], aspect: number): GreyImage {
  const width = SHEET_WIDTH;
  const height = Math.round(SHEET_WIDTH * aspect);
  const h = homographyFromQuads(
    [
      { x: 0, y: 0 },
      { x: width, y: 0 },
      { x: width, y: height },
      { x: 0, y: height },
    ],
    corners,
  );
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h;
  const out = new Uint8Array(width * height);
  const src = image.data;
  const sw = image.width;
  for (let y = 0; y < height; y++) {
    const py = y + 0.5;
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const w = h6 * px + h7 * py + h8;
      const sx = Math.min(Math.max((h0 * px + h1 * py + h2) / w - 0.5, 0), sw - 1.001);
      const sy = Math.min(Math.max((h3 * px + h4 * py + h5) / w - 0.5, 0), image.height - 1.001);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * sw + x0;
      const top = src[i]! * (1 - fx) + src[i + 1]! * fx;
      const bottom = src[i + sw]! * (1 - fx) + src[i + sw + 1]! * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width, height, data: out };
}
