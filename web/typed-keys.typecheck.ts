/**
 * Proof that every page's `t()` takes only its own section's keys (src/i18n/catalogs/<section>):
 * svelte-check (npm run typecheck) fails on an `@ts-expect-error` that finds no error, so this
 * file breaks the typecheck the day a page's key type widens to `string`. Nothing imports it,
 * so it is in no bundle; test/unit/i18n/typed-keys.test.ts does the same for the bots' keys.
 */
import { text as chatText } from './chat/texts';
import { t as consoleText } from './console/i18n/index.svelte';
import { t as dashboardText } from './shared/i18n/index.svelte';

export function everyPageTakesOnlyItsOwnKeys(): string[] {
  return [
    dashboardText('stats.heading', { area: 'Almaty' }),
    // @ts-expect-error: a misspelt dashboard key
    dashboardText('stats.headng'),
    // @ts-expect-error: a console key is not the dashboard's
    dashboardText('audit.intact'),
    consoleText('audit.intact', { count: 1 }),
    // @ts-expect-error: a dashboard key is not the console's
    consoleText('stats.heading'),
    chatText('en', 'webchat.start'),
    // @ts-expect-error: the conversation's texts are the voter bot's, rendered on the server
    chatText('en', 'voter.continue'),
  ];
}
