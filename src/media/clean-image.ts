import crypto from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { wideDifferenceHash } from './perceptual-hash';

export interface ImageLimits {
  /** Largest decoded image accepted: a decompression bomb stops here, before it is decoded. */
  maxInputPixels: number;
  /** The stored copy is shrunk to fit this many pixels on its longer side (ballots stay legible). */
  maxStoredSide: number;
  thumbSide: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxInputPixels: 50_000_000,
  maxStoredSide: 4096,
  thumbSide: 320,
};

export interface CleanImage {
  /** The stored JPEG: upright, re-encoded, without any metadata. */
  data: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  /** sha256 of `data`, hex: the content address. */
  sha256: string;
  /** 256-bit difference hash, hex (see `wideDifferenceHash`). */
  phash: string;
}

/** The input is not an image we accept; `reason` is safe to store and show to a moderator. */
export class ImageRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImageRejected';
  }
}

/**
 * Makes a photo safe to keep: decodes it strictly (`failOn: 'error'`, a pixel limit against
 * decompression bombs), turns it upright from its EXIF orientation, then re-encodes it with no
 * metadata at all — no EXIF, no GPS, no XMP/IPTC, no ICC profile (sharp writes none unless
 * asked). Returns the clean bytes, a thumbnail, the sha256 content address and a perceptual hash.
 *
 * @example
 * const clean = await cleanImage(downloadedBytes);
 * await storeContentAddressed(mediaDir, clean);
 */
export async function cleanImage(input: Buffer, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<CleanImage> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { failOn: 'error', limitInputPixels: limits.maxInputPixels }).metadata();
  } catch {
    throw new ImageRejected('not a readable image');
  }
  if (!metadata.format || !['jpeg', 'png', 'webp', 'heif', 'tiff'].includes(metadata.format)) {
    throw new ImageRejected(`unsupported image format: ${metadata.format ?? 'unknown'}`);
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > limits.maxInputPixels) {
    throw new ImageRejected(`image is over ${limits.maxInputPixels} pixels`);
  }
  let stored: { data: Buffer; info: OutputInfo };
  try {
    stored = await sharp(input, { failOn: 'error', limitInputPixels: limits.maxInputPixels })
      .rotate()
      .resize({ width: limits.maxStoredSide, height: limits.maxStoredSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 88 })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new ImageRejected(`image cannot be decoded: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  const thumb = await sharp(stored.data)
    .resize({ width: limits.thumbSide, height: limits.thumbSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 70 })
    .toBuffer();
  return {
    data: stored.data,
    thumb,
    width: stored.info.width,
    height: stored.info.height,
    sha256: crypto.createHash('sha256').update(stored.data).digest('hex'),
    phash: await wideDifferenceHash(stored.data),
  };
}
