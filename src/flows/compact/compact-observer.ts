import { parseFigure } from '../observer/protocol-figures';
import { leadingPrecinct, nameKey, readCommand, type CommandLead, type TypedPrecinct } from './fold-text';

/**
 * The observer's compact messages (SMS, or a hurry on any channel), documented in
 * docs/sms-grammar.md:
 * - protocol: `P 190 L1=1234 L2=1200 …` (named lines; `L6.2=300` or `L6.adal=300` for a
 *   per-choice line) or `P 190 1234 1200 …` (figures in form order, required lines only);
 *   Russian/Kazakh «П» / «Протокол» / «Хаттама», and Cyrillic «Р» which looks like P;
 * - violation: `N 190 <text>`, Russian «Н» («Нарушение»), Kazakh «Б» («Бұзушылық»),
 *   optionally `N 190 #3 <text>` for the third category;
 * - SOS: `SOS 190 <text>` (or «СОС»).
 */
const PROTOCOL_WORDS = ['PROTOCOL', 'ПРОТОКОЛ', 'ХАТТАМА', 'P', 'П'] as const;
const VIOLATION_WORDS = ['VIOLATION', 'НАРУШЕНИЕ', 'БҰЗУШЫЛЫҚ', 'N', 'Н', 'Б'] as const;
const SOS_WORDS = ['SOS', 'СОС'] as const;

/** One figure given by name: `L4=1000` → line 4; `L6.2=300` → line 6, the ballot's second choice. */
export interface NamedFigure {
  line: number;
  /** A per-choice line's choice as typed: its ballot position, or a name reduced by `nameKey`. */
  choice?: { position: number } | { name: string };
  value: number;
  /** The token as typed, to quote back when it names no line of the form. */
  typed: string;
}

export type CompactObserverMessage =
  | {
      kind: 'protocol';
      precinct?: TypedPrecinct;
      named: NamedFigure[];
      positional: number[];
      /** Tokens that are neither a figure nor `line=figure`: quoted back, nothing is taken. */
      bad: string[];
    }
  | { kind: 'violation'; precinct?: TypedPrecinct; categoryNumber?: number; text: string }
  | { kind: 'sos'; precinct?: TypedPrecinct; text: string };

/**
 * Reads a compact observer message; `undefined` when the text does not start with one of the
 * command words (the conversation then treats it as it always did).
 *
 * @example
 * parseCompactObserver('P 190 L1=1000 L2=980');
 * // { kind: 'protocol', precinct: { number: '190' }, named: [{ line: 1, value: 1000, … }, …], positional: [], bad: [] }
 * parseCompactObserver('SOS 190 police at the door'); // { kind: 'sos', precinct: { number: '190' }, text: 'police at the door' }
 */
export function parseCompactObserver(text: string): CompactObserverMessage | undefined {
  const sos = readCommand(text, SOS_WORDS);
  if (sos) return { kind: 'sos', ...precinctAndText(sos) };
  const violation = readCommand(text, VIOLATION_WORDS);
  if (violation) {
    const { precinct, text: described } = precinctAndText(violation);
    const category = /^#\s*(\d{1,2})(?:\s+|$)/u.exec(described);
    return {
      kind: 'violation',
      ...(precinct ? { precinct } : {}),
      ...(category ? { categoryNumber: Number(category[1]) } : {}),
      text: category ? described.slice(category[0].length).trim() : described,
    };
  }
  const protocol = readCommand(text, PROTOCOL_WORDS);
  if (protocol) return parseProtocol(protocol.word, protocol.rest);
  return undefined;
}

function precinctAndText(lead: CommandLead): { precinct?: TypedPrecinct; text: string } {
  const place = leadingPrecinct(lead.rest);
  const text = lead.asTyped(place ? place.rest : lead.rest);
  return { ...(place ? { precinct: place.precinct } : {}), text };
}

const NAMED = /^(?:L|Л)?(\d{1,2})(?:[.[(]([^\]=)]+)[\])]?)?=(.+)$/u;

function parseProtocol(word: string, rest: string): CompactObserverMessage | undefined {
  const place = leadingPrecinct(rest);
  // «П» and "P" also begin ordinary words ("П ривет"); only digits after them make a protocol.
  if (!place && word.length === 1 && /^\s*\p{L}/u.test(rest)) return undefined;
  const message: CompactObserverMessage & { kind: 'protocol' } = {
    kind: 'protocol',
    ...(place ? { precinct: place.precinct } : {}),
    named: [],
    positional: [],
    bad: [],
  };
  const tokens = (place?.rest ?? rest)
    .replace(/\s*[=:]\s*/gu, '=')
    .split(/[\s,;]+/u)
    .filter((token) => token !== '');
  for (const token of tokens) {
    const named = NAMED.exec(token);
    if (named) {
      const value = parseFigure(named[3]!);
      if (!value.ok) message.bad.push(token);
      else
        message.named.push({
          line: Number(named[1]),
          ...(named[2] ? { choice: choiceOf(named[2]) } : {}),
          value: value.value,
          typed: token,
        });
      continue;
    }
    const value = /^\d+$/.test(token) ? parseFigure(token) : undefined;
    if (value?.ok) message.positional.push(value.value);
    else message.bad.push(token);
  }
  return message;
}

function choiceOf(typed: string): { position: number } | { name: string } {
  return /^\d{1,2}$/.test(typed) ? { position: Number(typed) } : { name: nameKey(typed) };
}
