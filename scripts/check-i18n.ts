/**
 * `npm run i18n:check`: fails (exit 1) listing every key missing or extra in a locale and every
 * text whose `{param}` placeholders differ from the English reference.
 */
import { checkCatalogs } from '../src/i18n/check-catalogs';
import { CATALOGS } from '../src/i18n/index';
import { WEB_CATALOGS } from '../web/shared/i18n/catalogs';
import { ANALYSIS_CATALOGS } from '../src/i18n/catalogs/analysis';
import { CONSOLE_CATALOGS } from '../web/console/i18n/catalogs';

// The web pages' texts are their own catalogs (web/shared/i18n), held to the same rules.
const problems = [
  ...checkCatalogs(CATALOGS, 'en'),
  ...checkCatalogs(WEB_CATALOGS, 'en').map((problem) => ({ ...problem, key: `web:${problem.key}` })),
  ...checkCatalogs(ANALYSIS_CATALOGS, 'en').map((problem) => ({
    ...problem,
    key: `analysis:${problem.key}`,
  })),
  ...checkCatalogs(CONSOLE_CATALOGS, 'en').map((problem) => ({ ...problem, key: `console:${problem.key}` })),
];
if (problems.length > 0) {
  for (const { locale, key, problem } of problems) console.error(`${locale}: ${key}: ${problem}`);
  console.error(`i18n: ${problems.length} problem(s)`);
  process.exit(1);
}
const keys = Object.keys(CATALOGS.en).length;
console.log(`i18n: ${Object.keys(CATALOGS).join(', ')} complete (${keys} keys each)`);
