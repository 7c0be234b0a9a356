import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../domain/locale';
import type { MessageText } from '../messages';
import { literalButton, menuKeyboard, precinctText, withSos, button } from './observer-keyboards';
import type { ObserverPrecinct, ObserverState } from './observer-state';
import { say, type ObserverStep } from './observer-step';

export function renderMenu(state: ObserverState, texts: MessageText[] = []): ObserverStep {
  const { protocol: _p, violation: _v, resumeStage: _r, ...rest } = state;
  // Leaving for the menu keeps the protocol draft (a rejected one may be corrected later).
  return say(
    { ...rest, ...(state.protocol ? { protocol: state.protocol } : {}), stage: 'menu' },
    [...texts, { key: 'observer.menu' }],
    menuKeyboard(),
  );
}

export function renderLanguageChoice(state: ObserverState): ObserverStep {
  return say(
    state,
    [{ key: 'observer.choose_language' }],
    withSos(LOCALES.map((locale) => [literalButton(LANGUAGE_NAMES[locale], { kind: 'language', locale })])),
  );
}

export function renderMyPrecincts(
  state: ObserverState,
  precincts: ObserverPrecinct[],
  locale: Locale,
): ObserverStep {
  return say(
    state,
    [
      { key: 'observer.my_precincts', params: { count: precincts.length } },
      ...precincts.map((p) => precinctText(p, locale)),
    ],
    withSos([[button('observer.back_to_menu', { kind: 'menu' })]]),
  );
}
