/**
 * Plain pixel grids for the image readers: decode through sharp once, then everything in typed
 * arrays, so each step is a loop a reader can follow.
 */

/** One 8-bit channel, row-major. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface ColourImage {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row-major. */
  data: Uint8Array;
}

/** Rec. 601 luma. */
export function toGrey(image: ColourImage): GreyImage {
  const out = new Uint8Array(image.width * image.height);
  const d = image.data;
  for (let i = 0, o = 0; o < out.length; i += 3, o++) out[o] = (d[i]! * 299 + d[i + 1]! * 587 + d[i + 2]! * 114) / 1000;
  return { width: image.width, height: image.height, data: out };
}

/** Average of each `factor`×`factor` block (a cheap, alias-free shrink). */
export function shrinkColour(image: ColourImage, factor: number): ColourImage {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8Array(width * height * 3);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let i = ((y * factor + dy) * image.width + x * factor) * 3;
        for (let dx = 0; dx < factor; dx++, i += 3) {
          r += image.data[i]!;
          g += image.data[i + 1]!;
          b += image.data[i + 2]!;
        }
      }
      const o = (y * width + x) * 3;
      out[o] = r / area;
      out[o + 1] = g / area;
      out[o + 2] = b / area;
    }
  }
  return { width, height, data: out };
}
