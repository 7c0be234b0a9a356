import type { Kysely } from 'kysely';
import { allChoices } from '../domain/election/election-definition';
import { detectPersonalDetails, redact, type RedactionSpan } from '../domain/redaction';
import { DauysError, invalidInput, notFound } from '../errors';
import type { Database } from '../store/database-schema';
import { BallotReviewsRepository } from '../store/repositories/ballot-reviews.repository';
import { ViolationReviewsRepository } from '../store/repositories/violation-reviews.repository';
import type { BallotStatus } from '../store/tables/ballots.tables';
import type { BallotVerdict } from '../store/tables/moderation.tables';
import type { ViolationStatus } from '../store/tables/observers.tables';
import type { AuditActor, AuditService } from './audit.service';
import type { BallotReportService } from './ballot-report.service';
import type { Election } from './election.service';
import type { SosService } from './sos.service';
import type { ViolationService } from './violation.service';

/**
 * The status each decision gives a report. Only four statuses exist, so "not a ballot" and
 * "unreadable" count the vote as one without photo evidence, while "spam" and "choice on photo
 * differs" quarantine it (kept, never counted); the verdict itself stays in `ballot_reviews`.
 */
export const VERDICT_STATUS: Record<Exclude<BallotVerdict, 'undo'>, BallotStatus> = {
  approve: 'confirmed',
  not_ballot: 'no_photo',
  unreadable: 'no_photo',
  spam: 'spam',
  choice_differs: 'spam',
};

export interface BallotQueueFilter {
  status?: BallotStatus | 'all';
  /** An area code at any level: reports from precincts inside it. */
  area?: string;
  afterId?: number;
  limit?: number;
  /**
   * Reports with a stored photo (the queue's default: it is the ballot-photo queue), those
   * without one (a quarantined no-photo vote a moderator may restore), or both.
   */
  photo?: 'with' | 'without' | 'any';
}

export interface BallotQueueItem {
  id: number;
  precinctCode: string;
  precinctName: string | null;
  choiceId: string;
  choiceName: string;
  status: BallotStatus;
  sentAt: string;
  delayed: boolean;
  /** Dated by the voter's device clock (queued offline in the web chat), not by a provider's. */
  deviceDated: boolean;
  mediaId: number | null;
  photo: 'ok' | 'pending' | 'rejected' | null;
  photoReason: string | null;
  /** The automatic signals as stored (client hints, photo hashes, the spam scorer's verdict). */
  signals: Record<string, unknown>;
  lastReview: { verdict: BallotVerdict; actor: string; at: string } | null;
}

export interface ViolationQueueItem {
  id: number;
  precinctCode: string;
  categoryId: string;
  status: ViolationStatus;
  text: string;
  /** The observer's own text when a redacted one has been published. */
  originalText: string | null;
  mediaCount: number;
  reportedAt: string;
  /** Phone numbers, emails, handles and IINs found automatically, for the moderator to confirm. */
  suggestedRedactions: RedactionSpan[];
}

/** Which violation changes each decision allows (publishing again re-redacts from the original). */
const VIOLATION_TRANSITIONS: Record<'verify' | 'publish' | 'reject', ViolationStatus[]> = {
  verify: ['new'],
  publish: ['new', 'verified', 'published'],
  reject: ['new', 'verified', 'published'],
};

/**
 * The moderators' queues for ballot photos and violations, and the coordinators' SOS
 * acknowledgements. Each change runs in one transaction with its audit entries (recorded last);
 * ballot status changes go through `BallotReportService.setStatus`, which moves the tallies.
 *
 * @example
 * await moderation.reviewBallots(actor, election, [12, 13], 'spam');
 */
export class ModerationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly ballots: BallotReportService,
    private readonly violations: ViolationService,
    private readonly sos: SosService,
  ) {}

  async ballotQueue(election: Election, filter: BallotQueueFilter = {}): Promise<BallotQueueItem[]> {
    const reviewsRepository = new BallotReviewsRepository(this.db);
    const rows = await reviewsRepository.queue({
      electionId: election.id,
      status: filter.status ?? 'pending_review',
      area: filter.area,
      afterId: filter.afterId ?? 0,
      limit: filter.limit ?? 50,
      photo: filter.photo ?? 'with',
    });
    const reviews = await reviewsRepository.latest(rows.map((row) => row.id));
    const choiceNames = new Map(allChoices(election.definition).map((c) => [c.id, c.names.en]));
    return rows.map((row) => ({
      id: row.id,
      precinctCode: row.precinct_code,
      precinctName: row.name_en ?? null,
      choiceId: row.choice_id,
      choiceName: choiceNames.get(row.choice_id) ?? row.choice_id,
      status: row.status,
      sentAt: row.sent_at.toISOString(),
      delayed: row.delayed,
      deviceDated: row.device_dated,
      mediaId: row.media_id,
      photo: row.media_status ?? null,
      photoReason: row.media_reason ?? null,
      signals: row.signals,
      lastReview: reviews.get(row.id) ?? null,
    }));
  }

  /**
   * Applies one decision to one or more reports, all or nothing: an id that is not a report of
   * this election fails the whole request and changes nothing. `undo` returns each report to the
   * status before its last decision.
   */
  async reviewBallots(
    actor: AuditActor,
    election: Election,
    ids: readonly number[],
    verdict: BallotVerdict,
  ): Promise<Array<{ id: number; before: BallotStatus; after: BallotStatus }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0)
      throw invalidInput('choose at least one ballot', [{ where: 'body.ids', message: 'empty' }]);
    return this.db.transaction().execute(async (tx) => {
      const reviews = new BallotReviewsRepository(tx);
      const rows = await reviews.lockForReview(election.id, unique);
      const missing = unique.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length > 0)
        throw notFound(`no ballot report ${missing.join(', ')} in election "${election.slug}"`);
      const previous = verdict === 'undo' ? await reviews.latest(unique) : new Map();
      const changes = rows.map((row) => {
        if (verdict !== 'undo') return { id: row.id, before: row.status, after: VERDICT_STATUS[verdict] };
        const last = previous.get(row.id);
        if (!last)
          throw invalidInput(`ballot ${row.id} has no decision to undo`, [
            { where: `ballot:${row.id}`, message: 'no review yet' },
          ]);
        return { id: row.id, before: row.status, after: last.statusBefore };
      });
      for (const change of changes) {
        await this.ballots.setStatus(tx, change.id, election.id, change.after);
        await reviews.insertReview({
          electionId: election.id,
          ballotReportId: change.id,
          verdict,
          statusBefore: change.before,
          statusAfter: change.after,
          actor: actor.id,
        });
      }
      for (const change of changes) {
        await this.audit.record(tx, {
          actor,
          action: `ballot.${verdict}`,
          target: `ballot:${change.id}`,
          before: { status: change.before },
          after: { status: change.after },
        });
      }
      return changes;
    });
  }

  /** The stored photo of a report (paths relative to MEDIA_DIR), or undefined. */
  async ballotPhoto(election: Election, id: number) {
    return new BallotReviewsRepository(this.db).photo(election.id, id);
  }

  async violationQueue(
    election: Election,
    filter: { status?: ViolationStatus | 'all'; area?: string } = {},
  ): Promise<ViolationQueueItem[]> {
    const rows = await new ViolationReviewsRepository(this.db).queue(election.id, {
      status: filter.status ?? 'new',
      area: filter.area,
    });
    return rows.map((row) => {
      const source = row.original_text ?? row.text;
      return {
        id: row.id,
        precinctCode: row.precinct_code,
        categoryId: row.category_id,
        status: row.status,
        text: row.text,
        originalText: row.original_text ?? null,
        mediaCount: row.media_ids.length,
        reportedAt: row.reported_at.toISOString(),
        suggestedRedactions: detectPersonalDetails(source),
      };
    });
  }

  /** A violation's photo (paths relative to MEDIA_DIR) by index, or undefined. */
  async violationMedia(election: Election, id: number, index: number) {
    return new ViolationReviewsRepository(this.db).media(election.id, id, index);
  }

  /**
   * Verifies, publishes (with the moderator's redactions applied to the observer's original
   * text, which is kept apart) or rejects a violation. Only published ones reach the public.
   */
  async moderateViolation(
    actor: AuditActor,
    election: Election,
    id: number,
    decision: { action: 'verify' | 'reject' } | { action: 'publish'; redactions: RedactionSpan[] },
  ): Promise<{ status: ViolationStatus; text: string }> {
    return this.db.transaction().execute(async (tx) => {
      const reviews = new ViolationReviewsRepository(tx);
      const current = await reviews.lockForDecision(election.id, id);
      if (!current) throw notFound(`no violation ${id} in election "${election.slug}"`);
      if (!VIOLATION_TRANSITIONS[decision.action].includes(current.status)) {
        throw new DauysError(
          'DAUYS_ERR_CONFLICT',
          `cannot ${decision.action} a violation that is ${current.status}`,
        );
      }
      const original = current.original_text ?? current.text;
      const status: ViolationStatus =
        decision.action === 'verify' ? 'verified' : decision.action === 'publish' ? 'published' : 'rejected';
      let text = current.text;
      if (decision.action === 'publish') {
        text = redact(original, decision.redactions, 'body.redactions');
        if (current.original_text === null && text !== original) {
          await reviews.keepOriginal(id, original);
        }
      }
      await this.violations.moderate(tx, election.id, id, {
        status,
        ...(text !== current.text ? { text } : {}),
      });
      await this.audit.record(tx, {
        actor,
        action: `violation.${decision.action}`,
        target: `violation:${id}`,
        // Never the texts: the audit log is kept forever, personal details must not be.
        before: { status: current.status },
        after: {
          status,
          ...(decision.action === 'publish' ? { redactions: decision.redactions.map((r) => r.kind) } : {}),
        },
      });
      return { status, text };
    });
  }

  /** Open SOS alerts of every election, oldest first: the banner on every console page. */
  async openSos(elections: Election[]) {
    const alerts = await Promise.all(
      elections.map(async (election) =>
        (await this.sos.openAlerts(election)).map((alert) => ({ ...alert, electionSlug: election.slug })),
      ),
    );
    return alerts.flat().sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  }

  async acknowledgeSos(actor: AuditActor, election: Election, id: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const alert = await this.sos.acknowledgeIn(tx, election.id, id);
      if (!alert) throw notFound(`no open SOS alert ${id} in election "${election.slug}"`);
      await this.audit.record(tx, {
        actor,
        action: 'sos.acknowledge',
        target: `sos:${id}`,
        before: { acknowledged: false, precinct: alert.precinctCode, kind: alert.kind },
        after: { acknowledged: true },
      });
    });
  }
}
