import type { Kysely } from 'kysely';
import { allChoices, type ElectionDefinition } from '../domain/election/election-definition';
import type { Database } from '../store/database-schema';
import { PrecinctSourcesRepository } from '../store/repositories/precinct-sources.repository';
import { columnId, type ExportColumn, type ExportValue, type PrecinctFigureSource } from './export-sources';
import { choiceFigureKey } from './official-results-csv';

/**
 * The voters' tally per precinct, from the precomputed `voter_tallies` cells (never from the
 * reports themselves: no report, pseudonym or timestamp reaches the export). Spam is counted
 * apart and left out of the per-choice columns, as on the dashboard.
 */
export function voterSource(db: Kysely<Database>): PrecinctFigureSource {
  const columns = (definition: ElectionDefinition): ExportColumn[] => [
    count(
      'voters_received',
      'Voters: reports received',
      'Reports received by the voter bots, spam included.',
    ),
    count(
      'voters_counted',
      'Voters: reports counted',
      'Reports counted in the voters’ tally (all but spam).',
    ),
    count(
      'voters_confirmed',
      'Voters: confirmed by photo',
      'Counted reports with a ballot photo that passed the checks.',
    ),
    count('voters_no_photo', 'Voters: without photo', 'Counted reports whose voter could not send a photo.'),
    count('voters_spam', 'Voters: spam', 'Reports judged spam: received, quarantined, never counted.'),
    ...allChoices(definition).map((choice) =>
      count(
        `voters_${columnId(choice.id)}`,
        `Voters: ${choice.names.en}`,
        `Counted voter reports for "${choice.names.en}" (a self-selected sample, not a result).`,
      ),
    ),
  ];
  return {
    id: 'voters',
    columns,
    async values(election) {
      const rows = await new PrecinctSourcesRepository(db).voterTallyCells(election.id, {
        depth: election.definition.geography.levels.length - 1,
      });
      const values = new Map<string, Record<string, ExportValue>>();
      for (const row of rows) {
        let cells = values.get(row.code);
        if (!cells) {
          cells = Object.fromEntries(columns(election.definition).map((column) => [column.name, 0]));
          values.set(row.code, cells);
        }
        const add = (name: string) => (cells![name] = Number(cells![name] ?? 0) + row.count);
        add('voters_received');
        if (row.status === 'spam') add('voters_spam');
        else {
          add('voters_counted');
          add(`voters_${columnId(row.choice_id)}`);
          if (row.status === 'confirmed') add('voters_confirmed');
          if (row.status === 'no_photo') add('voters_no_photo');
        }
      }
      return values;
    },
  };
}

/**
 * Independent observers' figures per precinct: the merged figures of accepted protocols, and
 * the merge's status (`accepted`, or `conflict` when observers disagree — then no figures).
 */
export function observerSource(db: Kysely<Database>): PrecinctFigureSource {
  const figureColumns = (definition: ElectionDefinition) => {
    const columns: Array<ExportColumn & { key: string }> = [];
    for (const line of definition.protocol.lines) {
      if (line.perChoice) {
        for (const choice of definition.choices) {
          columns.push({
            ...count(
              `observers_votes_${columnId(choice.id)}`,
              `Observers: votes for ${choice.names.en}`,
              `Observers' accepted protocol, line ${line.number} for "${choice.names.en}".`,
            ),
            key: choiceFigureKey(definition, choice.id),
          });
        }
      } else {
        columns.push({
          ...count(
            `observers_line_${line.number}`,
            `Observers: line ${line.number}`,
            `Observers' accepted protocol, line ${line.number}: ${line.labels.en}.`,
          ),
          key: String(line.number),
        });
      }
    }
    return columns;
  };
  const statusColumn: ExportColumn = {
    name: 'observers_status',
    type: 'string',
    title: 'Observers: protocol status',
    description:
      '"accepted": merged figures of accepted protocols; "conflict": observers disagree, no figures.',
  };
  return {
    id: 'observers',
    columns: (definition) => [
      statusColumn,
      ...figureColumns(definition).map(({ key: _key, ...column }) => column),
    ],
    async values(election) {
      const columns = figureColumns(election.definition);
      const rows = await new PrecinctSourcesRepository(db).protocols(election.id, ['accepted', 'conflict']);
      const values = new Map<string, Record<string, ExportValue>>();
      for (const row of rows) {
        const accepted = row.status === 'accepted';
        values.set(row.precinct_code, {
          observers_status: row.status,
          ...Object.fromEntries(
            columns.map((column) => [column.name, accepted ? (row.figures[column.key] ?? null) : null]),
          ),
        });
      }
      return values;
    },
  };
}

function count(name: string, title: string, description: string): ExportColumn {
  return { name, type: 'integer', title, description };
}
