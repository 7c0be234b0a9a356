import { isLocale, type Locale } from '../../domain/locale';

/**
 * What a voter's button means, carried in the button's data. Telegram allows 64 bytes, so the
 * encoding is short and keyed: `l:kk`, `a:<area code>`, `pg:2`, `ch:<choice id>`, `ok`, … An
 * area code too long to fit is sent as its position among its siblings (`ai:3`) instead.
 */
export type VoterButton =
  | { kind: 'language'; locale: Locale }
  | { kind: 'continue' }
  | { kind: 'area'; code: string }
  | { kind: 'area_index'; index: number }
  | { kind: 'page'; page: number }
  | { kind: 'back' }
  | { kind: 'choice'; id: string }
  | { kind: 'no_photo' }
  | { kind: 'confirm' }
  | { kind: 'correct' }
  | { kind: 'correct_part'; part: CorrectablePart }
  | { kind: 'change_vote' }
  | { kind: 'delete'; confirmed: boolean };

export type CorrectablePart = 'precinct' | 'choice' | 'photo';

/** Telegram's limit on callback data. */
export const MAX_BUTTON_DATA_BYTES = 64;

const PARTS: Record<string, CorrectablePart> = { p: 'precinct', c: 'choice', f: 'photo' };
const PART_CODES: Record<CorrectablePart, string> = { precinct: 'p', choice: 'c', photo: 'f' };

/**
 * @example
 * encodeButton({ kind: 'area', code: 'KZ-AKM' }); // 'a:KZ-AKM'
 * encodeButton({ kind: 'delete', confirmed: true }); // 'del:y'
 */
export function encodeButton(button: VoterButton): string {
  switch (button.kind) {
    case 'language':
      return `l:${button.locale}`;
    case 'continue':
      return 'go';
    case 'area':
      return `a:${button.code}`;
    case 'area_index':
      return `ai:${button.index}`;
    case 'page':
      return `pg:${button.page}`;
    case 'back':
      return 'bk';
    case 'choice':
      return `ch:${button.id}`;
    case 'no_photo':
      return 'np';
    case 'confirm':
      return 'ok';
    case 'correct':
      return 'ed';
    case 'correct_part':
      return `ed:${PART_CODES[button.part]}`;
    case 'change_vote':
      return 'chg';
    case 'delete':
      return button.confirmed ? 'del:y' : 'del:n';
  }
}

/** Whether encoded data fits Telegram's limit. */
export function fitsButtonData(data: string): boolean {
  return new TextEncoder().encode(data).length <= MAX_BUTTON_DATA_BYTES;
}

/**
 * Reads button data back; anything malformed (a forged or outdated button) is `undefined`.
 *
 * @example
 * decodeButton('pg:2'); // { kind: 'page', page: 2 }
 * decodeButton('pg:x'); // undefined
 */
export function decodeButton(data: string): VoterButton | undefined {
  if (!fitsButtonData(data)) return undefined;
  const separator = data.indexOf(':');
  const head = separator < 0 ? data : data.slice(0, separator);
  const arg = separator < 0 ? undefined : data.slice(separator + 1);
  const count = arg !== undefined && /^\d{1,6}$/.test(arg) ? Number(arg) : undefined;
  switch (head) {
    case 'l':
      return isLocale(arg) ? { kind: 'language', locale: arg } : undefined;
    case 'go':
      return arg === undefined ? { kind: 'continue' } : undefined;
    case 'a':
      return arg ? { kind: 'area', code: arg } : undefined;
    case 'ai':
      return count === undefined ? undefined : { kind: 'area_index', index: count };
    case 'pg':
      return count === undefined ? undefined : { kind: 'page', page: count };
    case 'bk':
      return arg === undefined ? { kind: 'back' } : undefined;
    case 'ch':
      return arg ? { kind: 'choice', id: arg } : undefined;
    case 'np':
      return arg === undefined ? { kind: 'no_photo' } : undefined;
    case 'ok':
      return arg === undefined ? { kind: 'confirm' } : undefined;
    case 'ed':
      if (arg === undefined) return { kind: 'correct' };
      return PARTS[arg] ? { kind: 'correct_part', part: PARTS[arg] } : undefined;
    case 'chg':
      return arg === undefined ? { kind: 'change_vote' } : undefined;
    case 'del':
      return arg === 'y' || arg === 'n' ? { kind: 'delete', confirmed: arg === 'y' } : undefined;
    default:
      return undefined;
  }
}
