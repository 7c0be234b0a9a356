/**
 * The one renderer every catalog uses (bots, dashboard, analysis page, console, web chat): pure,
 * no I/O, so the pages import it as they import the catalogs.
 *
 * Two forms, a subset of ICU MessageFormat that translators know:
 * - `{name}`: the parameter as text; a missing one stays visible as `{name}`.
 * - `{count, plural, one {# report} other {# reports}}`: the branch for the number's plural
 *   category in the locale (Intl.PluralRules: en one/other; ru one/few/many/other; kk one/other),
 *   `=0 {…}` for an exact number first; `#` is the number as given, and branches may hold `{name}`s.
 *   Russian needs this: "из 1 сообщения", "из 21 сообщения", "из 5 сообщений".
 */

export type MessageParams = Readonly<Record<string, string | number>>;

/** A piece of a parsed template. */
type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'param'; name: string }
  | { kind: 'plural'; name: string; branches: ReadonlyMap<string, Piece[]> };

const PARAM = /^\s*([a-zA-Z0-9_]+)\s*$/;
const PLURAL_HEAD = /^\s*([a-zA-Z0-9_]+)\s*,\s*plural\s*,/;
const BRANCH = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

const parsed = new Map<string, Piece[]>();
const rules = new Map<string, Intl.PluralRules>();

/**
 * Renders a template with its parameters in a locale. Never throws: a malformed template renders
 * as written, so a bad text is visible in the message, not a crash in the sender.
 *
 * @example
 * formatMessage('ru', 'из {count, plural, one {# сообщения} other {# сообщений}}', { count: 21 });
 * // 'из 21 сообщения'
 */
export function formatMessage(locale: string, template: string, params: MessageParams = {}): string {
  return renderPieces(locale, piecesOf(template), params, undefined);
}

/** The parameter names a template uses (plural arguments and those inside branches), sorted. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  const visit = (pieces: readonly Piece[]) => {
    for (const piece of pieces) {
      if (piece.kind === 'param') names.add(piece.name);
      if (piece.kind === 'plural') {
        names.add(piece.name);
        for (const branch of piece.branches.values()) visit(branch);
      }
    }
  };
  visit(piecesOf(template));
  return [...names].sort();
}

/**
 * What is wrong with a template's plurals in a locale: a plural without `other`, or one that
 * lacks a category the locale's numbers fall into (a Russian plural without `few` reads wrong
 * for 2, 3, 4, 22 …). Empty when fine.
 *
 * @example
 * pluralProblems('ru', '{n, plural, one {# голос} other {# голосов}}'); // ['{n} lacks few, many']
 */
export function pluralProblems(locale: string, template: string): string[] {
  const problems: string[] = [];
  const needed = pluralRules(locale).resolvedOptions().pluralCategories;
  const visit = (pieces: readonly Piece[]) => {
    for (const piece of pieces) {
      if (piece.kind !== 'plural') continue;
      const missing = needed.filter((category) => !piece.branches.has(category));
      if (!piece.branches.has('other') && !missing.includes('other')) missing.push('other');
      if (missing.length > 0) problems.push(`{${piece.name}} lacks ${missing.join(', ')}`);
      for (const branch of piece.branches.values()) visit(branch);
    }
  };
  visit(piecesOf(template));
  return problems;
}

function renderPieces(
  locale: string,
  pieces: readonly Piece[],
  params: MessageParams,
  hash: string | undefined,
): string {
  let out = '';
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      out += hash === undefined ? piece.text : piece.text.replaceAll('#', hash);
    } else if (piece.kind === 'param') {
      out += Object.hasOwn(params, piece.name) ? String(params[piece.name]) : `{${piece.name}}`;
    } else if (!Object.hasOwn(params, piece.name)) {
      out += `{${piece.name}}`;
    } else {
      const value = params[piece.name] as string | number;
      const branch = chooseBranch(locale, piece.branches, toNumber(value));
      out += branch ? renderPieces(locale, branch, params, String(value)) : String(value);
    }
  }
  return out;
}

function chooseBranch(
  locale: string,
  branches: ReadonlyMap<string, Piece[]>,
  value: number,
): Piece[] | undefined {
  return (
    branches.get(`=${value}`) ??
    (Number.isFinite(value) ? branches.get(pluralRules(locale).select(value)) : undefined) ??
    branches.get('other')
  );
}

/** A number given pre-formatted ("1 234", "1,234") still picks its plural by its value. */
function toNumber(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[\s,\u00a0\u202f]/g, ''));
}

function pluralRules(locale: string): Intl.PluralRules {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule;
}

function piecesOf(template: string): Piece[] {
  let pieces = parsed.get(template);
  if (!pieces) {
    pieces = parse(template, 0, template.length);
    // Catalogs are a few thousand texts at most; the cache is bounded by them.
    if (parsed.size < 10_000) parsed.set(template, pieces);
  }
  return pieces;
}

/** Parses template[start, end); a brace that does not close, or a form it does not know, is text. */
function parse(template: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  let at = start;
  while (at < end) {
    const char = template[at] as string;
    if (char !== '{') {
      text += char;
      at += 1;
      continue;
    }
    const close = matchingBrace(template, at, end);
    if (close === undefined) {
      text += char;
      at += 1;
      continue;
    }
    const inner = template.slice(at + 1, close);
    const piece = PARAM.test(inner)
      ? ({ kind: 'param', name: (PARAM.exec(inner) as RegExpExecArray)[1] as string } as const)
      : parsePlural(template, at + 1, close);
    if (piece) {
      if (text) pieces.push({ kind: 'text', text });
      text = '';
      pieces.push(piece);
    } else {
      text += template.slice(at, close + 1);
    }
    at = close + 1;
  }
  if (text) pieces.push({ kind: 'text', text });
  return pieces;
}

function parsePlural(template: string, start: number, end: number): Piece | undefined {
  const head = PLURAL_HEAD.exec(template.slice(start, end));
  if (!head) return undefined;
  const branches = new Map<string, Piece[]>();
  let at = start + head[0].length;
  while (at < end) {
    BRANCH.lastIndex = at;
    const branch = BRANCH.exec(template);
    if (!branch || branch.index !== at || at + branch[0].length > end) break;
    const open = at + branch[0].length - 1;
    const close = matchingBrace(template, open, end);
    if (close === undefined) return undefined;
    branches.set(branch[1] as string, parse(template, open + 1, close));
    at = close + 1;
  }
  if (template.slice(at, end).trim() !== '' || branches.size === 0) return undefined;
  return { kind: 'plural', name: head[1] as string, branches };
}

function matchingBrace(template: string, open: number, end: number): number | undefined {
  let depth = 0;
  for (let at = open; at < end; at += 1) {
    if (template[at] === '{') depth += 1;
    else if (template[at] === '}') {
      depth -= 1;
      if (depth === 0) return at;
    }
  }
  return undefined;
}
