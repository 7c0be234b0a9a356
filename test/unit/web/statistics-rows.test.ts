import { describe, expect, it } from 'vitest';
import type { ChoiceInfo, Summary } from '../../../web/shared/api-types';
import { againstAllShare, statisticsRows } from '../../../web/dashboard/statistics-rows';
import { noVoterReports } from '../../support/public-api-fixtures';

const names = (en: string) => ({ kk: en, ru: en, en });
const CHOICES: ChoiceInfo[] = [
  { id: 'a', names: names('A'), color: '#000' },
  { id: 'b', names: names('B'), color: '#111' },
];
const AGAINST_ALL: ChoiceInfo[] = [{ id: 'against-all', names: names('Against all'), color: '#222' }];

function summary(extra: Partial<Summary> = {}): Summary {
  return {
    election: { slug: 's', names: names('S'), date: '2021-01-10', demo: true },
    area: null,
    registeredVoters: 1000,
    precincts: 2,
    official: null,
    voters: noVoterReports(),
    observers: null,
    violations: null,
    participants: null,
    ...extra,
  };
}

const cells = (rows: ReturnType<typeof statisticsRows>, id: string) =>
  rows.find((row) => row.id === id)!.cells;

describe('statisticsRows', () => {
  it('says "no data" for a source that has nothing yet and "not applicable" for what it never counts', () => {
    const rows = statisticsRows(summary(), CHOICES, AGAINST_ALL);
    expect(rows.map((row) => row.id)).toEqual([
      'violations',
      'spoiled',
      'spam',
      'no-photo',
      'choice:against-all',
      'choice:a',
      'choice:b',
    ]);
    expect(cells(rows, 'choice:a')).toEqual({
      voters: { kind: 'empty', reason: 'noData' },
      observers: { kind: 'empty', reason: 'noData' },
      official: { kind: 'empty', reason: 'noData' },
    });
    expect(cells(rows, 'spam').official).toEqual({ kind: 'empty', reason: 'notApplicable' });
    // What voters never report says why in the cell, not a bare "not applicable".
    expect(cells(rows, 'violations').voters).toEqual({
      kind: 'empty',
      reason: 'notApplicable',
      explain: 'stats.violationsFromVoters',
    });
    expect(cells(rows, 'spoiled').voters).toMatchObject({ explain: 'stats.spoiledFromVoters' });
    expect(cells(rows, 'choice:against-all').official).toEqual({ kind: 'empty', reason: 'notApplicable' });
  });

  it('treats a voters block with nothing received as no data, not as zeros', () => {
    const voters = noVoterReports();
    expect(cells(statisticsRows(summary({ voters }), CHOICES, AGAINST_ALL), 'spam').voters).toEqual({
      kind: 'empty',
      reason: 'noData',
    });
  });

  it('gives spam and no-photo as shares of all votes received, and each choice with its count', () => {
    const rows = statisticsRows(
      summary({
        voters: {
          received: 200,
          counted: 160,
          confirmed: 100,
          noPhoto: 50,
          pendingReview: 10,
          spam: 40,
          againstAll: 8,
          delayed: 0,
          precinctsCovered: 3,
          shares: { spam: 0.2, noPhoto: 0.25, againstAll: 0.04 },
          choices: [
            { id: 'a', names: names('A'), count: 120, share: 0.75 },
            { id: 'against-all', names: names('Against all'), count: 8, share: 0.05 },
          ],
        },
        official: {
          precinctsReported: 2,
          registeredVoters: 1000,
          ballotsCast: 600,
          turnout: 0.6,
          invalidBallots: 0,
          choices: [{ id: 'b', names: names('B'), votes: 600, share: 1 }],
        },
        violations: { published: 7, byCategory: {} },
      }),
      CHOICES,
      AGAINST_ALL,
    );
    expect(cells(rows, 'spam').voters).toEqual({ kind: 'share', count: 40, share: 0.2 });
    expect(cells(rows, 'no-photo').voters).toEqual({ kind: 'share', count: 50, share: 0.25 });
    expect(cells(rows, 'choice:against-all').voters).toEqual({ kind: 'share', count: 8, share: 0.05 });
    expect(cells(rows, 'choice:a').voters).toEqual({ kind: 'share', count: 120, share: 0.75 });
    expect(cells(rows, 'choice:b').official).toEqual({ kind: 'share', count: 600, share: 1 });
    // A choice missing from a source's list that has figures counts zero votes there.
    expect(cells(rows, 'choice:a').official).toEqual({ kind: 'share', count: 0, share: null });
    expect(cells(rows, 'violations').observers).toEqual({ kind: 'count', count: 7 });
  });

  it('shows spoiled ballots from observers and officials as shares of the ballots cast', () => {
    const rows = statisticsRows(
      summary({
        official: {
          precinctsReported: 4,
          registeredVoters: 3779,
          ballotsCast: 2440,
          turnout: 0.65,
          invalidBallots: 23,
          choices: [],
        },
        observers: {
          protocolsReceived: 3,
          accepted: 2,
          rejected: 1,
          needsReview: 0,
          rejectedReasons: {},
          precinctsWithObserver: 2,
          precinctsCounted: 2,
          spoiledBallots: 12,
          ballotsCast: null,
          registeredVoters: null,
          turnout: null,
          choices: [],
        },
      }),
      CHOICES,
      AGAINST_ALL,
    );
    expect(cells(rows, 'spoiled').official).toEqual({ kind: 'share', count: 23, share: 23 / 2440 });
    // Without ballots cast the count still shows.
    expect(cells(rows, 'spoiled').observers).toEqual({ kind: 'count', count: 12 });
  });

  it('gives "against all" over the counted reports (spam excluded), the lead text’s denominator', () => {
    const voters = {
      received: 100,
      counted: 80,
      confirmed: 50,
      noPhoto: 30,
      pendingReview: 0,
      spam: 20,
      againstAll: 8,
      delayed: 0,
      precinctsCovered: 3,
      shares: { spam: 0.2, noPhoto: 0.3, againstAll: 0.08 },
      choices: [],
    };
    const rows = statisticsRows(summary({ voters }), CHOICES, AGAINST_ALL);
    expect(cells(rows, 'choice:against-all').voters).toEqual({ kind: 'share', count: 8, share: 0.1 });
    expect(againstAllShare(voters)).toBe(0.1);
    expect(rows.find((row) => row.id === 'choice:against-all')!.note).toBe('stats.ofCountedNote');
    expect(rows.find((row) => row.id === 'spam')!.note).toBe('stats.ofReceivedNote');
  });
});
