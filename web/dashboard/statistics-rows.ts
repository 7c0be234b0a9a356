import type { ChoiceInfo, LocalizedText, Source, Summary } from '../shared/api-types';
import type { WebMessageKey } from '../shared/i18n/catalogs';

/** Why a cell is empty: the source could count it but has nothing yet, or never counts it. */
export type EmptyReason = 'noData' | 'notApplicable';

export type StatisticsCell =
  | { kind: 'count'; count: number }
  | { kind: 'share'; share: number | null; count: number }
  | { kind: 'empty'; reason: EmptyReason };

export interface StatisticsRow {
  id: string;
  label: { key: WebMessageKey } | { names: LocalizedText };
  cells: Record<Source, StatisticsCell>;
}

const NOT_APPLICABLE: StatisticsCell = { kind: 'empty', reason: 'notApplicable' };
const NO_DATA: StatisticsCell = { kind: 'empty', reason: 'noData' };

function shareOf(count: number, total: number): StatisticsCell {
  return { kind: 'share', count, share: total > 0 ? count / total : null };
}

/**
 * The statistics table of one area, in the order the 2021 platform printed it: violations,
 * spam, no photo, the voter-only choices (against all), then each ballot choice. Columns are
 * the three sources; a cell that a source cannot have is `notApplicable`, one it has nothing
 * for yet is `noData` — the page says which.
 *
 * Voters' spam, no-photo and against-all are shares of all votes received (as in 2021), so
 * the self-selected sample's size stays visible in every line.
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
        voters: NOT_APPLICABLE,
        observers: violations ? { kind: 'count', count: violations.published } : NO_DATA,
        official: NOT_APPLICABLE,
      },
    },
    {
      id: 'spam',
      label: { key: 'stats.spam' },
      cells: {
        voters: voters ? shareOf(voters.spam, voters.received) : NO_DATA,
        observers: NOT_APPLICABLE,
        official: NOT_APPLICABLE,
      },
    },
    {
      id: 'no-photo',
      label: { key: 'stats.noPhoto' },
      cells: {
        voters: voters ? shareOf(voters.noPhoto, voters.received) : NO_DATA,
        observers: NOT_APPLICABLE,
        official: NOT_APPLICABLE,
      },
    },
  ];

  for (const choice of voterOnlyChoices) {
    const reported = voters?.choices.find((entry) => entry.id === choice.id);
    let cell: StatisticsCell = NO_DATA;
    if (voters && reported) cell = { kind: 'share', count: reported.count, share: reported.share };
    else if (voters && choice.id === 'against-all') cell = shareOf(voters.againstAll, voters.received);
    else if (voters) cell = shareOf(0, voters.received);
    rows.push({
      id: `choice:${choice.id}`,
      label: { names: choice.names },
      cells: { voters: cell, observers: NOT_APPLICABLE, official: NOT_APPLICABLE },
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
