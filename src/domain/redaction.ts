import { invalidInput, type InputIssue } from '../errors';

/**
 * Redaction of personal details in a violation's text before it is published. Pure: the
 * console page runs the same functions to preview what the server will publish.
 */
export type RedactionKind = 'phone' | 'email' | 'telegram' | 'iin' | 'name';

export const REDACTION_KINDS: readonly RedactionKind[] = ['phone', 'email', 'telegram', 'iin', 'name'];

/** A half-open range `[start, end)` of UTF-16 offsets into the text, and what it hides. */
export interface RedactionSpan {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** What replaces each kind in the published text (no length hint: `███` would leak it). */
export const REDACTION_MASKS: Record<RedactionKind, string> = {
  phone: '[phone]',
  email: '[email]',
  telegram: '[telegram]',
  iin: '[IIN]',
  name: '[name]',
};

// Order matters: an email's local part must not be read as a Telegram handle, an IIN (12
// digits in a row) must not be read as a phone number.
const DETECTORS: ReadonlyArray<{ kind: RedactionKind; pattern: RegExp }> = [
  { kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  { kind: 'telegram', pattern: /(?:https?:\/\/)?t\.me\/[A-Za-z0-9_]{4,32}\b/g },
  { kind: 'telegram', pattern: /(?<![\p{L}\p{N}_@.])@[A-Za-z][A-Za-z0-9_]{3,31}\b/gu },
  { kind: 'iin', pattern: /(?<!\d)\d{12}(?!\d)/g },
  // Kazakh and Russian numbers as people write them: +7 701 123 45 67, 8(701)123-45-67, 87011234567.
  {
    kind: 'phone',
    pattern: /(?<![\d+])(?:\+?[78][\s\-.]*)?\(?\d{3}\)?[\s\-.]*\d{3}[\s\-.]*\d{2}[\s\-.]*\d{2}(?!\d)/g,
  },
];

/**
 * Finds phone numbers, emails, Telegram handles and IINs (12-digit Kazakh ID numbers) — the
 * details a pattern can recognise. Names cannot be recognised reliably; the moderator marks them.
 *
 * @example
 * detectPersonalDetails('Call +7 701 123 45 67 or write to a.b@mail.kz');
 * // [{ start: 5, end: 21, kind: 'phone' }, { start: 34, end: 44, kind: 'email' }]
 */
export function detectPersonalDetails(text: string): RedactionSpan[] {
  const found: RedactionSpan[] = [];
  for (const { kind, pattern } of DETECTORS) {
    for (const match of text.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].length, kind };
      if (!found.some((other) => overlaps(other, span))) found.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Every occurrence of a phrase the moderator selected (a person's name), so that marking a
 * name once hides it everywhere in the text. Case-sensitive: names are capitalised, and
 * "Roza" the name is not "roza" the flower.
 *
 * @example
 * spansOfPhrase('Asel Nurova said Nurova left', 'Nurova'); // [{ start: 5, end: 11, kind: 'name' }, { start: 17, end: 23, kind: 'name' }]
 */
export function spansOfPhrase(text: string, phrase: string, kind: RedactionKind = 'name'): RedactionSpan[] {
  const needle = phrase.trim();
  if (needle === '') return [];
  const spans: RedactionSpan[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    spans.push({ start: at, end: at + needle.length, kind });
  }
  return spans;
}

/**
 * Checks spans against the text (bad ones name their index) and replaces each with its mask;
 * overlapping or touching spans become one mask, of the first span's kind.
 *
 * @example
 * redact('Call 87011234567 now', [{ start: 5, end: 16, kind: 'phone' }]); // 'Call [phone] now'
 * redact('x', [{ start: 0, end: 5, kind: 'name' }]); // throws DAUYS_ERR_VALIDATION at redactions[0]
 */
export function redact(text: string, spans: readonly RedactionSpan[], where = 'redactions'): string {
  const issues: InputIssue[] = [];
  spans.forEach((span, index) => {
    const problem = spanProblem(text, span);
    if (problem) issues.push({ where: `${where}[${index}]`, message: problem });
  });
  if (issues.length > 0) throw invalidInput('invalid redaction', issues);
  const merged = mergeSpans(spans);
  let result = '';
  let cursor = 0;
  for (const span of merged) {
    result += text.slice(cursor, span.start) + REDACTION_MASKS[span.kind];
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

function spanProblem(text: string, span: RedactionSpan): string | undefined {
  if (!REDACTION_KINDS.includes(span.kind)) return `unknown kind "${String(span.kind)}"`;
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end))
    return 'start and end must be whole numbers';
  if (span.start < 0 || span.end > text.length)
    return `range ${span.start}–${span.end} is outside the text (length ${text.length})`;
  if (span.start >= span.end) return `empty range ${span.start}–${span.end}`;
  return undefined;
}

function mergeSpans(spans: readonly RedactionSpan[]): RedactionSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: RedactionSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
