import type { Kysely, Transaction } from 'kysely';
import type { ElectionDefinition } from '../domain/election/election-definition';
import { compareOfficialOrder } from '../domain/geography';
import type { LocalizedText } from '../domain/locale';
import type { Database } from '../store/database-schema';
import type { BallotStatus } from '../store/tables/ballots.tables';
import {
  listAreasOfLevel,
  VoterTalliesRepository,
  type TallyCount,
  type TallyDelta,
} from '../store/repositories/voter-tallies.repository';
import { VoterCoverageRepository, type CountedMove } from '../store/repositories/voter-coverage.repository';

/** Statuses whose votes count in the shares: everything but spam. */
export const COUNTED_STATUSES: readonly BallotStatus[] = ['confirmed', 'no_photo', 'pending_review'];

export interface VoterChoiceFigure {
  id: string;
  names: LocalizedText;
  count: number;
  /** count / counted votes (0–1); null when no vote is counted yet. */
  share: number | null;
}

/**
 * What voters reported for one area. `received` is every report, spam included; the other
 * figures are over counted reports (confirmed + no photo + pending review), except `spam`.
 * `againstAll` sums the voter-only choices ("against all"); `choices` lists the ballot's
 * choices in ballot order, then the voter-only ones.
 */
export interface VotersBlock {
  received: number;
  counted: number;
  confirmed: number;
  noPhoto: number;
  pendingReview: number;
  spam: number;
  againstAll: number;
  delayed: number;
  precinctsCovered: number;
  /**
   * Shares of all reports received (spam included, as the 2021 page showed them), 0–1; null
   * before any report: what was quarantined as spam, what came without a photo, "against all".
   */
  shares: { spam: number | null; noPhoto: number | null; againstAll: number | null };
  choices: VoterChoiceFigure[];
}

/**
 * Folds tally cells into the public figures.
 *
 * @example
 * votersBlock([{ choiceId: 'a', status: 'confirmed', delayed: false, count: 3 }], election, 1);
 * // { received: 3, counted: 3, confirmed: 3, …, choices: [{ id: 'a', count: 3, share: 1 }, …] }
 */
export function votersBlock(
  counts: TallyCount[],
  election: ElectionDefinition,
  precinctsCovered: number,
): VotersBlock {
  const byStatus = (status: BallotStatus) =>
    counts.filter((c) => c.status === status).reduce((sum, c) => sum + c.count, 0);
  const countedCells = counts.filter((c) => COUNTED_STATUSES.includes(c.status));
  const counted = countedCells.reduce((sum, c) => sum + c.count, 0);
  const perChoice = (id: string) =>
    countedCells.filter((c) => c.choiceId === id).reduce((s, c) => s + c.count, 0);
  const voterOnly = new Set(election.voterOnlyChoices.map((c) => c.id));
  const received = counts.reduce((sum, c) => sum + c.count, 0);
  const spam = byStatus('spam');
  const noPhoto = byStatus('no_photo');
  const againstAll = countedCells.filter((c) => voterOnly.has(c.choiceId)).reduce((s, c) => s + c.count, 0);
  const shareOfReceived = (n: number) => (received > 0 ? n / received : null);
  return {
    received,
    counted,
    confirmed: byStatus('confirmed'),
    noPhoto,
    pendingReview: byStatus('pending_review'),
    spam,
    againstAll,
    delayed: countedCells.filter((c) => c.delayed).reduce((sum, c) => sum + c.count, 0),
    precinctsCovered,
    shares: {
      spam: shareOfReceived(spam),
      noPhoto: shareOfReceived(noPhoto),
      againstAll: shareOfReceived(againstAll),
    },
    choices: [...election.choices, ...election.voterOnlyChoices].map(({ id, names }) => {
      const count = perChoice(id);
      return { id, names, count, share: counted > 0 ? count / counted : null };
    }),
  };
}

/** A report's place in the tally: the cells it adds to, one per enclosing area. */
export interface TalliedReport {
  /** `areas.path` of the precinct: every enclosing area and the precinct itself. */
  path: string[];
  choiceId: string;
  status: BallotStatus;
  delayed: boolean;
}

/**
 * The deltas that take `before` out of the tally and put `after` in (either may be absent:
 * a new vote, a deleted one).
 *
 * @example
 * tallyMove(undefined, { path: ['r1', 'd1', 'p1'], choiceId: 'a', status: 'no_photo', delayed: false });
 * // three +1 deltas: r1, d1, p1
 */
export function tallyMove(before: TalliedReport | undefined, after: TalliedReport | undefined): TallyDelta[] {
  const cells = (report: TalliedReport, delta: number) =>
    report.path.map((areaCode) => ({
      areaCode,
      choiceId: report.choiceId,
      status: report.status,
      delayed: report.delayed,
      delta,
    }));
  return [...(before ? cells(before, -1) : []), ...(after ? cells(after, +1) : [])];
}

/** Reads the voters' tally for summaries and results; never scans reports. */
export class VoterTallyService {
  constructor(private readonly db: Kysely<Database>) {}

  /** The `voters` block of `GET …/summary` for an area (or the whole election). */
  async summary(electionId: number, election: ElectionDefinition, areaCode?: string): Promise<VotersBlock> {
    const [counts, covered] = await Promise.all([
      new VoterTalliesRepository(this.db).forArea(electionId, areaCode),
      new VoterCoverageRepository(this.db).precinctsCovered(electionId, areaCode),
    ]);
    return votersBlock(counts, election, covered);
  }

  /** The `voters` block of every area of a level (within `areaCode`), for `GET …/results`. */
  async results(
    electionId: number,
    election: ElectionDefinition,
    level: string,
    areaCode?: string,
  ): Promise<
    Array<{
      code: string;
      parent: string | null;
      number: string | null;
      names: LocalizedText;
      voters: VotersBlock;
    }>
  > {
    const [areas, cells, coveredByArea] = await Promise.all([
      listAreasOfLevel(this.db, electionId, level, areaCode),
      new VoterTalliesRepository(this.db).forLevel(electionId, level, areaCode),
      new VoterCoverageRepository(this.db).forLevel(electionId, level, areaCode),
    ]);
    const cellsByArea = groupBy(cells, (c) => c.areaCode);
    // The election file's order (the commission's numbers), as the bots and the area lists show it:
    // numbers count within a parent (every region has a district 1), so siblings stay together.
    const parentRank = new Map<string | null, number>();
    for (const area of areas)
      if (!parentRank.has(area.parentCode)) parentRank.set(area.parentCode, parentRank.size);
    const inOrder = [...areas].sort(
      (a, b) =>
        (parentRank.get(a.parentCode) ?? 0) - (parentRank.get(b.parentCode) ?? 0) ||
        compareOfficialOrder(a, b),
    );
    return inOrder.map((area) => ({
      code: area.code,
      parent: area.parentCode,
      number: area.number,
      names: { kk: area.nameKk, ru: area.nameRu, en: area.nameEn },
      voters: votersBlock(cellsByArea.get(area.code) ?? [], election, coveredByArea.get(area.code) ?? 0),
    }));
  }

  /**
   * Moves a report out of the tally and into it again (either side may be absent: a new vote, a
   * deleted one), inside the caller's transaction (the one that changes the report): its tally
   * cells and the coverage of its precinct.
   */
  static async move(
    tx: Transaction<Database>,
    electionId: number,
    before: TalliedReport | undefined,
    after: TalliedReport | undefined,
  ): Promise<void> {
    await new VoterTalliesRepository(tx).apply(electionId, tallyMove(before, after));
    const countedMoves: CountedMove[] = [];
    if (before && COUNTED_STATUSES.includes(before.status))
      countedMoves.push({ path: before.path, delta: -1 });
    if (after && COUNTED_STATUSES.includes(after.status)) countedMoves.push({ path: after.path, delta: 1 });
    await new VoterCoverageRepository(tx).apply(electionId, countedMoves);
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
