import type { Locale } from '../../domain/locale';
import type { BotMessageKey, MessageText, OutboundButton } from '../messages';
import { encodeObserverButton, type ObserverButton } from './observer-buttons';
import type { ObserverPrecinct } from './observer-state';

/** A button whose label is a catalog key. */
export function button(
  key: BotMessageKey,
  data: ObserverButton,
  params?: Record<string, string | number>,
): OutboundButton {
  return { label: params ? { key, params } : { key }, data: encodeObserverButton(data) };
}

/** A button whose label is literal text (a precinct's or a category's name). */
export function literalButton(label: string, data: ObserverButton): OutboundButton {
  return { label: { literal: label }, data: encodeObserverButton(data) };
}

export const SOS_ROW: OutboundButton[] = [button('observer.sos_button', { kind: 'sos' })];

/**
 * Every keyboard ends with the SOS button: pressure or detention can happen at any step, and
 * the alert must be one tap away whatever the observer was doing.
 */
export function withSos(rows: OutboundButton[][]): OutboundButton[][] {
  return [...rows, SOS_ROW];
}

export function menuKeyboard(): OutboundButton[][] {
  return withSos([
    [button('observer.menu_protocol', { kind: 'start_protocol' })],
    [button('observer.menu_violation', { kind: 'start_violation' })],
    [button('observer.menu_precincts', { kind: 'my_precincts' })],
    [button('observer.menu_language', { kind: 'language_menu' })],
  ]);
}

/** How a precinct is named to its observer: its number when it has one, else its name. */
export function precinctText(precinct: ObserverPrecinct, locale: Locale): MessageText {
  return precinct.number
    ? { key: 'observer.precinct_label', params: { number: precinct.number, name: precinct.names[locale] } }
    : { literal: precinct.names[locale] };
}

export function precinctButtonLabel(precinct: ObserverPrecinct, locale: Locale): string {
  return precinct.number ? `№ ${precinct.number} · ${precinct.names[locale]}` : precinct.names[locale];
}

/**
 * One page of a long list (precincts, categories) with ◀ ▶ buttons. Rows carry their index in
 * the full list, so a button pressed on an old page still means the same item.
 */
export function pagedList(
  labels: string[],
  page: number,
  pageSize: number,
  toButton: (index: number) => ObserverButton,
): { rows: OutboundButton[][]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(labels.length / pageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const start = current * pageSize;
  const rows = labels
    .slice(start, start + pageSize)
    .map((label, offset) => [literalButton(label, toButton(start + offset))]);
  const nav: OutboundButton[] = [];
  if (current > 0) nav.push(button('observer.page_previous', { kind: 'page', page: current - 1 }));
  if (current < pages - 1) nav.push(button('observer.page_next', { kind: 'page', page: current + 1 }));
  if (nav.length > 0) rows.push(nav);
  return { rows, page: current, pages };
}
