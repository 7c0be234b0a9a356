import sharp from 'sharp';
import type { ElectionDefinition } from '../../domain/election/election-definition';

/** What to print on a synthetic protocol page: the precinct number and the figures by key. */
export interface ProtocolPageContent {
  precinctNumber: string;
  figures: Record<string, number>;
  /** Which label language to print (the demo form is filled in Russian or Kazakh). */
  locale?: 'ru' | 'kk';
}

/** How the photographed page is degraded: small rotation (degrees), pixel noise (0–1), JPEG quality. */
export interface PhotoConditions {
  rotateDegrees?: number;
  noise?: number;
  quality?: number;
  /** Seed for the noise, so a bench run is repeatable. */
  seed?: number;
}

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
  const { data, info } = await sharp(svg)
    .rotate(conditions.rotateDegrees ?? 0, { background: '#d8d4c8' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const noise = conditions.noise ?? 0;
  if (noise > 0) {
    let state = (conditions.seed ?? 1) >>> 0;
    for (let i = 0; i < data.length; i += 1) {
      // xorshift32: repeatable noise without a dependency.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const jitter = (((state >>> 0) / 0xffffffff) * 2 - 1) * 255 * noise;
      data[i] = Math.max(0, Math.min(255, data[i]! + jitter));
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: conditions.quality ?? 80 })
    .toBuffer();
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
