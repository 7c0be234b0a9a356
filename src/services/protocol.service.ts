import type { Kysely, Transaction } from 'kysely';
import {
  checkProtocol,
  protocolProblems,
  publicReasonId,
  type ProtocolStatus,
} from '../domain/election/protocol-checks';
import type { LocalizedText } from '../domain/locale';
import { toProtocolFigures } from '../flows/observer/protocol-figures';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import {
  ObserverProtocolsRepository,
  WHOLE_ELECTION,
  type StoredProtocol,
  type TallyDelta,
} from '../store/repositories/observer-protocols.repository';
import { ObserversRepository } from '../store/repositories/observers.repository';
import type { Election } from './election.service';
import { countedFigures, mergeProtocols } from './protocol-merge';

export interface SubmittedProtocol {
  protocolId: number;
  status: ProtocolStatus;
  reasons: string[];
  /** The precinct's merged status after this submission. */
  precinctStatus: 'accepted' | 'conflict' | 'none';
}

/** The summary's `observers` block (its contract: src/http/public/contracts/figures.contract.ts). */
export interface ObserversBlock {
  protocolsReceived: number;
  accepted: number;
  rejected: number;
  needsReview: number;
  rejectedReasons: Record<string, number>;
  precinctsWithObserver: number;
  /** Precincts whose merged, conflict-free protocol the figures below come from. */
  precinctsCounted: number;
  spoiledBallots: number | null;
  ballotsCast: number | null;
  registeredVoters: number | null;
  turnout: number | null;
  choices: Array<{ id: string; names: LocalizedText; votes: number; share: number | null }>;
}

function statusDelta(protocol: { status: ProtocolStatus; reasons: string[] }, sign: 1 | -1): TallyDelta {
  return {
    received: sign,
    accepted: protocol.status === 'accepted' ? sign : 0,
    rejected: protocol.status === 'rejected' ? sign : 0,
    needsReview: protocol.status === 'needs_review' ? sign : 0,
    reasons: protocol.status === 'rejected' ? Object.fromEntries(protocol.reasons.map((r) => [r, sign])) : {},
    precincts: 0,
    figures: {},
  };
}

function figuresDelta(before: Record<string, number>, after: Record<string, number>): TallyDelta {
  const figures: Record<string, number> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const change = (after[key] ?? 0) - (before[key] ?? 0);
    if (change !== 0) figures[key] = change;
  }
  const wasCounted = Object.keys(before).length > 0 ? 1 : 0;
  const isCounted = Object.keys(after).length > 0 ? 1 : 0;
  return {
    received: 0,
    accepted: 0,
    rejected: 0,
    needsReview: 0,
    reasons: {},
    precincts: isCounted - wasCounted,
    figures,
  };
}

/**
 * Observers' results protocols: checks each submission against the election's form (the same
 * `checkProtocol` the bot showed the observer), supersedes the observer's previous protocol for
 * the precinct, merges the precinct's accepted protocols line by line, and keeps the running
 * tallies of every enclosing area in step — all in the caller's transaction.
 *
 * @example
 * const result = await protocols.submit(tx, election, { observerId, precinctCode: 'p1', figures, pageMediaIds: [4, 5], sentAt });
 * result.status; // 'accepted'
 */
export class ProtocolService {
  constructor(private readonly db: Kysely<Database>) {}

  async submit(
    tx: Transaction<Database>,
    election: Election,
    input: {
      observerId: number;
      precinctCode: string;
      figures: Record<string, number>;
      pageMediaIds: number[];
      sentAt: Date;
      /** Typed over SMS: checked without pages (see checkProtocol). */
      figuresOnly?: boolean;
    },
  ): Promise<SubmittedProtocol | undefined> {
    // An invite revoked between the menu and the submit: the precinct is no longer theirs.
    if (!(await new ObserversRepository(tx).isAssigned(input.observerId, election.id, input.precinctCode)))
      return undefined;
    const area = await new AreasRepository(tx).find(election.id, input.precinctCode);
    if (!area) return undefined;
    const protocols = new ObserverProtocolsRepository(tx);
    const report = checkProtocol(election.definition, toProtocolFigures(input.figures), {
      pagesReceived: input.pageMediaIds.length,
      figuresOnly: input.figuresOnly === true,
    });
    const reasons = [...new Set(protocolProblems(report).map(publicReasonId))];
    const areaCodes = [...area.path, WHOLE_ELECTION];

    const previous = await protocols.currentOf(election.id, input.observerId, input.precinctCode);
    if (previous) {
      await protocols.supersede(previous.id);
      await protocols.applyTallyDelta(election.id, areaCodes, statusDelta(previous, -1));
    }
    const protocolId = await protocols.insert({
      electionId: election.id,
      precinctCode: input.precinctCode,
      observerId: input.observerId,
      figures: input.figures,
      pageMediaIds: input.pageMediaIds,
      status: report.status,
      checks: report.checks,
      reasons,
      sentAt: input.sentAt,
    });
    await protocols.applyTallyDelta(
      election.id,
      areaCodes,
      statusDelta({ status: report.status, reasons }, 1),
    );
    const precinctStatus = await this.remerge(protocols, election.id, input.precinctCode, areaCodes);
    return { protocolId, status: report.status, reasons, precinctStatus };
  }

  /** Re-merges a precinct's accepted protocols and moves the tallies by what changed. */
  private async remerge(
    protocols: ObserverProtocolsRepository,
    electionId: number,
    precinctCode: string,
    areaCodes: string[],
  ): Promise<'accepted' | 'conflict' | 'none'> {
    const before = await protocols.merged(electionId, precinctCode);
    const accepted = (await protocols.currentAtPrecinct(electionId, precinctCode)).filter(
      (protocol: StoredProtocol) => protocol.status === 'accepted',
    );
    const merged = mergeProtocols(accepted.map(({ id, figures }) => ({ id, figures })));
    await protocols.saveMerged(electionId, precinctCode, {
      ...merged,
      protocolIds: accepted.map((p) => p.id),
    });
    const beforeCounted = before?.status === 'accepted' ? before.figures : {};
    const delta = figuresDelta(beforeCounted, countedFigures(merged));
    if (delta.precincts !== 0 || Object.keys(delta.figures).length > 0) {
      await protocols.applyTallyDelta(electionId, areaCodes, delta);
    }
    return merged.status;
  }

  /** Precincts whose observers disagree on a line, with every value, for coordinators. */
  conflicts(election: Election) {
    return new ObserverProtocolsRepository(this.db).conflicts(election.id);
  }

  /** The `observers` block of the summary for an area (or the whole election); null when empty. */
  async observersBlock(election: Election, areaCode?: string): Promise<ObserversBlock | null> {
    const tally = await new ObserverProtocolsRepository(this.db).tally(
      election.id,
      areaCode ?? WHOLE_ELECTION,
    );
    const precinctsWithObserver = await new ObserversRepository(this.db).countPrecinctsWithObserver(
      election.id,
      areaCode,
    );
    if (!tally && precinctsWithObserver === 0) return null;
    const { roles } = election.definition.protocol;
    const figures = tally?.figures ?? {};
    const counted = tally?.precinctsCounted ?? 0;
    const figure = (line: number | undefined) =>
      line === undefined || counted === 0 ? null : (figures[String(line)] ?? 0);
    const votes = election.definition.choices.map((choice) => ({
      choice,
      votes: figures[`${roles.choiceVotes}.${choice.id}`] ?? 0,
    }));
    const valid = votes.reduce((sum, entry) => sum + entry.votes, 0);
    const registeredVoters = figure(roles.registeredVoters);
    const ballotsCast = figure(roles.ballotsCast);
    return {
      protocolsReceived: tally?.protocolsReceived ?? 0,
      accepted: tally?.accepted ?? 0,
      rejected: tally?.rejected ?? 0,
      needsReview: tally?.needsReview ?? 0,
      rejectedReasons: tally?.rejectedReasons ?? {},
      precinctsWithObserver,
      precinctsCounted: counted,
      spoiledBallots: figure(roles.invalidBallots),
      ballotsCast,
      registeredVoters,
      turnout: registeredVoters && ballotsCast !== null ? ballotsCast / registeredVoters : null,
      choices: votes.map(({ choice, votes: count }) => ({
        id: choice.id,
        names: choice.names,
        votes: count,
        share: valid > 0 ? count / valid : null,
      })),
    };
  }
}
