import type { AreaRef, Locale } from '../shared/api-types';
import { isLocale, language, LOCALES } from '../shared/i18n/index.svelte';
import { LOCALE_STORAGE_KEY, preferredLocale, rememberLocale } from '../shared/preferred-locale';

/**
 * What the page shows lives in its URL (`?area=kz-akm-d01&lang=ru&election=…`), so a link
 * shares the selection and the browser's back and forward buttons walk it.
 */
export const route = $state<{ area: string | null; election: string | null; view: View }>({
  area: null,
  election: null,
  view: 'results',
});

/** The dashboard's pages: the results (default) and the falsification analysis (`?view=analysis`). */
export type View = 'results' | 'analysis';

/** The selected area and its ancestors, top first, once the area selector has looked them up. */
export const selection = $state<{ path: AreaRef[] }>({ path: [] });

function readUrl(): void {
  const params = new URLSearchParams(window.location.search);
  route.area = params.get('area') || null;
  route.election = params.get('election') || null;
  route.view = params.get('view') === 'analysis' ? 'analysis' : 'results';
  const lang = params.get('lang');
  // A shared link's `?lang=` wins; else the one rule of every page (stored choice, browser).
  language.locale = isLocale(lang) ? lang : preferredLocale(LOCALES, LOCALE_STORAGE_KEY);
  document.documentElement.lang = language.locale;
}

function writeUrl(mode: 'push' | 'replace'): void {
  const params = new URLSearchParams();
  if (route.election) params.set('election', route.election);
  if (route.area) params.set('area', route.area);
  if (route.view !== 'results') params.set('view', route.view);
  params.set('lang', language.locale);
  const url = `${window.location.pathname}?${params.toString()}`;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** Reads the URL now and again on every back/forward. */
export function startRouting(): void {
  readUrl();
  writeUrl('replace');
  window.addEventListener('popstate', readUrl);
}

/** Selects an area (null: the whole election) as a new history entry. */
export function selectArea(code: string | null): void {
  if (code === route.area) return;
  route.area = code;
  writeUrl('push');
}

export function selectLocale(locale: Locale): void {
  language.locale = locale;
  rememberLocale(LOCALE_STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  writeUrl('replace');
}

/** The URL of the page for an area, for real links (open in a new tab, copy). */
export function areaHref(code: string | null): string {
  const params = new URLSearchParams();
  if (route.election) params.set('election', route.election);
  if (code) params.set('area', code);
  params.set('lang', language.locale);
  return `?${params.toString()}`;
}

/** Switches between the results and the analysis page as a new history entry. */
export function selectView(view: View): void {
  if (view === route.view) return;
  route.view = view;
  writeUrl('push');
}

/** The URL of a view of the current election, for real links. */
export function viewHref(view: View): string {
  const params = new URLSearchParams();
  if (route.election) params.set('election', route.election);
  if (route.area) params.set('area', route.area);
  if (view !== 'results') params.set('view', view);
  params.set('lang', language.locale);
  return `?${params.toString()}`;
}
