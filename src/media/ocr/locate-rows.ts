import type { ElectionDefinition } from '../../domain/election/election-definition';
import type { OcrLine } from './ocr-engine';

/** A form row found on the page: which figure it holds and where its text runs. */
export interface LocatedRow {
  key: string;
  line: OcrLine;
}

/**
 * Finds the form's rows among recognised lines (pure): a line starting `4.` is line 4; after a
 * per-choice line, the rows whose text best matches a choice's name are that choice's rows.
 *
 * @example
 * locateRows([{ text: '4. Число избирателей…', … }], election); // [{ key: '4', line: … }]
 */
export function locateRows(lines: readonly OcrLine[], election: ElectionDefinition): LocatedRow[] {
  const located: LocatedRow[] = [];
  const formLines = new Map(election.protocol.lines.map((line) => [line.number, line]));
  let perChoiceLine: number | null = null;
  for (const line of lines) {
    const numbered = /^(\d{1,2})\s*[.,)]\s*\S/.exec(line.text);
    const formLine = numbered ? formLines.get(Number(numbered[1])) : undefined;
    if (formLine) {
      perChoiceLine = formLine.perChoice ? formLine.number : null;
      if (!formLine.perChoice && !located.some((row) => row.key === String(formLine.number)))
        located.push({ key: String(formLine.number), line });
      continue;
    }
    if (perChoiceLine === null) continue;
    const choice = bestChoice(line.text, election);
    const key = choice && `${perChoiceLine}.${choice}`;
    if (key && !located.some((row) => row.key === key)) located.push({ key, line });
  }
  return located;
}

/**
 * The precinct number printed in the heading (`Участок № 101`, `Учаске № 101`). After the word
 * «Участок» / «Учаске» the sign may come out as anything short (the engine reads `№` as `Мг`
 * or `Ne`), so up to three letters between the word and the number are allowed.
 */
export function locatePrecinctNumber(lines: readonly OcrLine[]): { value: string; confidence: number } | null {
  for (const line of lines) {
    const match =
      /(?:№|N[°o]?)\s*(\d{1,6})/.exec(line.text) ??
      /(?:участок|учаске)\s+[^\s\d]{0,3}\s*(\d{1,6})/iu.exec(line.text);
    if (match) return { value: match[1]!, confidence: line.confidence };
  }
  return null;
}

/** The choice whose name (in any language) the text resembles most, if closely enough. */
function bestChoice(text: string, election: ElectionDefinition): string | null {
  let best: { id: string; score: number } | null = null;
  for (const choice of election.choices) {
    for (const name of Object.values(choice.names)) {
      const score = similarity(normalize(text), normalize(name));
      if (!best || score > best.score) best = { id: choice.id, score };
    }
  }
  return best && best.score >= 0.6 ? best.id : null;
}

/**
 * Lower-cased, punctuation to spaces, and Cyrillic letters folded to the Latin letters they look
 * like: the engine, reading Russian, turns a Latin name such as «Nur Otan» into «Миг Оғап».
 */
function normalize(value: string): string {
  return [...value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()]
    .map((letter) => LOOKALIKES[letter] ?? letter)
    .join('');
}

const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', г: 'r', ғ: 'r', е: 'e', ё: 'e', и: 'u', й: 'u', к: 'k', м: 'm', н: 'h',
  о: 'o', п: 'n', р: 'p', с: 'c', т: 't', у: 'y', ұ: 'y', х: 'x', ь: 'b', і: 'i',
};

/** 1 − edit distance / longer length. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - previous[b.length]! / Math.max(a.length, b.length, 1);
}
