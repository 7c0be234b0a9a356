import sharp from 'sharp';
import type { Point, Quad } from '../geometry/point';
import { extremeCorners, quadSides } from '../geometry/quad';
import type { GreyImage } from '../raster/image';
import { otsuThreshold } from '../raster/otsu';
import { warpQuad } from '../raster/warp';

/** The longest side of the thumbnail the page outline is looked for in (noise averages out). */
const OUTLINE_SIZE = 400;
/** A grey level the form's threshold falls back to where a region is of one grey (no split). */
export const MID_GREY = 127;

/**
 * The photographed page flattened: the paper's outline is found (paper is lighter than what
 * it lies on), and its four corners are pulled out to a rectangle, so that tilt, rotation and
 * perspective are gone and the form's ruled cells are straight again. A scan or a rendered page
 * (paper to the edges) comes back as it was, in grey.
 *
 * @example
 * const page = await rectifyPage(jpeg); // { data, width, height } in grey
 */
export async function rectifyPage(image: Buffer): Promise<GreyImage> {
  const grey = await sharp(image).rotate().grayscale().raw().toBuffer({ resolveWithObject: true });
  const full: GreyImage = { data: grey.data, width: grey.info.width, height: grey.info.height };
  const quad = await pageOutline(full);
  if (!quad) return full;
  const sides = quadSides(quad);
  const width = Math.round(sides.width);
  const height = Math.round(sides.height);
  return { data: warpQuad(full, 1, quad, width, height, 255), width, height };
}

/**
 * The paper's corners in `page`: on a blurred thumbnail, pixels lighter than Otsu's threshold
 * are paper; the corners are the paper pixels furthest towards each corner of the image
 * (extremes of x + y and x − y), which holds for any tilt a phone photo has. `null` when the
 * paper fills the image (nothing to flatten) or no paper stands out.
 */
async function pageOutline(page: GreyImage): Promise<Quad | null> {
  const scale = OUTLINE_SIZE / Math.max(page.width, page.height);
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize({ width: Math.max(1, Math.round(page.width * scale)) })
    .blur(2)
    // sharp writes three channels from a one-channel raw input unless told otherwise.
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const threshold = otsuThreshold(data) ?? MID_GREY;
  const paper: number[] = [];
  for (let i = 0; i < info.width * info.height; i += 1) if (data[i]! > threshold) paper.push(i);
  // The paper must be most of the photo; otherwise the threshold split something else.
  if (paper.length < info.width * info.height * 0.3) return null;
  const [tl, tr, br, bl] = extremeCorners(paper, info.width);
  const margin = 2;
  const touchesEdges = tl.x + tl.y <= margin && br.x >= info.width - 1 - margin && br.y >= info.height - 1 - margin;
  if (touchesEdges) return null;
  // Back to full-size pixels; a thumbnail pixel covers 1/scale of them, centred.
  const up = (p: Point): Point => ({ x: (p.x + 0.5) / scale - 0.5, y: (p.y + 0.5) / scale - 0.5 });
  return [up(tl), up(tr), up(br), up(bl)];
}
