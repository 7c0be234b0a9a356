import type { ElectionDefinition } from '../../domain/election/election-definition';
import { figureSlots } from '../../flows/observer/protocol-figures';
import type { OcrEngine } from './ocr-engine';
import { protocolPagePhoto } from './protocol-page';
import { suggestFigures } from './protocol-suggestions';

export interface OcrMeasurement {
  pages: number;
  lines: number;
  /** Lines whose suggested figure equals the truth (a missing suggestion counts as wrong). */
  correct: number;
  /** Lines with a suggestion at all. */
  suggested: number;
  precinctNumbersCorrect: number;
  msPerPage: number;
}

/**
 * Renders `pages` protocol photos with known figures (seeded: repeatable), reads them back and
 * counts how often the suggestion is right. Shared by bench/ocr.ts and the OCR accuracy test.
 *
 * @example
 * const m = await measureOcr(engine, election, { pages: 4, seed: 1 });
 * console.log(m.correct / m.lines);
 */
export async function measureOcr(
  engine: OcrEngine,
  election: ElectionDefinition,
  options: { pages: number; seed: number },
): Promise<OcrMeasurement> {
  const random = seededRandom(options.seed);
  const slots = figureSlots(election);
  const result = { pages: options.pages, lines: 0, correct: 0, suggested: 0, precinctNumbersCorrect: 0, msPerPage: 0 };
  let elapsed = 0;
  for (let page = 0; page < options.pages; page += 1) {
    // Figures from 0 to 4 digits, as precinct protocols have them.
    const figures = Object.fromEntries(slots.map((slot) => [slot.key, Math.floor(10 ** (random() * 4))]));
    const precinctNumber = String(1 + Math.floor(random() * 999));
    const photo = await protocolPagePhoto(
      election,
      { precinctNumber, figures, locale: page % 3 === 2 ? 'kk' : 'ru' },
      { rotateDegrees: (random() * 2 - 1) * 1.5, noise: 0.04 + random() * 0.08, quality: 70, seed: page + 1 },
    );
    const started = performance.now();
    const suggestions = await suggestFigures(engine, photo, election);
    elapsed += performance.now() - started;
    const byKey = new Map(suggestions.figures.map((s) => [s.key, s.value]));
    for (const slot of slots) {
      result.lines += 1;
      if (byKey.has(slot.key)) result.suggested += 1;
      if (byKey.get(slot.key) === figures[slot.key]) result.correct += 1;
    }
    if (suggestions.precinctNumber?.value === precinctNumber) result.precinctNumbersCorrect += 1;
  }
  result.msPerPage = Math.round(elapsed / options.pages);
  return result;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}
