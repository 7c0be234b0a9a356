/**
 * Decoding a ballot photo for reading: through sharp once, upright and at a working size; from
 * here on the reader works on plain pixel grids (`../raster`).
 */
import sharp from 'sharp';
import type { ColourImage } from '../raster/image';

/** Photos are read at this size: sheet lines stay 2–5 px wide and a photo costs ~1 MP of work. */
export const WORKING_LONG_SIDE = 1000;

/**
 * Decodes any image sharp reads, upright (EXIF orientation applied), shrunk to fit
 * `WORKING_LONG_SIDE`, as RGB.
 *
 * @example
 * const colour = await decodeForReading(jpegBytes); // { width: 750, height: 1000, data }
 */
export async function decodeForReading(image: Buffer): Promise<ColourImage> {
  const { data, info } = await sharp(image, { limitInputPixels: 50_000_000 })
    .rotate()
    .resize(WORKING_LONG_SIDE, WORKING_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
