import sharp, { type Sharp } from 'sharp';
import type { ElectionDefinition } from '../../domain/election/election-definition';
import { locatePrecinctNumber, locateRows, type LocatedRow } from './locate-rows';
import type { OcrEngine, OcrLine } from './ocr-engine';

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
 * Reads a photographed protocol page: finds each form row by its line number or choice name,
 * follows the row's baseline to the right-hand figure cell, and reads that cell as digits.
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
  const lines = await engine.readPage(image);
  const { width = 0, height = 0 } = await sharp(image).metadata();
  const figures: FigureSuggestion[] = [];
  const ascent = typicalAscent(lines, width);
  for (const row of locateRows(lines, election)) {
    const cell = figureCell(row, width, height, ascent);
    if (!cell) continue;
    const crop = await withoutRules(sharp(image).extract(cell));
    let read = await engine.readDigits(crop);
    // A lone digit in a wide, empty band is often skipped; read it again twice the size.
    if (longestNumber(read.text) === null) read = await engine.readDigits(await enlarged(crop));
    const value = longestNumber(read.text);
    if (value !== null) figures.push({ key: row.key, value, confidence: Math.round(read.confidence), source: 'machine-read' });
  }
  const precinct = locatePrecinctNumber(lines);
  return {
    precinctNumber: precinct && { ...precinct, confidence: Math.round(precinct.confidence), source: 'machine-read' },
    figures,
  };
}

/**
 * The band right of the row's text where its figure is written: the row's baseline extended to
 * the right edge (so a tilted photo is followed), from a little above the tallest figure to just
 * below the baseline — measured in the page's own letter height, so any resolution works.
 */
function figureCell(row: LocatedRow, width: number, height: number, ascent: number) {
  const { baseline, bbox } = row.line;
  const slope = baseline.x1 > baseline.x0 ? (baseline.y1 - baseline.y0) / (baseline.x1 - baseline.x0) : 0;
  const left = Math.max(Math.round(width * 0.7), Math.min(bbox.x1, Math.round(width * 0.7)));
  const right = width - 2;
  if (right - left < 20) return undefined;
  const baselineAt = (x: number) => baseline.y0 + slope * (x - baseline.x0);
  const top = Math.max(0, Math.round(Math.min(baselineAt(left), baselineAt(right)) - ascent * 1.55));
  const bottom = Math.min(height, Math.round(Math.max(baselineAt(left), baselineAt(right)) + ascent * 0.35));
  if (bottom - top < 8) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * The page's capital-letter height: the median distance from a line's top to its baseline,
 * over lines that end before the figure column (a figure cell's border would inflate it).
 */
function typicalAscent(lines: readonly OcrLine[], width: number): number {
  const plain = lines.filter((line) => line.bbox.x1 < width * 0.7);
  const ascents = (plain.length > 0 ? plain : lines)
    .map((line) => {
      const { baseline, bbox } = line;
      const slope = baseline.x1 > baseline.x0 ? (baseline.y1 - baseline.y0) / (baseline.x1 - baseline.x0) : 0;
      // Tilted up to the right, the line's top is its right end: take the rise out.
      return baseline.y0 - bbox.y0 - Math.max(0, -slope * (bbox.x1 - bbox.x0));
    })
    .filter((value) => value > 4)
    .sort((a, b) => a - b);
  return ascents[Math.floor(ascents.length / 2)] ?? 16;
}

/**
 * Binarizes the crop and erases the cell's borders: ink runs far longer than any stroke of a
 * digit (horizontal runs over 40 px, vertical runs over 60% of the crop), which the engine
 * would otherwise read as stray 1s or lose the figure in.
 */
async function withoutRules(crop: Sharp): Promise<Buffer> {
  const { data, info } = await crop.grayscale().threshold(150).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const at = (x: number, y: number) => y * width + x;
  const eraseRuns = (length: number, count: number, index: (i: number, j: number) => number, longest: number) => {
    for (let i = 0; i < count; i += 1) {
      let runStart = -1;
      for (let j = 0; j <= length; j += 1) {
        const ink = j < length && data[index(i, j)]! < 128;
        if (ink && runStart < 0) runStart = j;
        if (!ink && runStart >= 0) {
          if (j - runStart > longest) for (let k = runStart; k < j; k += 1) data[index(i, k)] = 255;
          runStart = -1;
        }
      }
    }
  };
  eraseRuns(width, height, (y, x) => at(x, y), 40);
  eraseRuns(height, width, (x, y) => at(x, y), Math.round(height * 0.6));
  return sharp(data, { raw: { width, height, channels: 1 } })
    .extend({ top: 10, bottom: 10, left: 10, right: 10, background: '#ffffff' })
    // A density stops the engine's "invalid resolution" guess.
    .withMetadata({ density: 300 })
    .png()
    .toBuffer();
}

async function enlarged(png: Buffer): Promise<Buffer> {
  const { width = 1 } = await sharp(png).metadata();
  return sharp(png).resize({ width: width * 2 }).withMetadata({ density: 300 }).png().toBuffer();
}

/** The longest run of digits (cell borders read as stray `1`s around the figure are dropped). */
function longestNumber(text: string): number | null {
  const runs = text.match(/\d+/g);
  if (!runs) return null;
  const longest = runs.reduce((best, run) => (run.length > best.length ? run : best));
  return Number(longest);
}
