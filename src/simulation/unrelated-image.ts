/**
 * Pictures that are not ballots, as spam floods send them: abstract shapes and gradients,
 * flesh-toned blobs standing in for the obscene pictures of the 2021 attack (abstract — nothing
 * real is depicted), meme-style captioned pictures, and photos of other paperwork. All JPEG,
 * reproducible from a seed.
 */
import sharp from 'sharp';
import { wrap } from './ballot-sheet-svg';
import { randomPhotoConditions } from './photo-conditions';
import { photographSvg } from './photograph';
import { chance, createRng, escapeXml, pick, uniform, type SeededRandom } from './seeded';

export type UnrelatedKind = 'shapes' | 'flesh-blobs' | 'meme' | 'document';

export const UNRELATED_KINDS: readonly UnrelatedKind[] = ['shapes', 'flesh-blobs', 'meme', 'document'];

export interface UnrelatedImage {
  jpeg: Buffer;
  kind: UnrelatedKind;
}

/**
 * A non-ballot JPEG of the given kind (or one drawn from the seed).
 *
 * @example
 * const { jpeg, kind } = await generateUnrelatedImage({ seed: 4 }); // kind: 'meme'
 */
export async function generateUnrelatedImage(options: {
  seed: number;
  kind?: UnrelatedKind;
}): Promise<UnrelatedImage> {
  const rng = createRng(options.seed);
  const kind = options.kind ?? pick(rng, UNRELATED_KINDS);
  if (kind === 'document') {
    const { svg, aspect } = documentSvg(rng);
    const photo = await photographSvg(svg, aspect, randomPhotoConditions(rng), rng);
    return { jpeg: photo.jpeg, kind };
  }
  const width = Math.round(uniform(rng, 600, 1400));
  const height = Math.round(width * pick(rng, [0.75, 1, 1.33, 1.78]));
  const body =
    kind === 'shapes'
      ? shapes(rng, width, height)
      : kind === 'flesh-blobs'
        ? fleshBlobs(rng, width, height)
        : meme(rng, width, height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`;
  const jpeg = await sharp(Buffer.from(svg))
    .jpeg({ quality: Math.round(uniform(rng, 50, 92)) })
    .toBuffer();
  return { jpeg, kind };
}

function randomColour(rng: SeededRandom): string {
  return `rgb(${rng.nextInt(256)},${rng.nextInt(256)},${rng.nextInt(256)})`;
}

function gradientBackground(rng: SeededRandom, id: string): string {
  return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="${uniform(rng, 0, 1).toFixed(2)}" y2="1"><stop offset="0" stop-color="${randomColour(rng)}"/><stop offset="1" stop-color="${randomColour(rng)}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#${id})"/>`;
}

/** Circles, rectangles (some only outlined, like boxes) and polygons over a gradient. */
function shapes(rng: SeededRandom, width: number, height: number): string {
  const parts = [gradientBackground(rng, 'bg')];
  const count = 5 + rng.nextInt(25);
  for (let i = 0; i < count; i++) {
    const x = uniform(rng, 0, width);
    const y = uniform(rng, 0, height);
    const size = uniform(rng, 0.03, 0.3) * width;
    const outlined = chance(rng, 0.35);
    const paint = outlined
      ? `fill="none" stroke="${randomColour(rng)}" stroke-width="${uniform(rng, 2, 8).toFixed(1)}"`
      : `fill="${randomColour(rng)}" fill-opacity="${uniform(rng, 0.4, 1).toFixed(2)}"`;
    const shape = rng.nextInt(3);
    if (shape === 0)
      parts.push(`<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(size / 2).toFixed(0)}" ${paint}/>`);
    else if (shape === 1)
      parts.push(
        `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${size.toFixed(0)}" height="${(size * uniform(rng, 0.6, 1.5)).toFixed(0)}" ${paint}/>`,
      );
    else {
      const points = Array.from(
        { length: 3 + rng.nextInt(4) },
        () => `${(x + uniform(rng, -size, size)).toFixed(0)},${(y + uniform(rng, -size, size)).toFixed(0)}`,
      );
      parts.push(`<polygon points="${points.join(' ')}" ${paint}/>`);
    }
  }
  return parts.join('');
}

/** Soft overlapping skin-toned ellipses with shading: abstract, but what a flood looked like at a glance. */
function fleshBlobs(rng: SeededRandom, width: number, height: number): string {
  const tones = ['#f1c27d', '#e0ac69', '#c68642', '#8d5524', '#ffdbac', '#e8b598'];
  const parts = [
    `<defs><radialGradient id="shade"><stop offset="0.4" stop-color="#fff" stop-opacity="0.25"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></radialGradient><filter id="soft"><feGaussianBlur stdDeviation="${uniform(rng, 4, 14).toFixed(1)}"/></filter></defs>`,
    `<rect width="100%" height="100%" fill="${pick(rng, ['#3b2a2a', '#5a3d3d', '#d8c8c0', '#2a2030', '#704040'])}"/>`,
    '<g filter="url(#soft)">',
  ];
  const count = 3 + rng.nextInt(6);
  for (let i = 0; i < count; i++) {
    const cx = uniform(rng, 0.1, 0.9) * width;
    const cy = uniform(rng, 0.1, 0.9) * height;
    const rx = uniform(rng, 0.1, 0.35) * width;
    const ry = uniform(rng, 0.1, 0.35) * height;
    const angle = uniform(rng, 0, 180);
    const ellipse = `cx="${cx.toFixed(0)}" cy="${cy.toFixed(0)}" rx="${rx.toFixed(0)}" ry="${ry.toFixed(0)}" transform="rotate(${angle.toFixed(0)} ${cx.toFixed(0)} ${cy.toFixed(0)})"`;
    parts.push(`<ellipse ${ellipse} fill="${pick(rng, tones)}"/><ellipse ${ellipse} fill="url(#shade)"/>`);
  }
  parts.push('</g>');
  return parts.join('');
}

const MEME_WORDS = [
  'VOTE',
  'LOL',
  'WHEN',
  'THE',
  'BOT',
  'SAYS',
  'NOPE',
  'ОНИ',
  'ГОЛОСУЙ',
  'ВСЁ',
  'ЯСНО',
  'МЕН',
  'СЕН',
  'ПОБЕДА',
  'FAKE',
  'REAL',
];

/** A picture with a big outlined caption at the top and bottom. */
function meme(rng: SeededRandom, width: number, height: number): string {
  const caption = (): string =>
    Array.from({ length: 2 + rng.nextInt(4) }, () => pick(rng, MEME_WORDS)).join(' ');
  const size = width * uniform(rng, 0.07, 0.11);
  const text = (y: number, content: string): string =>
    `<text x="${width / 2}" y="${y.toFixed(0)}" font-family="DejaVu Sans" font-weight="bold" font-size="${size.toFixed(0)}" text-anchor="middle" fill="#fff" stroke="#000" stroke-width="${(size / 14).toFixed(1)}">${escapeXml(content)}</text>`;
  const picture = chance(rng, 0.5) ? shapes(rng, width, height) : fleshBlobs(rng, width, height);
  return `${picture}${text(size * 1.2, caption())}${text(height - size * 0.5, caption())}`;
}

/** A page of running text with a heading and an underlined signature line, on paper. */
function documentSvg(rng: SeededRandom): { svg: string; aspect: number } {
  const width = 1000;
  const aspect = uniform(rng, 1.3, 1.45);
  const height = Math.round(width * aspect);
  const words = [
    'заявление',
    'прошу',
    'выдать',
    'справку',
    'о',
    'месте',
    'работы',
    'для',
    'предъявления',
    'по',
    'требованию',
    'акт',
    'приёма',
    'передачи',
    'оборудования',
    'дата',
    'подпись',
  ];
  const parts = [
    `<text x="500" y="140" font-size="34" font-weight="bold" text-anchor="middle">${escapeXml(pick(rng, ['ЗАЯВЛЕНИЕ', 'АКТ', 'СПРАВКА', 'ДОГОВОР']))}</text>`,
  ];
  let y = 220;
  while (y < height - 200) {
    const paragraph = Array.from({ length: 20 + rng.nextInt(40) }, () => pick(rng, words)).join(' ');
    for (const line of wrap(paragraph, 840, 20)) {
      parts.push(`<text x="80" y="${y}" font-size="20">${escapeXml(line)}</text>`);
      y += 28;
    }
    y += 24;
  }
  parts.push(`<path d="M560 ${height - 120} H920" stroke="#111" stroke-width="2"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#f6f4ee"/><g font-family="DejaVu Sans" fill="#151515">${parts.join('')}</g></svg>`;
  return { svg, aspect };
}
