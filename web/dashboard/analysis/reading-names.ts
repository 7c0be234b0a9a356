// The page and the printable report put choices' names into readings the same way.
export { readingWithNames } from '../../../src/analysis/reading-names';
