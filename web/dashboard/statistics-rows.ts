import type { ChoiceInfo, LocalizedText, Source, Summary, VotersBlock } from '../shared/api-types';
import type { DashboardMessageKey } from '../shared/i18n/index.svelte';

/** Why a cell is empty: the source could count it but has nothing yet, or never counts it. */
export type EmptyReason = 'noData' | 'notApplicable';

export type StatisticsCell =
  | { kind: 'count'; count: number }
  | { kind: 'share'; share: number | null; count: number }
  | { kind: 'empty'; reason: EmptyReason; explain?: DashboardMessageKey };

export interface StatisticsRow {
  id: string;
  label: { key: DashboardMessageKey } | { names: LocalizedText };
  cells: Record<Source, StatisticsCell>;
  /** What the row's shares are of, printed under its label (the denominators differ by row). */
  note?: DashboardMessageKey;
}

const NOT_APPLICABLE: StatisticsCell = { kind: 'empty', reason: 'notApplicable' };

/** A figure the source never collects, with the reason printed in the cell. */
function notCollected(explain: DashboardMessageKey): StatisticsCell {
  return { kind: 'empty', reason: 'notApplicable', explain };
}
const NO_DATA: StatisticsCell = { kind: 'empty', reason: 'noData' };

function shareOf(count: number, total: number): StatisticsCell {
  return { kind: 'share', count, share: total > 0 ? count / total : null };
}

/** Spoiled (invalid) ballots as a share of the ballots cast; a count alone when cast is unknown. */
function spoiledCell(spoiled: number | null, cast: number | null): StatisticsCell {
  if (spoiled === null) return NO_DATA;
  return cast ? { kind: 'share', count: spoiled, share: spoiled / cast } : { kind: 'count', count: spoiled };
}

/** The voters' counted reports (spam excluded): the denominator of every choice's share. */
export function countedOf(voters: VotersBlock): number {
  return voters.counted;
}

/**
 * The "against all" share of counted reports, as the lead text and the table both print it;
 * null before any counted report.
 */
export function againstAllShare(voters: VotersBlock): number | null {
  const counted = countedOf(voters);
  return counted > 0 ? voters.againstAll / counted : null;
}

/**
 * The statistics table of one area, in the order the 2021 platform printed it: violations,
 * spoiled ballots, spam, no photo, the voter-only choices (against all), then each ballot
 * choice. Columns are the three sources; a cell that a source cannot have is `notApplicable`
 * (with an `explain` key where "why" is not obvious), one it has nothing for yet is `noData`.
 *
 * Denominators, one per kind of row and named in the row's `note`: voters' spam and no-photo
 * are shares of all reports received (as in 2021); every choice, "against all" included, is a
 * share of the counted reports (spam excluded) — the same figure the lead text prints.
 * Spoiled ballots are a share of the ballots cast that the source counted.
 */
export function statisticsRows(
  summary: Summary,
  choices: ChoiceInfo[],
  voterOnlyChoices: ChoiceInfo[],
): StatisticsRow[] {
  // A source block with nothing counted yet reads as "no data", not as a row of zeros.
  const voters = summary.voters?.received ? summary.voters : null;
  const observers = summary.observers?.protocolsReceived ? summary.observers : null;
  const official = summary.official;
  const violations = summary.violations ?? null;

  const rows: StatisticsRow[] = [
    {
      id: 'violations',
      label: { key: 'stats.violations' },
      cells: {
        // The voter bot asks only for the vote: saying so beats a bare "not applicable".
        voters: notCollected('stats.violationsFromVoters'),
        observers: violations ? { kind: 'count', count: violations.published } : NO_DATA,
        official: notCollected('stats.violationsOfficial'),
      },
      note: 'stats.violationsNote',
    },
    {
      id: 'spoiled',
      label: { key: 'stats.spoiled' },
      cells: {
        voters: notCollected('stats.spoiledFromVoters'),
        observers: observers ? spoiledCell(observers.spoiledBallots, observers.ballotsCast) : NO_DATA,
        official: official ? spoiledCell(official.invalidBallots, official.ballotsCast) : NO_DATA,
      },
      note: 'stats.spoiledNote',
    },
    {
      id: 'spam',
      label: { key: 'stats.spam' },
      cells: {
        voters: voters ? shareOf(voters.spam, voters.received) : NO_DATA,
        observers: NOT_APPLICABLE,
        official: NOT_APPLICABLE,
      },
      note: 'stats.ofReceivedNote',
    },
    {
      id: 'no-photo',
      label: { key: 'stats.noPhoto' },
      cells: {
        voters: voters ? shareOf(voters.noPhoto, voters.received) : NO_DATA,
        observers: NOT_APPLICABLE,
        official: NOT_APPLICABLE,
      },
      note: 'stats.ofReceivedNote',
    },
  ];

  for (const choice of voterOnlyChoices) {
    const reported = voters?.choices.find((entry) => entry.id === choice.id);
    let cell: StatisticsCell = NO_DATA;
    if (voters && reported) cell = { kind: 'share', count: reported.count, share: reported.share };
    else if (voters && choice.id === 'against-all') cell = shareOf(voters.againstAll, countedOf(voters));
    else if (voters) cell = shareOf(0, countedOf(voters));
    rows.push({
      id: `choice:${choice.id}`,
      label: { names: choice.names },
      cells: { voters: cell, observers: NOT_APPLICABLE, official: NOT_APPLICABLE },
      note: 'stats.ofCountedNote',
    });
  }

  for (const choice of choices) {
    const fromVoters = voters?.choices.find((entry) => entry.id === choice.id);
    const fromObservers = observers?.choices.find((entry) => entry.id === choice.id);
    const fromOfficial = official?.choices.find((entry) => entry.id === choice.id);
    rows.push({
      id: `choice:${choice.id}`,
      label: { names: choice.names },
      cells: {
        voters: voters
          ? fromVoters
            ? { kind: 'share', count: fromVoters.count, share: fromVoters.share }
            : shareOf(0, 0)
          : NO_DATA,
        observers: observers
          ? fromObservers
            ? { kind: 'share', count: fromObservers.votes, share: fromObservers.share }
            : shareOf(0, 0)
          : NO_DATA,
        official: official
          ? fromOfficial
            ? { kind: 'share', count: fromOfficial.votes, share: fromOfficial.share }
            : shareOf(0, 0)
          : NO_DATA,
      },
    });
  }
  return rows;
}
