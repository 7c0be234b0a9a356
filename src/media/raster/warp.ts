/**
 * Flattening: every pixel of an upright output image is looked up in the source through a
 * homography (inverse mapping, bilinear sampling). sharp has affine transforms but no
 * perspective, so this is done here. Two conventions, because the two readers were tuned on them:
 * - `warp` / `warpQuad` (the protocol reader and its page simulator): output pixel (x, y) is the
 *   source at h(x, y); what falls outside the source takes a fixed value (paper white, table);
 *   any number of interleaved channels; levels rounded.
 * - `flattenQuad` (the ballot reader): output pixel centres, sampled at source pixel centres;
 *   beyond the photo's edge its edge pixels repeat (a sheet cut by the frame stays paper, not a
 *   fill); one grey channel; levels truncated, as the ballot thresholds were measured with.
 */
import { homographyFromQuads, type Homography } from '../geometry/homography';
import type { Quad } from '../geometry/point';
import { cornerPixels, frameCorners } from '../geometry/quad';
import type { GreyImage } from './image';

/** Pixels of `channels` interleaved bytes each, row-major (sharp's raw output). */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Resamples `source` so that the region `quad` fills a `width` × `height` image: the quad's
 * corners land on the centres of the output's corner pixels.
 *
 * @example
 * const flat = warpQuad(photo, 3, pageQuad, 1700, 1100, 200);
 */
export function warpQuad(source: Raster, channels: number, quad: Quad, width: number, height: number, outside: number): Uint8Array {
  return warp(source, channels, homographyFromQuads(cornerPixels(width, height), quad), width, height, outside);
}

/**
 * Resamples `source` into a `width` × `height` image whose pixel (x, y) is the source's pixel
 * at `applyHomography(h, {x, y})` (bilinear; outside the source: `outside`).
 */
export function warp(
  source: Raster,
  channels: number,
  h: Homography,
  width: number,
  height: number,
  outside: number,
): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  const { data, width: sw, height: sh } = source;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const w = h[6] * x + h[7] * y + h[8];
      const sx = (h[0] * x + h[1] * y + h[2]) / w;
      const sy = (h[3] * x + h[4] * y + h[5]) / w;
      const target = (y * width + x) * channels;
      if (sx < 0 || sy < 0 || sx > sw - 1 || sy > sh - 1) {
        out.fill(outside, target, target + channels);
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(sw - 1, x0 + 1);
      const y1 = Math.min(sh - 1, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < channels; c += 1) {
        const top = data[(y0 * sw + x0) * channels + c]! * (1 - fx) + data[(y0 * sw + x1) * channels + c]! * fx;
        const bottom = data[(y1 * sw + x0) * channels + c]! * (1 - fx) + data[(y1 * sw + x1) * channels + c]! * fx;
        out[target + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}

/**
 * The region inside `quad` (TL, TR, BR, BL, in source pixels) as an upright grey image
 * `width` × `height`: the quad's corners are the output's outer corners.
 *
 * @example
 * const sheet = flattenQuad(grey, outline.corners, 800, 1131);
 */
export function flattenQuad(image: GreyImage, quad: Quad, width: number, height: number): GreyImage {
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = homographyFromQuads(frameCorners(width, height), quad);
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
