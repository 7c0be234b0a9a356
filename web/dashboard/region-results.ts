import type { AreaResults, ChoiceInfo, Source } from '../shared/api-types';

/** One source's block of an area; the results carry no per-area observers' block yet (null). */
export function areaBlock(area: AreaResults, source: Source): AreaResults['voters' | 'official'] {
  return source === 'observers' ? null : area[source];
}

/** The share of each choice in one area from one source; null when the source has nothing there. */
export function choiceShares(area: AreaResults, source: Source): Map<string, number | null> | null {
  const block = areaBlock(area, source);
  if (!block) return null;
  return new Map(block.choices.map((choice) => [choice.id, choice.share]));
}

/**
 * Turnout of one area from one source, 0–1; the voters' tally has none (it is not a count of all
 * voters), and the results carry no observers' block per area yet.
 */
export function turnoutOf(area: AreaResults, source: Source): number | null {
  if (source !== 'official') return null;
  return area.official?.turnout ?? null;
}

/** The choice with the largest share in an area from a source, or null when there are no figures. */
export function leadingChoice(area: AreaResults, source: Source, choices: ChoiceInfo[]): ChoiceInfo | null {
  const shares = choiceShares(area, source);
  if (!shares) return null;
  let best: ChoiceInfo | null = null;
  let bestShare = 0;
  for (const choice of choices) {
    const share = shares.get(choice.id) ?? null;
    if (share !== null && share > bestShare) {
      best = choice;
      bestShare = share;
    }
  }
  return best;
}

/** `order`: the election file's order, as the API sends the areas (the commission's numbers). */
export type SortKey = { by: 'order' } | { by: 'name' } | { by: 'choice'; id: string };

/**
 * Sorts areas for the results table: as given (the election file's order), by name (the
 * locale's collation) or by a choice's share,
 * largest first by default; areas without figures always go last, whatever the direction.
 */
export function sortAreas(
  areas: AreaResults[],
  key: SortKey,
  direction: 'ascending' | 'descending',
  source: Source,
  nameOf: (area: AreaResults) => string,
  collator: Intl.Collator,
): AreaResults[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const value = (area: AreaResults) =>
    key.by === 'choice' ? (choiceShares(area, source)?.get(key.id) ?? null) : null;
  if (key.by === 'order') return direction === 'ascending' ? [...areas] : [...areas].reverse();
  return [...areas].sort((a, b) => {
    if (key.by === 'name') return sign * collator.compare(nameOf(a), nameOf(b));
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y) || collator.compare(nameOf(a), nameOf(b));
  });
}
