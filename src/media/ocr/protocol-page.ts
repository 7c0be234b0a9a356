import sharp from 'sharp';
import type { ElectionDefinition } from '../../domain/election/election-definition';
import { applyHomography, homographyFromQuads } from '../geometry/homography';
import type { Quad } from '../geometry/point';
import { cornerPixels } from '../geometry/quad';
import { warp, type Raster } from '../raster/warp';
import { xorshift } from './xorshift';

/** What to print on a synthetic protocol page: the precinct number and the figures by key. */
export interface ProtocolPageContent {
  precinctNumber: string;
  figures: Record<string, number>;
  /** Which label language to print (the demo form is filled in Russian or Kazakh). */
  locale?: 'ru' | 'kk';
}

/**
 * How the photographed page is degraded: small rotation (degrees), pixel noise (0–1), JPEG
 * quality, and — as a phone held over a table takes it — perspective and blur.
 */
export interface PhotoConditions {
  rotateDegrees?: number;
  noise?: number;
  quality?: number;
  /**
   * Perspective: the page lies on a table and each corner is moved by up to this share of the
   * page's width (0.04 is a phone held a little off square).
   */
  perspective?: number;
  /** Out-of-focus blur, as a Gaussian sigma in pixels. */
  blur?: number;
  /** Seed for the noise and the corners, so a bench run is repeatable. */
  seed?: number;
}

/** What the page lies on in a photo: darker than paper, as a desk or a table is. */
const TABLE = { r: 122, g: 110, b: 96 };

const WIDTH = 1700;
const ROW = 46;
const LABEL_CHARS = 95;

/**
 * Renders a results protocol as a form is printed — title, precinct number, one row per line
 * ("4. label ……… 590"), per-choice lines as indented sub-rows — into SVG. Used to measure OCR
 * on pages whose truth is known, and as protocol photos in tests.
 *
 * @example
 * const svg = protocolPageSvg(election, { precinctNumber: '101', figures: { '1': 1000 } });
 */
export function protocolPageSvg(election: ElectionDefinition, content: ProtocolPageContent): string {
  const locale = content.locale ?? 'ru';
  const rows: string[] = [];
  let y = 190;
  const text = (x: number, value: string, size = 22, weight = 'normal', anchor = 'start') =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}">${escapeXml(value)}</text>`;
  const figureCell = (value: number | undefined) =>
    `<rect x="${WIDTH - 260}" y="${y - 30}" width="200" height="40" fill="none" stroke="#222" stroke-width="2"/>` +
    (value === undefined ? '' : text(WIDTH - 80, String(value), 28, 'bold', 'end'));
  for (const line of election.protocol.lines) {
    const label = truncate(line.labels[locale], LABEL_CHARS);
    if (line.perChoice) {
      rows.push(text(60, `${line.number}. ${label}`));
      y += ROW;
      for (const choice of election.choices) {
        rows.push(text(120, choice.names[locale]), figureCell(content.figures[`${line.number}.${choice.id}`]));
        y += ROW;
      }
    } else {
      rows.push(text(60, `${line.number}. ${label}`), figureCell(content.figures[String(line.number)]));
      y += ROW;
    }
  }
  const height = y + 80;
  const title = truncate(election.protocol.names?.[locale] ?? '', 110);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}">
<rect width="100%" height="100%" fill="#fbfaf6"/>
<text x="${WIDTH / 2}" y="60" font-family="DejaVu Sans" font-size="22" text-anchor="middle">${escapeXml(title)}</text>
<text x="60" y="120" font-family="DejaVu Sans" font-size="30" font-weight="bold">${locale === 'kk' ? 'Учаске' : 'Участок'} № ${escapeXml(content.precinctNumber)}</text>
${rows.join('\n')}
</svg>`;
}

/**
 * The page as a phone photo: rendered, slightly rotated, with noise, as JPEG.
 *
 * @example
 * const jpeg = await protocolPagePhoto(election, content, { rotateDegrees: 1.5, noise: 0.08, seed: 7 });
 */
export async function protocolPagePhoto(
  election: ElectionDefinition,
  content: ProtocolPageContent,
  conditions: PhotoConditions = {},
): Promise<Buffer> {
  const svg = Buffer.from(protocolPageSvg(election, content));
  const random = xorshift(conditions.seed ?? 1);
  const rendered = await sharp(svg)
    .rotate(conditions.rotateDegrees ?? 0, { background: TABLE })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let image: Raster = { data: new Uint8Array(rendered.data), width: rendered.info.width, height: rendered.info.height };
  if (conditions.perspective) image = onTable(image, conditions.perspective, random);
  const noise = conditions.noise ?? 0;
  if (noise > 0)
    for (let i = 0; i < image.data.length; i += 1)
      image.data[i] = Math.max(0, Math.min(255, image.data[i]! + (random() * 2 - 1) * 255 * noise));
  const photo = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  if (conditions.blur) photo.blur(conditions.blur);
  return photo.jpeg({ quality: conditions.quality ?? 80 }).toBuffer();
}

/**
 * The page photographed lying on a table: a margin of table around it, and each corner moved
 * by up to `amount` of the page's width, as a phone held off square sees it.
 */
function onTable(page: Raster, amount: number, random: () => number) {
  const margin = Math.round(page.width * 0.06);
  const width = page.width + 2 * margin;
  const height = page.height + 2 * margin;
  const jitter = () => (random() * 2 - 1) * amount * page.width;
  const corners = cornerPixels(page.width, page.height).map((corner) => ({
    x: corner.x + margin + jitter(),
    y: corner.y + margin + jitter(),
  })) as unknown as Quad;
  const toPage = homographyFromQuads(corners, cornerPixels(page.width, page.height));
  const data = warp(page, 3, toPage, width, height, 0);
  // Pixels that fell off the page show the table.
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const p = applyHomography(toPage, { x, y });
      if (p.x >= 0 && p.y >= 0 && p.x <= page.width - 1 && p.y <= page.height - 1) continue;
      data.set([TABLE.r, TABLE.g, TABLE.b], (y * width + x) * 3);
    }
  return { data, width, height };
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
