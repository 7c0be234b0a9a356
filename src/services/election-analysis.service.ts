import type { Kysely } from 'kysely';
import { analyzeElection, type AnalysisReport } from '../analysis/analyze-election';
import type { ObserverProtocol, StationResult, VotesByChoice } from '../analysis/types';
import { allChoices, type ElectionDefinition } from '../domain/election/election-definition';
import type { Locale } from '../domain/locale';
import { analysisReportHtml } from './analysis-report/analysis-report-html';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { OutsideEvidenceRepository } from '../store/repositories/outside-evidence.repository';
import { PrecinctSourcesRepository } from '../store/repositories/precinct-sources.repository';
import type { Election, ElectionService } from './election.service';
import { choiceFigureKey } from './official-results-csv';

/** A stored election's analysis is reused this long: it is a few seconds of CPU on a national election. */
const CACHE_MS = 60_000;

export interface StoredAnalysis {
  election: string;
  computedAt: string;
  report: AnalysisReport;
}

/**
 * `dauys analyze <election>` and `GET …/analysis`: builds one `StationResult` per precinct from
 * the official results, the voters' photo-confirmed tally, the observers' accepted protocols and
 * the outside evidence imported with a station table (`dauys import stations`: photographed
 * ballots, observer counts), and runs the pure analysis over them.
 */
export class ElectionAnalysisService {
  private readonly cache = new Map<string, { at: number; result: Promise<StoredAnalysis> }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
  ) {}

  /** The cached analysis (computed once per minute at most; concurrent callers share one run). */
  async analysis(slug: string, options: { seed?: number; fresh?: boolean } = {}): Promise<StoredAnalysis> {
    const election = await this.elections.require(slug);
    const key = `${slug}:${options.seed ?? 42}`;
    const cached = this.cache.get(key);
    if (cached && !options.fresh && Date.now() - cached.at < CACHE_MS) return cached.result;
    const result = this.compute(election, options.seed ?? 42);
    this.cache.set(key, { at: Date.now(), result });
    result.catch(() => this.cache.delete(key));
    return result;
  }

  /**
   * The printable report of the (cached) analysis in one language: a self-contained HTML page.
   *
   * @example
   * const html = await app.analyses.reportHtml('kz-2021-mazhilis', 'ru');
   */
  async reportHtml(
    slug: string,
    locale: Locale,
    options: { seed?: number; fresh?: boolean } = {},
  ): Promise<string> {
    const election = await this.elections.require(slug);
    const { report, computedAt } = await this.analysis(slug, options);
    const choiceNames = Object.fromEntries(
      allChoices(election.definition).map((choice) => [choice.id, choice.names[locale]]),
    );
    return analysisReportHtml(report, {
      locale,
      election: election.definition.names[locale],
      choiceNames,
      computedAt,
    });
  }

  private async compute(election: Election, seed: number): Promise<StoredAnalysis> {
    const stations = await this.stations(election);
    const report = analyzeElection(stations, { seed, monteCarloDraws: 1000 });
    return { election: election.slug, computedAt: new Date().toISOString(), report };
  }

  /** One record per precinct, every source joined in. */
  async stations(election: Election): Promise<StationResult[]> {
    const { definition } = election;
    const leafLevel = definition.geography.levels.at(-1)?.id ?? '';
    const sources = new PrecinctSourcesRepository(this.db);
    const precincts = await new AreasRepository(this.db).listByLevel(election.id, leafLevel);
    const evidence = await new OutsideEvidenceRepository(this.db).listByElection(election.id);
    const outside = new Map(evidence.map((row) => [row.precinctCode, row]));
    // An imported station table's order is kept, so the seeded bootstraps match `analyze --csv`.
    const position = (code: string) => outside.get(code)?.position ?? Number.MAX_SAFE_INTEGER;
    precincts.sort((a, b) => position(a.code) - position(b.code));
    const outsideObserverCounts = evidence.some((row) => row.observers !== null);
    const official = new Map(
      (await sources.officialFigures(election.id)).map((row) => [row.precinct_code, row.figures]),
    );
    const photos = await this.voterVotesByPrecinct(election.id, leafLevel);
    const protocols = new Map(
      (await sources.protocols(election.id, ['accepted'])).map((row) => [row.precinct_code, row.figures]),
    );
    const observed = new Set(await sources.observedPrecincts(election.id));
    return precincts.map((precinct) => {
      const figures = official.get(precinct.code);
      const protocol = protocols.get(precinct.code);
      const voter = photos.get(precinct.code);
      const extra = outside.get(precinct.code);
      const photoVotes = addVotes(voter?.photo, extra?.photoVotes);
      const sampleVotes = addVotes(voter?.sample, extra?.sampleVotes);
      return {
        id: precinct.code,
        ...(precinct.path[0] !== undefined ? { region: precinct.path[0] } : {}),
        ...(precinct.path.length > 2 && precinct.path[1] !== undefined ? { district: precinct.path[1] } : {}),
        ...officialFigures(definition, figures, precinct.registered_voters ?? 0),
        ...(!figures && extra?.publishedVotes ? { publishedVotes: extra.publishedVotes } : {}),
        ...(photoVotes ? { photoVotes } : {}),
        ...(sampleVotes ? { sampleVotes } : {}),
        ...observerFields(
          observed.has(precinct.code) || protocol !== undefined,
          extra?.observers ?? null,
          outsideObserverCounts,
        ),
        ...(protocol ? { protocol: protocolFigures(definition, protocol) } : {}),
      };
    });
  }

  private async voterVotesByPrecinct(electionId: number, leafLevel: string) {
    const rows = await new PrecinctSourcesRepository(this.db).voterTallyCells(
      electionId,
      { level: leafLevel },
      { withoutSpam: true },
    );
    const byPrecinct = new Map<string, { photo: VotesByChoice; sample: VotesByChoice }>();
    for (const row of rows) {
      const entry = byPrecinct.get(row.code) ?? { photo: {}, sample: {} };
      entry.sample[row.choice_id] = (entry.sample[row.choice_id] ?? 0) + row.count;
      if (row.status === 'confirmed')
        entry.photo[row.choice_id] = (entry.photo[row.choice_id] ?? 0) + row.count;
      byPrecinct.set(row.code, entry);
    }
    return byPrecinct;
  }
}

/** Votes from the platform's voters and from an imported outside source, summed per choice. */
function addVotes(
  own: VotesByChoice | undefined,
  imported: VotesByChoice | null | undefined,
): VotesByChoice | undefined {
  if (!imported) return own;
  const total: VotesByChoice = { ...own };
  for (const [choice, count] of Object.entries(imported)) total[choice] = (total[choice] ?? 0) + count;
  return total;
}

/**
 * Whether a precinct was observed: an assignment or an accepted protocol says yes; else an
 * imported observer count decides. When the election has imported counts, a precinct without one
 * is unknown (left out of the observer effect, as `analyze --csv` leaves it); otherwise no.
 */
function observerFields(
  platformObserved: boolean,
  importedCount: number | null,
  electionHasImportedCounts: boolean,
): Pick<StationResult, 'observed' | 'observers'> {
  const count = importedCount !== null ? { observers: importedCount } : {};
  if (platformObserved) return { observed: true, ...count };
  if (importedCount !== null) return count;
  return electionHasImportedCounts ? {} : { observed: false };
}

function officialFigures(
  definition: ElectionDefinition,
  figures: Record<string, number> | undefined,
  registeredOnList: number,
): Pick<StationResult, 'registered' | 'ballotsCast' | 'valid' | 'invalid' | 'votes' | 'officialMissing'> {
  if (!figures) {
    return {
      registered: registeredOnList,
      ballotsCast: 0,
      valid: 0,
      invalid: 0,
      votes: {},
      officialMissing: true,
    };
  }
  const { roles } = definition.protocol;
  const votes: VotesByChoice = {};
  let valid = 0;
  for (const choice of definition.choices) {
    const count = figures[choiceFigureKey(definition, choice.id)] ?? 0;
    votes[choice.id] = count;
    valid += count;
  }
  return {
    registered: figures[String(roles.registeredVoters)] ?? registeredOnList,
    ballotsCast: figures[String(roles.ballotsCast)] ?? valid,
    valid,
    invalid: roles.invalidBallots !== undefined ? (figures[String(roles.invalidBallots)] ?? 0) : 0,
    votes,
  };
}

function protocolFigures(definition: ElectionDefinition, figures: Record<string, number>): ObserverProtocol {
  const { roles } = definition.protocol;
  const votes: VotesByChoice = {};
  let valid = 0;
  for (const choice of definition.choices) {
    const count = figures[choiceFigureKey(definition, choice.id)];
    if (count === undefined) continue;
    votes[choice.id] = count;
    valid += count;
  }
  const line = (n: number | undefined) => (n === undefined ? undefined : figures[String(n)]);
  const registered = line(roles.registeredVoters);
  const ballotsCast = line(roles.ballotsCast);
  const invalid = line(roles.invalidBallots);
  return {
    votes,
    valid,
    ...(registered !== undefined ? { registered } : {}),
    ...(ballotsCast !== undefined ? { ballotsCast } : {}),
    ...(invalid !== undefined ? { invalid } : {}),
  };
}
