import jsQR from 'jsqr';
import sharp from 'sharp';

/**
 * The text a QR code image holds (PNG, JPEG, SVG, or an SVG data URL), read the way a phone
 * camera would: from pixels. `null` when no code can be read.
 *
 * @example
 * await decodeQr(invite.qr); // 'https://t.me/dauys_observer_bot?start=K7QX2M9PRT'
 */
export async function decodeQr(image: Buffer | string): Promise<string | null> {
  const bytes =
    typeof image === 'string' ? Buffer.from(image.replace(/^data:[^,]*;base64,/, ''), 'base64') : image;
  const { data, info } = await sharp(bytes, { density: 300 })
    .flatten({ background: '#ffffff' })
    .resize({ width: 400, kernel: 'nearest' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return (
    jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ??
    null
  );
}
