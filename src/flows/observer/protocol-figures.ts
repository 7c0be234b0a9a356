import type { ProtocolFigures } from '../../domain/election/protocol-checks';
import type { ElectionDefinition, ProtocolLine } from '../../domain/election/election-definition';

/**
 * One figure the observer types: a line of the form, or one choice's figure on a per-choice
 * line. Keys match official results (`"4"`, `"6.nur-otan"`) so the sources line up.
 */
export interface FigureSlot {
  key: string;
  line: ProtocolLine;
  choiceId?: string;
}

/** The largest figure accepted as typed: no precinct has ten million of anything. */
export const MAX_FIGURE = 9_999_999;

/**
 * Every figure of the form in the order it is printed (per-choice lines in ballot order).
 *
 * @example
 * figureSlots(election).map((s) => s.key); // ['1', '2', '3', '4', '5', '6.ak-zhol', …, '7', '8']
 */
export function figureSlots(election: ElectionDefinition): FigureSlot[] {
  return election.protocol.lines.flatMap((line) =>
    line.perChoice
      ? election.choices.map((choice) => ({ key: `${line.number}.${choice.id}`, line, choiceId: choice.id }))
      : [{ key: String(line.number), line }],
  );
}

/** The slots of one line (one, or one per choice). */
export function slotsOfLine(election: ElectionDefinition, lineNumber: number): FigureSlot[] {
  return figureSlots(election).filter((slot) => slot.line.number === lineNumber);
}

export type FigureParse =
  { ok: true; value: number } | { ok: false; problem: 'not_whole_number' | 'out_of_range' };

/**
 * Reads a typed figure: digits, optionally grouped by spaces (`1 250`), nothing else — a
 * decimal, a sign or a word is refused rather than guessed at.
 *
 * @example
 * parseFigure(' 1 250 '); // { ok: true, value: 1250 }
 * parseFigure('12.5');    // { ok: false, problem: 'not_whole_number' }
 */
export function parseFigure(text: string): FigureParse {
  const compact = text.trim().replace(/[\s\u00a0\u202f]+/g, '');
  if (!/^\d+$/.test(compact)) return { ok: false, problem: 'not_whole_number' };
  const value = Number(compact);
  if (!Number.isSafeInteger(value) || value > MAX_FIGURE) return { ok: false, problem: 'out_of_range' };
  return { ok: true, value };
}

/**
 * Flat figures (as stored and typed) → the domain's shape for `checkProtocol`.
 *
 * @example
 * toProtocolFigures({ '1': 1000, '6.adal': 90 }); // { lines: { 1: 1000 }, choiceLines: { 6: { adal: 90 } } }
 */
export function toProtocolFigures(flat: Record<string, number>): ProtocolFigures {
  const figures: ProtocolFigures = { lines: {}, choiceLines: {} };
  for (const [key, value] of Object.entries(flat)) {
    const dot = key.indexOf('.');
    if (dot < 0) {
      figures.lines[Number(key)] = value;
    } else {
      const line = Number(key.slice(0, dot));
      figures.choiceLines[line] = { ...figures.choiceLines[line], [key.slice(dot + 1)]: value };
    }
  }
  return figures;
}

/** Figure labels as check results name them (`L4`, `L6[adal]`) for a flat key. */
export function checkLabelOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? `L${key}` : `L${key.slice(0, dot)}[${key.slice(dot + 1)}]`;
}
