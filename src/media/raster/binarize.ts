/**
 * Ink versus paper, as an image of 1 (ink) and 0 (paper). Two ways: against one grey level for
 * the whole image (a scan or a flattened page, evenly lit), or Bradley & Roth's adaptive
 * threshold (J. Graphics Tools 12(2), 2007) for a photo under uneven light — a pixel is ink when
 * it is clearly darker than the mean of its neighbourhood, computed for every pixel at once from
 * an integral image. A shadow darkens the paper and the ink together, so their ratio, and the
 * verdict, survive it.
 */
import type { GreyImage } from './image';

/** A pixel this much darker than its surroundings is ink (15%: pencil on white is ~40% darker). */
const DARKER_BY = 0.15;
/** Neighbourhood side as a share of the width: larger than a ballot box, smaller than a shadow. */
const WINDOW_SHARE = 1 / 12;
/**
 * …and at least this many grey levels darker: in a dark, noisy region (a table in shadow) a
 * 15% dip is sensor noise, not ink. Pencil in a dim shadow still clears it by ~2×.
 */
const MIN_CONTRAST = 10;

/**
 * 1 where there is ink, 0 where there is paper.
 *
 * @example
 * const ink = binarizeAdaptive(sheet); // ink.data[y * ink.width + x] === 1 on the lines
 */
export function binarizeAdaptive(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const integral = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    for (let x = 0; x < width; x++) {
      rowSum += data[y * width + x]!;
      integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1]! + rowSum;
    }
  }
  const half = Math.max(4, Math.round((width * WINDOW_SHARE) / 2));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y1 = Math.max(0, y - half);
    const y2 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x++) {
      const x1 = Math.max(0, x - half);
      const x2 = Math.min(width, x + half + 1);
      const sum =
        integral[y2 * (width + 1) + x2]! -
        integral[y1 * (width + 1) + x2]! -
        integral[y2 * (width + 1) + x1]! +
        integral[y1 * (width + 1) + x1]!;
      const count = (x2 - x1) * (y2 - y1);
      const value = data[y * width + x]! * count;
      out[y * width + x] = value < sum * (1 - DARKER_BY) && sum - value > MIN_CONTRAST * count ? 1 : 0;
    }
  }
  return { width, height, data: out };
}

/**
 * 1 where the grey is at most `threshold` (ink), 0 elsewhere.
 *
 * @example
 * const ink = binarizeBelow(page, otsuThreshold(page.data) ?? 127);
 */
export function binarizeBelow(image: GreyImage, threshold: number): GreyImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! <= threshold ? 1 : 0;
  return { width, height, data: out };
}
