import sharp from 'sharp';
import type { ElectionDefinition } from '../../domain/election/election-definition';
import { figureSlots } from '../../flows/observer/protocol-figures';
import { findFigureCells, type FigureCell } from './figure-cells';
import type { GreyImage } from '../raster/image';
import { otsuThreshold } from '../raster/otsu';
import { locatePrecinctNumber, locateRows } from './locate-rows';
import type { OcrEngine, OcrLine } from './ocr-engine';
import { MID_GREY, rectifyPage } from './page-rectify';

/** A figure read by the machine: always shown as such, never entered without a moderator. */
export interface FigureSuggestion {
  key: string;
  value: number;
  /** The engine's confidence, 0–100. */
  confidence: number;
  source: 'machine-read';
}

export interface PageSuggestions {
  precinctNumber: { value: string; confidence: number; source: 'machine-read' } | null;
  figures: FigureSuggestion[];
}

/**
 * Below this confidence a figure is not suggested at all: a wrong suggestion costs more than
 * none (a tired moderator may accept it), so the reader abstains. Chosen from bench/ocr.ts:
 * on rendered and photographed pages every wrong reading it saw scored below it.
 */
export const MIN_FIGURE_CONFIDENCE = 80;

/**
 * Reads a photographed protocol page: flattens it (tilt and perspective out), finds the ruled
 * figure boxes, matches them to the form's figures (in print order when every box is found,
 * else by the row label beside each box), and reads each box on its own as digits only, at two
 * sizes that must agree.
 * Unsure readings are left out rather than guessed.
 *
 * @example
 * const { figures } = await suggestFigures(engine, jpeg, election.definition);
 * // [{ key: '1', value: 1000, confidence: 91, source: 'machine-read' }, …]
 */
export async function suggestFigures(
  engine: OcrEngine,
  image: Buffer,
  election: ElectionDefinition,
): Promise<PageSuggestions> {
  const page = await rectifyPage(image);
  const lines = await engine.readPage(await toPng(page));
  const figures: FigureSuggestion[] = [];
  for (const { key, cell } of cellsByKey(findFigureCells(page), lines, election)) {
    const crop = await cellInterior(page, cell);
    if (!crop) continue;
    const read = await agreedReading(engine, crop);
    if (!read || !/^\d{1,7}$/.test(read.text) || read.confidence < MIN_FIGURE_CONFIDENCE) continue;
    figures.push({ key, value: Number(read.text), confidence: Math.round(read.confidence), source: 'machine-read' });
  }
  const precinct = locatePrecinctNumber(lines);
  return {
    precinctNumber: precinct && { ...precinct, confidence: Math.round(precinct.confidence), source: 'machine-read' },
    figures,
  };
}

/**
 * Which figure each box holds. A page with exactly one box per figure prints them in the form's
 * order; otherwise (a form split over pages, a box not found) a box belongs to the row whose
 * label the engine read level with it.
 */
function cellsByKey(
  cells: readonly FigureCell[],
  lines: readonly OcrLine[],
  election: ElectionDefinition,
): Array<{ key: string; cell: FigureCell }> {
  const slots = figureSlots(election);
  if (cells.length === slots.length) return slots.map((slot, i) => ({ key: slot.key, cell: cells[i]! }));
  const matched: Array<{ key: string; cell: FigureCell }> = [];
  for (const row of locateRows(lines, election)) {
    const middle = (row.line.bbox.y0 + row.line.bbox.y1) / 2;
    const cell = cells.find((c) => c.left > row.line.bbox.x0 && middle >= c.top - 4 && middle <= c.bottom + 4);
    if (cell && !matched.some((m) => m.cell === cell)) matched.push({ key: row.key, cell });
  }
  return matched;
}

/**
 * The inside of a box, binarised, with what is left of its border erased, padded and scaled
 * so digits stand about 40 px tall — or `null` for an empty box (nothing written, nothing read).
 */
async function cellInterior(page: GreyImage, cell: FigureCell): Promise<Buffer | null> {
  const inset = Math.max(2, Math.round((cell.bottom - cell.top) * 0.08));
  const left = cell.left + inset;
  const top = cell.top + inset;
  const width = cell.right - inset - left;
  const height = cell.bottom - inset - top;
  if (width < 8 || height < 8) return null;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1)
    pixels.set(page.data.subarray((top + y) * page.width + left, (top + y) * page.width + left + width), y * width);
  const threshold = Math.min(170, otsuThreshold(pixels) ?? MID_GREY);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = pixels[i]! <= threshold ? 0 : 255;
  eraseEdgeInk(pixels, width, height);
  const ink = pixels.reduce((sum, value) => sum + (value === 0 ? 1 : 0), 0);
  if (ink < width * height * 0.01) return null;
  const scale = Math.min(3, Math.max(1, 56 / height));
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .resize({ width: Math.round(width * scale), height: Math.round(height * scale), kernel: 'cubic' })
    .extend({ top: 16, bottom: 16, left: 16, right: 16, background: '#ffffff' })
    // A density stops the engine's "invalid resolution" guess.
    .withMetadata({ density: 300 })
    .png()
    .toBuffer();
}

/**
 * Clears ink connected to the crop's edge: the remains of the box's border, which the engine
 * would otherwise read as stray 1s. Digits sit inside the box and never touch its edge.
 */
function eraseEdgeInk(pixels: Uint8Array, width: number, height: number): void {
  const stack: number[] = [];
  const push = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = y * width + x;
    if (pixels[i] !== 0) return;
    pixels[i] = 255;
    stack.push(i);
  };
  for (let x = 0; x < width; x += 1) {
    push(x, 0);
    push(x, height - 1);
  }
  for (let y = 0; y < height; y += 1) {
    push(0, y);
    push(width - 1, y);
  }
  while (stack.length > 0) {
    const i = stack.pop()!;
    const x = i % width;
    const y = (i - x) / width;
    push(x + 1, y);
    push(x - 1, y);
    push(x, y + 1);
    push(x, y - 1);
  }
}

/**
 * The box read at its own size and again enlarged, kept only when two readings agree: a 6
 * taken for a 5 at one size is rarely taken for it at the other, and a wrong suggestion costs
 * more than none. A size at which nothing is seen (a lone digit in a wide box) is skipped for
 * the next one. The confidence is the lower of the two.
 */
async function agreedReading(engine: OcrEngine, crop: Buffer): Promise<{ text: string; confidence: number } | null> {
  const readings: Array<{ text: string; confidence: number }> = [];
  for (const scale of [1, 2, 3]) {
    const read = await engine.readDigits(scale === 1 ? crop : await enlarged(crop, scale));
    const text = read.text.replace(/\s+/g, '');
    if (text !== '') readings.push({ text, confidence: read.confidence });
    if (readings.length === 2) break;
  }
  const [first, second] = readings;
  if (!first || !second || first.text !== second.text) return null;
  return { text: first.text, confidence: Math.min(first.confidence, second.confidence) };
}

async function enlarged(png: Buffer, scale: number): Promise<Buffer> {
  const { width = 1 } = await sharp(png).metadata();
  return sharp(png).resize({ width: width * scale }).withMetadata({ density: 300 }).png().toBuffer();
}

function toPng(page: GreyImage): Promise<Buffer> {
  return sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .withMetadata({ density: 300 })
    .png()
    .toBuffer();
}
