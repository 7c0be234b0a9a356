/**
 * Takes a simulated phone photo of a flat picture (a ballot sheet, a page): the picture is laid
 * on a textured table, seen through a real perspective transform, lit unevenly, blurred, given
 * sensor noise and compressed as JPEG. The warp is done here pixel by pixel (inverse mapping with
 * bilinear sampling) because sharp has affine transforms but no perspective.
 */
import sharp from 'sharp';
import { homographyFromQuads, type Homography } from '../media/geometry/homography';
import { distance, type Point } from '../media/geometry/point';
import { frameCorners } from '../media/geometry/quad';
import type { PhotoConditions } from './photo-conditions';
import { uniform, type SeededRandom } from './seeded';

export interface Photo {
  jpeg: Buffer;
  width: number;
  height: number;
  /** Where the picture's corners landed (top-left, top-right, bottom-right, bottom-left). */
  corners: Point[];
}

/**
 * Photographs an SVG picture of `aspect` (height / width) under `conditions`. The SVG is
 * rasterised at the size it will occupy in the photo, so thin lines survive as they would.
 *
 * @example
 * const photo = await photographSvg(sheet.svg, sheet.height / sheet.width, randomPhotoConditions(rng), rng);
 */
export async function photographSvg(
  svg: string,
  aspect: number,
  conditions: PhotoConditions,
  rng: SeededRandom,
): Promise<Photo> {
  const width = conditions.landscape ? conditions.longSide : Math.round(conditions.longSide * 0.75);
  const height = conditions.landscape ? Math.round(conditions.longSide * 0.75) : conditions.longSide;
  const corners = placeSheet(width, height, aspect, conditions, rng);
  const sheetWidth = Math.max(
    200,
    Math.round(Math.max(distance(corners[0]!, corners[1]!), distance(corners[3]!, corners[2]!)) * 1.1),
  );
  const svgWidth = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 1000);
  const flat = await sharp(Buffer.from(svg), { density: (72 * sheetWidth) / svgWidth })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const toSheet = homographyFromQuads(corners, frameCorners(flat.info.width, flat.info.height));
  const pixels = renderScene(
    flat.data,
    flat.info.width,
    flat.info.height,
    width,
    height,
    toSheet,
    conditions,
    rng,
  );
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (conditions.blurSigma >= 0.3) image = image.blur(conditions.blurSigma);
  const jpeg = await image.jpeg({ quality: conditions.jpegQuality, chromaSubsampling: '4:2:0' }).toBuffer();
  return { jpeg, width, height, corners };
}

/** The sheet's corners in the photo: scaled to the fill, rotated, tilted, kept inside the frame. */
function placeSheet(
  width: number,
  height: number,
  aspect: number,
  conditions: PhotoConditions,
  rng: SeededRandom,
): Point[] {
  let sheetHeight = conditions.sheetFill * height;
  if (sheetHeight / aspect > 0.92 * width) sheetHeight = 0.92 * width * aspect;
  const angle = (conditions.rotationDegrees * Math.PI) / 180;
  const tilt = conditions.perspective * 0.08;
  const keystoneX = uniform(rng, -tilt, tilt);
  const keystoneY = uniform(rng, -tilt, tilt) * 0.5;
  const jitter = Array.from({ length: 8 }, () => uniform(rng, -1, 1) * tilt * 0.3);
  const centreJitter = { x: uniform(rng, -1, 1), y: uniform(rng, -1, 1) };
  for (let attempt = 0; ; attempt++) {
    const h = sheetHeight * Math.pow(0.95, attempt);
    const w = h / aspect;
    const local = [
      { x: -0.5 * (1 - keystoneX), y: -0.5 * (1 - keystoneY) },
      { x: 0.5 * (1 - keystoneX), y: -0.5 * (1 + keystoneY) },
      { x: 0.5 * (1 + keystoneX), y: 0.5 * (1 + keystoneY) },
      { x: -0.5 * (1 + keystoneX), y: 0.5 * (1 - keystoneY) },
    ].map((p, i) => ({ x: (p.x + jitter[2 * i]!) * w, y: (p.y + jitter[2 * i + 1]!) * h }));
    const rotated = local.map((p) => ({
      x: p.x * Math.cos(angle) - p.y * Math.sin(angle),
      y: p.x * Math.sin(angle) + p.y * Math.cos(angle),
    }));
    const xs = rotated.map((p) => p.x);
    const ys = rotated.map((p) => p.y);
    const slackX = width * 0.96 - (Math.max(...xs) - Math.min(...xs));
    const slackY = height * 0.96 - (Math.max(...ys) - Math.min(...ys));
    if ((slackX < 0 || slackY < 0) && attempt < 40) continue;
    const cx =
      width / 2 + (centreJitter.x * Math.max(0, slackX)) / 2 - (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy =
      height / 2 + (centreJitter.y * Math.max(0, slackY)) / 2 - (Math.max(...ys) + Math.min(...ys)) / 2;
    return rotated.map((p) => ({ x: p.x + cx, y: p.y + cy }));
  }
}

/** Every photo pixel: the sheet (bilinear) or the table, times the light, plus noise. */
function renderScene(
  sheet: Buffer,
  sheetWidth: number,
  sheetHeight: number,
  width: number,
  height: number,
  toSheet: Homography,
  conditions: PhotoConditions,
  rng: SeededRandom,
): Buffer {
  const out = Buffer.alloc(width * height * 3);
  const light = lightingField(width, height, conditions, rng);
  // What is left of the white balance after the phone corrects it: a few per cent per channel.
  const cast = [uniform(rng, 0.95, 1.04), uniform(rng, 0.97, 1.03), uniform(rng, 0.93, 1.04)] as const;
  const [br, bg, bb] = conditions.background;
  const grainFrequency = uniform(rng, 0.01, 0.04);
  const grainWarp = uniform(rng, 0.002, 0.01);
  const grainAngle = uniform(rng, 0, Math.PI);
  const ca = Math.cos(grainAngle);
  const sa = Math.sin(grainAngle);
  const noise = conditions.noiseSigma;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toSheet;
  const rgb = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    const py = y + 0.5;
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const w = h6 * px + h7 * py + h8;
      const sx = (h0 * px + h1 * py + h2) / w;
      const sy = (h3 * px + h4 * py + h5) / w;
      if (sx >= 0 && sy >= 0 && sx < sheetWidth - 1 && sy < sheetHeight - 1) {
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        const i00 = (y0 * sheetWidth + x0) * 3;
        const i01 = i00 + sheetWidth * 3;
        for (let c = 0; c < 3; c++) {
          const top = sheet[i00 + c]! * (1 - fx) + sheet[i00 + 3 + c]! * fx;
          const bottom = sheet[i01 + c]! * (1 - fx) + sheet[i01 + 3 + c]! * fx;
          rgb[c] = top * (1 - fy) + bottom * fy;
        }
      } else {
        const u = x * ca + y * sa;
        const v = -x * sa + y * ca;
        const grain = 1 + 0.09 * Math.sin(u * grainFrequency + 6 * Math.sin(v * grainWarp));
        rgb[0] = br * grain;
        rgb[1] = bg * grain;
        rgb[2] = bb * grain;
      }
      const l = light[y * width + x]!;
      const shared = rng.nextNormal() * noise;
      const o = (y * width + x) * 3;
      out[o] = clamp(rgb[0]! * l * cast[0] + shared);
      out[o + 1] = clamp(rgb[1]! * l * cast[1] + shared + rng.nextNormal() * noise * 0.3);
      out[o + 2] = clamp(rgb[2]! * l * cast[2] + shared);
    }
  }
  return out;
}

/** Exposure × a linear fall-off × a vignette × an optional soft shadow, per pixel. */
function lightingField(
  width: number,
  height: number,
  conditions: PhotoConditions,
  rng: SeededRandom,
): Float32Array {
  const field = new Float32Array(width * height);
  const direction = uniform(rng, 0, 2 * Math.PI);
  const gx = Math.cos(direction) * conditions.lightingGradient;
  const gy = Math.sin(direction) * conditions.lightingGradient;
  const vignette = uniform(rng, 0, 0.25);
  const shadow = conditions.shadow
    ? {
        x: uniform(rng, 0, width),
        y: uniform(rng, 0, height),
        r: uniform(rng, 0.2, 0.45) * Math.max(width, height),
        depth: uniform(rng, 0.2, 0.45),
      }
    : null;
  for (let y = 0; y < height; y++) {
    const ny = y / height - 0.5;
    for (let x = 0; x < width; x++) {
      const nx = x / width - 0.5;
      // The lit side keeps full exposure; the far side loses up to `lightingGradient` of it.
      let l = conditions.brightness * (1 - conditions.lightingGradient / 2 + (gx * nx + gy * ny));
      l *= 1 - vignette * (nx * nx + ny * ny) * 2;
      if (shadow) {
        const d = Math.hypot(x - shadow.x, y - shadow.y) / shadow.r;
        if (d < 1) l *= 1 - shadow.depth * smoothstep(1 - d);
      }
      field[y * width + x] = l;
    }
  }
  return field;
}

function smoothstep(t: number): number {
  const c = Math.min(1, Math.max(0, t * 2.5));
  return c * c * (3 - 2 * c);
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
