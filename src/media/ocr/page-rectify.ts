import sharp from 'sharp';
import { warpQuad, type GreyImage, type Point, type Quad } from './homography';

/** The longest side of the thumbnail the page outline is looked for in (noise averages out). */
const OUTLINE_SIZE = 400;

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
  const width = Math.round((distance(quad[0], quad[1]) + distance(quad[3], quad[2])) / 2);
  const height = Math.round((distance(quad[0], quad[3]) + distance(quad[1], quad[2])) / 2);
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
  const threshold = otsu(data);
  const best = { tl: Infinity, tr: -Infinity, br: -Infinity, bl: -Infinity };
  const corners: Record<keyof typeof best, Point> = {
    tl: { x: 0, y: 0 },
    tr: { x: 0, y: 0 },
    br: { x: 0, y: 0 },
    bl: { x: 0, y: 0 },
  };
  let paper = 0;
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      if (data[y * info.width + x]! <= threshold) continue;
      paper += 1;
      const point = { x, y };
      if (x + y < best.tl) [best.tl, corners.tl] = [x + y, point];
      if (x - y > best.tr) [best.tr, corners.tr] = [x - y, point];
      if (x + y > best.br) [best.br, corners.br] = [x + y, point];
      if (y - x > best.bl) [best.bl, corners.bl] = [y - x, point];
    }
  }
  // The paper must be most of the photo; otherwise the threshold split something else.
  if (paper < info.width * info.height * 0.3) return null;
  const margin = 2;
  const touchesEdges =
    corners.tl.x + corners.tl.y <= margin &&
    corners.br.x >= info.width - 1 - margin &&
    corners.br.y >= info.height - 1 - margin;
  if (touchesEdges) return null;
  // Back to full-size pixels; a thumbnail pixel covers 1/scale of them, centred.
  const up = (p: Point): Point => ({ x: (p.x + 0.5) / scale - 0.5, y: (p.y + 0.5) / scale - 0.5 });
  return [up(corners.tl), up(corners.tr), up(corners.br), up(corners.bl)];
}

/** Otsu's threshold of a grey histogram: the split that best separates the two tones. */
export function otsu(data: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const value of data) histogram[value]! += 1;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i += 1) sum += i * histogram[i]!;
  let below = 0;
  let sumBelow = 0;
  let best = { threshold: 127, variance: -1 };
  for (let t = 0; t < 256; t += 1) {
    below += histogram[t]!;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    sumBelow += t * histogram[t]!;
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > best.variance) best = { threshold: t, variance };
  }
  return best.threshold;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
