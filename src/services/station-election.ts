import type { StationResult } from '../analysis/types';
import {
  areaCodeSchema,
  parseElectionDefinition,
  type ElectionDefinition,
} from '../domain/election/election-definition';
import { invalidInput, type InputIssue } from '../errors';
import type { AreaRow } from '../store/repositories/areas.repository';
import type { OfficialResultRow } from '../store/repositories/official-results.repository';
import type { OutsideEvidenceRow } from '../store/repositories/outside-evidence.repository';
import { choiceFigureKey } from './official-results-csv';
import type { MappedStations } from './station-table/apply-mapping';

/** Protocol lines of an election imported from a station table (one page, four lines). */
const LINES = { registered: 1, ballotsCast: 2, choiceVotes: 3, invalid: 4 } as const;
const LEVELS = ['region', 'district', 'station'] as const;
const MAX_ISSUES = 20;

export interface StationElectionInput {
  slug: string;
  name: string;
  /** Election day, YYYY-MM-DD. */
  date: string;
  csvFile: string;
}

/** What `dauys import stations` stores: the definition, the areas, official results and outside evidence. */
export interface StationElection {
  definition: ElectionDefinition;
  areas: Omit<AreaRow, 'election_id'>[];
  official: OfficialResultRow[];
  evidence: OutsideEvidenceRow[];
}

/**
 * Turns the stations read from a CSV through a mapping into an election: regions, districts and
 * stations (codes as in the CSV), each station's official figures (stations whose result was not
 * published get none) and the evidence the CSV carries (photographed ballots, the outside tally,
 * observers). A station without region or district, an id that is not an area code, a duplicate
 * id or a district under two regions throws `invalidInput` naming `file:line`.
 *
 * @example
 * const election = stationElection(loadStationTable('voice.csv', 'by-2020.json'), { slug: 'by-2020', name: 'Belarus 2020', date: '2020-08-09', csvFile: 'voice.csv' });
 */
export function stationElection(table: MappedStations, input: StationElectionInput): StationElection {
  const definition = parseElectionDefinition(
    definitionOf(table, input),
    `the election built from ${input.csvFile}`,
  );
  const issues: InputIssue[] = [];
  const problem = (index: number, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ where: `${input.csvFile}:${table.lines[index]}`, message });
  };
  const areas = new Map<string, Omit<AreaRow, 'election_id'>>();
  const official: OfficialResultRow[] = [];
  const evidence: OutsideEvidenceRow[] = [];
  table.stations.forEach((station, index) => {
    const path = [station.region, station.district, station.id];
    if (!station.region || !station.district) {
      problem(
        index,
        `station "${station.id}" has no region or district (the mapping needs region and district, or areasFromId)`,
      );
      return;
    }
    const badCode = path.find((code) => !areaCodeSchema.safeParse(code).success);
    if (badCode !== undefined) {
      problem(index, `"${badCode}" is not an area code (ASCII letters and digits joined by "-", "_" or ".")`);
      return;
    }
    for (let depth = 0; depth < path.length; depth++) {
      const code = path[depth]!;
      const existing = areas.get(code);
      if (depth === path.length - 1 && existing) {
        problem(index, `station "${code}" appears twice, or is also a region or district code`);
        return;
      }
      if (existing && (existing.depth !== depth || existing.parent_code !== (path[depth - 1] ?? null))) {
        problem(
          index,
          `area "${code}" is both under "${existing.parent_code ?? 'the top'}" and under "${path[depth - 1] ?? 'the top'}"`,
        );
        return;
      }
      if (!existing) areas.set(code, areaRow(path.slice(0, depth + 1) as string[], station));
    }
    if (!station.officialMissing)
      official.push({ precinctCode: station.id, figures: figuresOf(definition, station) });
    // Every station gets a row, evidence or not: its position keeps the file's order.
    evidence.push({
      precinctCode: station.id,
      position: index,
      photoVotes: station.photoVotes ?? null,
      sampleVotes: station.sampleVotes ?? null,
      observers: station.observers ?? null,
      publishedVotes: station.officialMissing ? (station.publishedVotes ?? null) : null,
    });
  });
  if (issues.length > 0) throw invalidInput(`${input.csvFile} cannot become an election`, issues);
  return { definition, areas: [...areas.values()], official, evidence };
}

function areaRow(path: string[], station: StationResult): Omit<AreaRow, 'election_id'> {
  const depth = path.length - 1;
  const code = path[depth]!;
  const isStation = depth === LEVELS.length - 1;
  return {
    code,
    level: LEVELS[depth]!,
    depth,
    parent_code: path[depth - 1] ?? null,
    path,
    number: isStation ? code : null,
    kind: null,
    name_kk: code,
    name_ru: code,
    name_en: code,
    registered_voters: isStation && station.registered > 0 ? station.registered : null,
  };
}

function figuresOf(definition: ElectionDefinition, station: StationResult): Record<string, number> {
  const figures: Record<string, number> = {
    [LINES.registered]: station.registered,
    [LINES.ballotsCast]: station.ballotsCast,
    [LINES.invalid]: station.invalid,
  };
  for (const choice of definition.choices)
    figures[choiceFigureKey(definition, choice.id)] = station.votes[choice.id] ?? 0;
  return figures;
}

function text(value: string) {
  return { kk: value, ru: value, en: value };
}

function definitionOf(table: MappedStations, input: StationElectionInput): unknown {
  return {
    formatVersion: 1,
    slug: input.slug,
    names: text(input.name),
    demo: false,
    notice: {
      kk: `${input.csvFile} файлынан импортталған сайлау учаскелерінің деректері`,
      ru: `Данные участков, импортированные из ${input.csvFile}`,
      en: `Station-level data imported from ${input.csvFile}`,
    },
    date: input.date,
    ...(table.language ? { language: table.language } : {}),
    timeZone: 'UTC',
    polls: { opens: '08:00', closes: '20:00' },
    lateMessages: { gracePeriodHours: 0 },
    choices: table.choices.map((choice) => ({ id: choice.id, kind: 'candidate', names: text(choice.name) })),
    geography: {
      levels: [
        { id: 'region', names: { kk: 'Өңір', ru: 'Регион', en: 'Region' } },
        { id: 'district', names: { kk: 'Аудан', ru: 'Район', en: 'District' } },
        { id: 'station', names: { kk: 'Учаске', ru: 'Участок', en: 'Station' } },
      ],
    },
    protocol: {
      pages: 1,
      lines: [
        {
          number: LINES.registered,
          labels: { kk: 'Сайлаушылар саны', ru: 'Число избирателей', en: 'Registered voters' },
        },
        {
          number: LINES.ballotsCast,
          labels: { kk: 'Берілген бюллетеньдер', ru: 'Выдано бюллетеней', en: 'Ballots cast' },
        },
        { number: LINES.choiceVotes, perChoice: true, labels: { kk: 'Дауыстар', ru: 'Голоса', en: 'Votes' } },
        {
          number: LINES.invalid,
          labels: { kk: 'Жарамсыз бюллетеньдер', ru: 'Недействительные бюллетени', en: 'Invalid ballots' },
        },
      ],
      roles: {
        registeredVoters: LINES.registered,
        ballotsCast: LINES.ballotsCast,
        choiceVotes: LINES.choiceVotes,
        invalidBallots: LINES.invalid,
      },
    },
  };
}
