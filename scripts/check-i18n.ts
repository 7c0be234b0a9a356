/**
 * `npm run i18n:check`: fails (exit 1) listing, for every section of the catalog tree
 * (src/i18n/catalogs/sections.ts), each key missing or extra in a locale, each text whose
 * `{param}` placeholders differ from the English reference, and each plural that lacks a
 * category its locale needs.
 */
import { checkCatalogs } from '../src/i18n/check-catalogs';
import { SECTIONS } from '../src/i18n/catalogs/sections';

const problems = [
  ...Object.entries(SECTIONS).flatMap(([section, catalogs]) =>
    checkCatalogs(catalogs, 'en').map((problem) => ({ ...problem, key: `${section}:${problem.key}` })),
  ),
];
if (problems.length > 0) {
  for (const { locale, key, problem } of problems) console.error(`${locale}: ${key}: ${problem}`);
  console.error(`i18n: ${problems.length} problem(s)`);
  process.exit(1);
}
const counts = Object.entries(SECTIONS).map(
  ([section, catalogs]) => `${section} ${Object.keys(catalogs.en).length}`,
);
console.log(`i18n: kk, ru, en complete in every section (keys: ${counts.join(', ')})`);
