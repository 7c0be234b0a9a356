import type { Kysely } from 'kysely';
import type { ElectionDefinition } from '../domain/election/election-definition';
import type { LocalizedText } from '../domain/locale';
import { notFound } from '../errors';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { AreaStatsRepository } from '../store/repositories/area-stats.repository';
import { ChatAddressesRepository } from '../store/repositories/chat-addresses.repository';
import { OfficialTalliesRepository } from '../store/repositories/official-tallies.repository';
import { ObserversRepository } from '../store/repositories/observers.repository';
import type { Election, ElectionService } from './election.service';
import { choiceFigureKey } from './official-results-csv';
import { VoterTallyService, type VotersBlock } from './voter-tally.service';
import { ProtocolService, type ObserversBlock } from './protocol.service';
import { ViolationService, type ViolationsBlock } from './violation.service';

export interface ChoiceFigure {
  id: string;
  names: LocalizedText;
  votes: number;
  /** Share of all votes for ballot choices, 0–1; null when there are none. */
  share: number | null;
}

export interface OfficialBlock {
  precinctsReported: number;
  registeredVoters: number | null;
  ballotsCast: number | null;
  /** Ballots cast / registered voters at the precincts that reported, 0–1. */
  turnout: number | null;
  invalidBallots: number | null;
  choices: ChoiceFigure[];
}

export interface AreaSummary {
  election: {
    slug: string;
    names: LocalizedText;
    date: string;
    demo: boolean;
    notice?: LocalizedText;
    /** The official bots' handles and the warning about impostor bots, from the election file. */
    bots?: ElectionDefinition['bots'];
  };
  area: { code: string; level: string; names: LocalizedText; parent: string | null } | null;
  registeredVoters: number;
  precincts: number;
  official: OfficialBlock | null;
  /** What voters reported through the bots (see `VotersBlock` for which statuses count). */
  voters: VotersBlock;
  /** Observers' protocols (accepted and merged ones only for figures); counts, never who. */
  observers: ObserversBlock | null;
  /** Published violation reports only. */
  violations: ViolationsBlock | null;
  /**
   * People who wrote to each bot (whole election only: people are not located by area). Counted
   * from the stored reply addresses, so `dauys purge` brings the voter bot's figure to zero.
   */
  participants: { voterBot: number; observerBot: number } | null;
}

/** The figures of one area (or the whole election) from each source, for `GET …/summary`. */
export class SummaryService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
  ) {}

  async summary(slug: string, areaCode?: string): Promise<AreaSummary> {
    const election = await this.elections.require(slug);
    const areas = new AreasRepository(this.db);
    const area = areaCode ? await areas.find(election.id, areaCode) : undefined;
    if (areaCode && !area) throw notFound(`no area "${areaCode}" in election "${slug}"`);
    // Precomputed per area (area_stats, official_tallies): nothing here sums precincts.
    const stats = await new AreaStatsRepository(this.db).find(election.id, areaCode);
    const official = await new OfficialTalliesRepository(this.db).find(election.id, areaCode);
    const { definition } = election;
    return {
      election: {
        slug: election.slug,
        names: definition.names,
        date: definition.date,
        demo: definition.demo,
        ...(definition.notice ? { notice: definition.notice } : {}),
        ...(definition.bots ? { bots: definition.bots } : {}),
      },
      area: area
        ? {
            code: area.code,
            level: area.level,
            names: { kk: area.name_kk, ru: area.name_ru, en: area.name_en },
            parent: area.parent_code,
          }
        : null,
      registeredVoters: stats.registeredVoters,
      precincts: stats.precincts,
      official: official.precincts > 0 ? officialBlock(election, official) : null,
      voters: await new VoterTallyService(this.db).summary(election.id, definition, areaCode),
      observers: await new ProtocolService(this.db).observersBlock(election, areaCode),
      violations: await new ViolationService(this.db).violationsBlock(election, areaCode),
      participants: areaCode ? null : await this.participants(election.id),
    };
  }

  private async participants(electionId: number): Promise<{ voterBot: number; observerBot: number }> {
    const [voterBot, observerBot] = await Promise.all([
      new ChatAddressesRepository(this.db).countForBot('voter'),
      new ObserversRepository(this.db).countInElection(electionId),
    ]);
    return { voterBot, observerBot };
  }
}

/** Official figures of an area as the public API shows them (shares of the ballot choices' votes). */
export function officialBlock(
  election: Election,
  totals: { precincts: number; figures: Record<string, number> },
): OfficialBlock {
  const { roles } = election.definition.protocol;
  const figure = (line: number | undefined) =>
    line === undefined ? null : (totals.figures[String(line)] ?? null);
  const votes = election.definition.choices.map((choice) => ({
    choice,
    votes: totals.figures[choiceFigureKey(election.definition, choice.id)] ?? 0,
  }));
  const valid = votes.reduce((sum, entry) => sum + entry.votes, 0);
  const registeredVoters = figure(roles.registeredVoters);
  const ballotsCast = figure(roles.ballotsCast);
  return {
    precinctsReported: totals.precincts,
    registeredVoters,
    ballotsCast,
    turnout: registeredVoters && ballotsCast !== null ? ballotsCast / registeredVoters : null,
    invalidBallots: figure(roles.invalidBallots),
    choices: votes.map(({ choice, votes: count }) => ({
      id: choice.id,
      names: choice.names,
      votes: count,
      share: valid > 0 ? count / valid : null,
    })),
  };
}
