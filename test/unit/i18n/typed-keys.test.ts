/**
 * Catalog keys are typed: a key no catalog has fails `tsc` (npm run typecheck), in a flow, a
 * service or a test. Each `@ts-expect-error` below names such a key; TypeScript fails on an
 * `@ts-expect-error` that no longer finds an error, so this file breaks the typecheck the day a
 * key type widens back to `string`. (The web pages' `t()` have the same proof in
 * web/typed-keys.typecheck.ts, which svelte-check covers.) The runtime lines show what such a key
 * would do if it got past the types (e.g. from stored data): it renders as itself.
 */
import { describe, expect, it } from 'vitest';
import type { BotMessageKey, MessageText } from '../../../src/flows/messages';
import { button } from '../../../src/flows/observer/observer-keyboards';
import { SECTIONS } from '../../../src/i18n/catalogs/sections';
import { translate, type MessageKey } from '../../../src/i18n/index';
import { sectionRenderer } from '../../../src/i18n/section';

describe('typed catalog keys', () => {
  it('a flow text takes only a key of the bots’ catalogs (voter, observer)', () => {
    const known: MessageText = { key: 'voter.continue' };
    const observer: MessageText = { key: 'observer.menu', params: {} };
    // @ts-expect-error: a misspelt key is not a BotMessageKey
    const misspelt: MessageText = { key: 'voter.contineu' };
    // @ts-expect-error: the report's keys are not the bots' (flows cannot say them)
    const reportKey: MessageText = { key: 'analysis.summary' };
    // @ts-expect-error: the web chat page's own texts are not the bots' either
    const chatKey: MessageText = { key: 'webchat.start' };
    expect(translate('en', known)).toBe('Continue');
    expect(translate('en', observer)).toBe(SECTIONS.observer.en['observer.menu']);
    expect(translate('en', misspelt)).toBe('voter.contineu');
    expect([reportKey, chatKey].map((text) => translate('en', text))).toEqual([
      SECTIONS.analysis.en['analysis.summary'],
      'webchat.start',
    ]);
  });

  it('the key types are unions of the catalogs’ keys, not string', () => {
    const anyText: string = 'voter.continue';
    // @ts-expect-error: a plain string is not a key
    const botKey: BotMessageKey = anyText;
    // @ts-expect-error: nor is it a key of the server's catalog
    const serverKey: MessageKey = anyText;
    expect([botKey, serverKey]).toEqual(['voter.continue', 'voter.continue']);
  });

  it('helpers that build texts (a flow’s button) and section renderers are typed by their section', () => {
    expect(button('observer.sos_button', { kind: 'sos' }).label).toEqual({ key: 'observer.sos_button' });
    // @ts-expect-error: not an observer key
    expect(button('observer.sos_buton', { kind: 'sos' }).label).toEqual({ key: 'observer.sos_buton' });
    const consoleText = sectionRenderer(SECTIONS.console);
    expect(consoleText('en', 'app.title')).toBe('Dauys console');
    // @ts-expect-error: a dashboard key is not the console's
    expect(consoleText('en', 'stats.heading')).toBe('stats.heading');
  });
});
