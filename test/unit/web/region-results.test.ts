import { describe, expect, it } from 'vitest';
import type { AreaResults, ChoiceInfo } from '../../../web/shared/api-types';
import { leadingChoice, sortAreas } from '../../../web/dashboard/region-results';
import { noVoterReports } from '../../support/public-api-fixtures';

const names = (en: string) => ({ kk: en, ru: en, en });
const CHOICES: ChoiceInfo[] = [
  { id: 'a', names: names('A'), color: '#a00' },
  { id: 'b', names: names('B'), color: '#0b0' },
];

function area(code: string, shares: Record<string, number> | null): AreaResults {
  return {
    code,
    names: names(code),
    parent: null,
    number: null,
    voters: noVoterReports(),
    official: shares
      ? {
          precinctsReported: 1,
          registeredVoters: 100,
          ballotsCast: 50,
          turnout: 0.5,
          invalidBallots: 0,
          choices: Object.entries(shares).map(([id, share]) => ({
            id,
            names: names(id),
            votes: share * 50,
            share,
          })),
        }
      : null,
  };
}

describe('region results', () => {
  const areas = [
    area('Zeta', { a: 0.2, b: 0.8 }),
    area('Alpha', { a: 0.6, b: 0.4 }),
    area('Mid', null),
    area('Beta', { a: 0.4, b: 0.6 }),
  ];
  const collator = new Intl.Collator('en');
  const byName = (a: AreaResults) => a.names.en;

  it('sorts by a choice’s share either way, areas without figures always last', () => {
    const down = sortAreas(areas, { by: 'choice', id: 'a' }, 'descending', 'official', byName, collator);
    expect(down.map((a) => a.code)).toEqual(['Alpha', 'Beta', 'Zeta', 'Mid']);
    const up = sortAreas(areas, { by: 'choice', id: 'a' }, 'ascending', 'official', byName, collator);
    expect(up.map((a) => a.code)).toEqual(['Zeta', 'Beta', 'Alpha', 'Mid']);
    expect(
      sortAreas(areas, { by: 'name' }, 'ascending', 'official', byName, collator).map((a) => a.code),
    ).toEqual(['Alpha', 'Beta', 'Mid', 'Zeta']);
  });

  it('finds the leading choice of an area, or none without figures', () => {
    expect(leadingChoice(areas[0]!, 'official', CHOICES)?.id).toBe('b');
    expect(leadingChoice(areas[1]!, 'official', CHOICES)?.id).toBe('a');
    expect(leadingChoice(areas[2]!, 'official', CHOICES)).toBeNull();
    expect(leadingChoice(areas[0]!, 'voters', CHOICES)).toBeNull();
  });
});
