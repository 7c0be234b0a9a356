/**
 * What a phone keyboard makes of the same letter: a voter on a Russian layout types Cyrillic
 * "В", "Р", "С" where the grammar says Latin "B", "P", "C", and an SMS gateway may hand us
 * either. Folding upper-cases the text and maps each Cyrillic capital that looks like a Latin
 * one to that Latin letter, so "р 190", "P 190" and "Р 190" read alike. Letters with no Latin
 * twin (Г, Д, П, Ұ, Қ …) stay as they are.
 */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  // Kazakh and Ukrainian letters that print like Latin ones.
  І: 'I',
  Ј: 'J',
  Ү: 'Y',
};

/**
 * @example
 * foldLookalikes('сос 190'); // 'COC 190'
 * foldLookalikes('Ак жол');  // 'AK ЖOЛ'
 */
export function foldLookalikes(text: string): string {
  return [...text.normalize('NFKC').toUpperCase()].map((char) => CYRILLIC_TO_LATIN[char] ?? char).join('');
}

/**
 * A name reduced to what survives every way of typing it: folded, letters and digits only.
 *
 * @example
 * nameKey('«Ақ жол»'); // 'AҚЖOЛ'
 * nameKey('ak-zhol');   // 'AKZHOL'
 */
export function nameKey(text: string): string {
  return foldLookalikes(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Spaces and the punctuation people put between the parts of a short message. */
export const SEPARATORS = String.raw`[\s.,:;_\-–—]`;

/**
 * A command word at the start of a folded message, followed by a separator, a digit or the end
 * (so "Д" starts a vote but "Да" does not).
 */
export function leadingWord(
  folded: string,
  words: readonly string[],
): { word: string; rest: string } | undefined {
  const byLength = [...words].sort((a, b) => b.length - a.length);
  for (const word of byLength) {
    const key = foldLookalikes(word);
    if (!folded.startsWith(key)) continue;
    const rest = folded.slice(key.length);
    if (rest === '' || /^[\s\d\p{P}]/u.test(rest)) return { word, rest };
  }
  return undefined;
}

/**
 * A precinct as typed after the command: its number, optionally after "№", "#" or "N", and
 * optionally qualified by its region's number (`15/190`) where numbers repeat across regions.
 */
export interface TypedPrecinct {
  number: string;
  region?: string;
}

const PRECINCT = new RegExp(
  String.raw`^${SEPARATORS}*(?:(\d{1,3})\s*/\s*)?(?:№|#|NO\.?|N(?=\s*\d))?\s*0*(\d{1,7})(?![\d/])`,
  'u',
);

/** Reads the precinct at the start of `rest` (folded text); returns it and what follows. */
export function leadingPrecinct(rest: string): { precinct: TypedPrecinct; rest: string } | undefined {
  const match = PRECINCT.exec(rest);
  if (!match) return undefined;
  const number = match[2] === '' ? '0' : match[2]!;
  const region = match[1] ? String(Number(match[1])) : undefined;
  return { precinct: { number, ...(region ? { region } : {}) }, rest: rest.slice(match[0].length) };
}

/** A compact message's command word and the folded text after it. */
export interface CommandLead {
  word: string;
  rest: string;
  /** The text as typed (own letters and case) from where a folded tail of it starts. */
  asTyped(tail: string): string;
}

/**
 * Reads the command word of a compact message. Folding keeps the length of command words,
 * digits and separators, so what follows them can be cut from the text as typed: a choice is
 * quoted back and a description kept in the sender's own letters.
 *
 * @example
 * readCommand('н 190 Не пустили', ['Н'])?.asTyped(' Не пустили'); // 'Не пустили'
 */
export function readCommand(text: string, words: readonly string[]): CommandLead | undefined {
  const base = text.normalize('NFKC').trim();
  const lead = leadingWord(foldLookalikes(base), words);
  if (!lead) return undefined;
  const asTyped = (tail: string) =>
    base
      .slice(base.length - tail.length)
      .replace(new RegExp(`^${SEPARATORS}+|${SEPARATORS}+$`, 'gu'), '')
      .trim();
  return { ...lead, asTyped };
}
