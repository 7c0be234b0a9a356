import type { ElectionDefinition } from '../../domain/election/election-definition';
import { figureSlots } from '../../flows/observer/protocol-figures';
import type { OcrEngine } from './ocr-engine';
import { protocolPagePhoto, type PhotoConditions } from './protocol-page';
import { suggestFigures } from './protocol-suggestions';
import { xorshift } from './xorshift';

/** How the measured pages are made: rendered flat (a scan), or photographed on a table. */
export type OcrPageKind = 'flat' | 'photo';

export interface OcrMeasurement {
  kind: OcrPageKind;
  pages: number;
  lines: number;
  /** Lines whose suggested figure equals the truth. */
  correct: number;
  /** Lines with a suggestion that differs from the truth: the costly kind of error. */
  wrong: number;
  /** Lines the reader left without a suggestion (unsure, or the box not found). */
  abstained: number;
  precinctNumbersCorrect: number;
  msPerPage: number;
}

/**
 * The photo conditions of page `page` of a `kind` run: flat pages are clean renders; photos
 * are tilted up to 1.5°, seen in perspective (corners moved up to 3% of the width), blurred
 * (sigma 0.6–1.4), noisy (4–12%) and saved as JPEG at quality 70.
 */
function conditionsFor(kind: OcrPageKind, page: number, random: () => number): PhotoConditions {
  if (kind === 'flat') return { quality: 90 };
  return {
    rotateDegrees: (random() * 2 - 1) * 1.5,
    perspective: 0.03 * random(),
    blur: 0.6 + random() * 0.8,
    noise: 0.04 + random() * 0.08,
    quality: 70,
    seed: page + 1,
  };
}

/**
 * Renders `pages` protocol pages with known figures (seeded: repeatable), reads them back and
 * counts how often the suggestion is right, wrong, or withheld. Shared by bench/ocr.ts and
 * the OCR accuracy test.
 *
 * @example
 * const m = await measureOcr(engine, election, { pages: 4, seed: 1, kind: 'photo' });
 * console.log(m.wrong / m.lines);
 */
export async function measureOcr(
  engine: OcrEngine,
  election: ElectionDefinition,
  options: { pages: number; seed: number; kind: OcrPageKind },
): Promise<OcrMeasurement> {
  const random = xorshift(options.seed);
  const slots = figureSlots(election);
  const result: OcrMeasurement = {
    kind: options.kind,
    pages: options.pages,
    lines: 0,
    correct: 0,
    wrong: 0,
    abstained: 0,
    precinctNumbersCorrect: 0,
    msPerPage: 0,
  };
  let elapsed = 0;
  for (let page = 0; page < options.pages; page += 1) {
    // Figures from 0 to 4 digits, as precinct protocols have them.
    const figures = Object.fromEntries(slots.map((slot) => [slot.key, Math.floor(10 ** (random() * 4))]));
    const precinctNumber = String(1 + Math.floor(random() * 999));
    const photo = await protocolPagePhoto(
      election,
      { precinctNumber, figures, locale: page % 3 === 2 ? 'kk' : 'ru' },
      conditionsFor(options.kind, page, random),
    );
    const started = performance.now();
    const suggestions = await suggestFigures(engine, photo, election);
    elapsed += performance.now() - started;
    const byKey = new Map(suggestions.figures.map((s) => [s.key, s.value]));
    for (const slot of slots) {
      result.lines += 1;
      const suggested = byKey.get(slot.key);
      if (suggested === undefined) result.abstained += 1;
      else if (suggested === figures[slot.key]) result.correct += 1;
      else result.wrong += 1;
    }
    if (suggestions.precinctNumber?.value === precinctNumber) result.precinctNumbersCorrect += 1;
  }
  result.msPerPage = Math.round(elapsed / options.pages);
  return result;
}
