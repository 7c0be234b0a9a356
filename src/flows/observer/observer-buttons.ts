import { isLocale, type Locale } from '../../domain/locale';
import type { SosKind } from './observer-state';

/**
 * What an observer's button means, carried in its data. Short and keyed to fit Telegram's
 * 64 bytes and WhatsApp's row ids: `sos`, `l:kk`, `p:2` (the third of the observer's own
 * precincts — codes can be long), `cl:6`, … Anything else decodes to `undefined`.
 */
export type ObserverButton =
  | { kind: 'menu' }
  | { kind: 'start_protocol' }
  | { kind: 'start_violation' }
  | { kind: 'my_precincts' }
  | { kind: 'language_menu' }
  | { kind: 'sos' }
  | { kind: 'sos_kind'; sosKind: SosKind }
  | { kind: 'language'; locale: Locale }
  | { kind: 'precinct'; index: number }
  | { kind: 'page'; page: number }
  | { kind: 'pages_done' }
  | { kind: 'skip_line' }
  | { kind: 'submit' }
  | { kind: 'correct' }
  | { kind: 'correct_line'; line: number }
  | { kind: 'redo_pages' }
  | { kind: 'summary' }
  | { kind: 'category'; index: number }
  | { kind: 'media_done' }
  /** Back to what the observer was doing before the SOS or language screen. */
  | { kind: 'resume' };

const SOS_KINDS: readonly SosKind[] = ['pressure', 'detention', 'violence'];

const BARE: Record<string, ObserverButton> = {
  m: { kind: 'menu' },
  mp: { kind: 'start_protocol' },
  mv: { kind: 'start_violation' },
  ms: { kind: 'my_precincts' },
  ml: { kind: 'language_menu' },
  sos: { kind: 'sos' },
  pgd: { kind: 'pages_done' },
  skip: { kind: 'skip_line' },
  sub: { kind: 'submit' },
  cor: { kind: 'correct' },
  rpg: { kind: 'redo_pages' },
  sum: { kind: 'summary' },
  vd: { kind: 'media_done' },
  rs: { kind: 'resume' },
};

/**
 * @example
 * encodeObserverButton({ kind: 'correct_line', line: 6 }); // 'cl:6'
 * encodeObserverButton({ kind: 'sos' }); // 'sos'
 */
export function encodeObserverButton(button: ObserverButton): string {
  switch (button.kind) {
    case 'sos_kind':
      return `sk:${button.sosKind}`;
    case 'language':
      return `l:${button.locale}`;
    case 'precinct':
      return `p:${button.index}`;
    case 'page':
      return `pg:${button.page}`;
    case 'correct_line':
      return `cl:${button.line}`;
    case 'category':
      return `c:${button.index}`;
    default: {
      const entry = Object.entries(BARE).find(([, value]) => value.kind === button.kind);
      return entry?.[0] ?? 'm';
    }
  }
}

/**
 * Reads button data back; forged or outdated data is `undefined`.
 *
 * @example
 * decodeObserverButton('cl:6'); // { kind: 'correct_line', line: 6 }
 * decodeObserverButton('cl:x'); // undefined
 */
export function decodeObserverButton(data: string): ObserverButton | undefined {
  if (data.length > 64) return undefined;
  const separator = data.indexOf(':');
  if (separator < 0) return BARE[data];
  const head = data.slice(0, separator);
  const arg = data.slice(separator + 1);
  const count = /^\d{1,4}$/.test(arg) ? Number(arg) : undefined;
  switch (head) {
    case 'sk':
      return (SOS_KINDS as readonly string[]).includes(arg)
        ? { kind: 'sos_kind', sosKind: arg as SosKind }
        : undefined;
    case 'l':
      return isLocale(arg) ? { kind: 'language', locale: arg } : undefined;
    case 'p':
      return count === undefined ? undefined : { kind: 'precinct', index: count };
    case 'pg':
      return count === undefined ? undefined : { kind: 'page', page: count };
    case 'cl':
      return count === undefined || count < 1 ? undefined : { kind: 'correct_line', line: count };
    case 'c':
      return count === undefined ? undefined : { kind: 'category', index: count };
    default:
      return undefined;
  }
}
