import { sql, type Kysely, type Transaction } from 'kysely';
import { allChoices } from '../domain/election/election-definition';
import { detectPersonalDetails, redact, type RedactionSpan } from '../domain/redaction';
import { DauysError, invalidInput, notFound } from '../errors';
import type { Database } from '../store/database-schema';
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
    const status = filter.status ?? 'pending_review';
    let query = this.db
      .selectFrom('ballot_reports as b')
      .leftJoin('areas as a', (join) =>
        join.onRef('a.election_id', '=', 'b.election_id').onRef('a.code', '=', 'b.precinct_code'),
      )
      .leftJoin('media_items as m', 'm.id', 'b.media_id')
      .select([
        'b.id',
        'b.precinct_code',
        'b.choice_id',
        'b.status',
        'b.sent_at',
        'b.delayed',
        'b.media_id',
        'b.signals',
        'a.name_en',
        'a.number',
        'm.status as media_status',
        'm.reason as media_reason',
      ])
      .where('b.election_id', '=', election.id)
      .where('b.id', '>', filter.afterId ?? 0);
    if (status !== 'all') query = query.where('b.status', '=', status);
    const photo = filter.photo ?? 'with';
    if (photo === 'with') query = query.where('b.media_id', 'is not', null);
    if (photo === 'without') query = query.where('b.media_id', 'is', null);
    if (filter.area) query = query.where(sql<boolean>`a.path @> array[${filter.area}]::text[]`);
    const rows = await query
      .orderBy('b.id')
      .limit(filter.limit ?? 50)
      .execute();
    const reviews = await this.latestReviews(rows.map((row) => row.id));
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
      const rows = await tx
        .selectFrom('ballot_reports')
        .select(['id', 'status'])
        .where('election_id', '=', election.id)
        .where('id', 'in', unique)
        .orderBy('id')
        .forUpdate()
        .execute();
      const missing = unique.filter((id) => !rows.some((row) => row.id === id));
      if (missing.length > 0)
        throw notFound(`no ballot report ${missing.join(', ')} in election "${election.slug}"`);
      const previous = verdict === 'undo' ? await this.latestReviews(unique, tx) : new Map();
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
        await tx
          .insertInto('ballot_reviews')
          .values({
            election_id: election.id,
            ballot_report_id: change.id,
            verdict,
            status_before: change.before,
            status_after: change.after,
            actor: actor.id,
          })
          .execute();
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
    return this.db
      .selectFrom('ballot_reports as b')
      .innerJoin('media_items as m', 'm.id', 'b.media_id')
      .select(['m.path', 'm.thumb_path'])
      .where('b.election_id', '=', election.id)
      .where('b.id', '=', id)
      .where('m.status', '=', 'ok')
      .executeTakeFirst();
  }

  async violationQueue(
    election: Election,
    filter: { status?: ViolationStatus | 'all'; area?: string } = {},
  ): Promise<ViolationQueueItem[]> {
    let query = this.db
      .selectFrom('violations as v')
      .leftJoin('areas as a', (join) =>
        join.onRef('a.election_id', '=', 'v.election_id').onRef('a.code', '=', 'v.precinct_code'),
      )
      .leftJoin('violation_originals as o', 'o.violation_id', 'v.id')
      .select([
        'v.id',
        'v.precinct_code',
        'v.category_id',
        'v.status',
        'v.text',
        'v.media_ids',
        'v.reported_at',
        'o.original_text',
      ])
      .where('v.election_id', '=', election.id);
    const status = filter.status ?? 'new';
    if (status !== 'all') query = query.where('v.status', '=', status);
    if (filter.area) query = query.where(sql<boolean>`a.path @> array[${filter.area}]::text[]`);
    const rows = await query.orderBy('v.id').limit(200).execute();
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
    const violation = await this.db
      .selectFrom('violations')
      .select('media_ids')
      .where('election_id', '=', election.id)
      .where('id', '=', id)
      .executeTakeFirst();
    const mediaId = violation?.media_ids[index];
    if (mediaId === undefined) return undefined;
    return this.db
      .selectFrom('media_items')
      .select(['path', 'thumb_path'])
      .where('id', '=', mediaId)
      .where('status', '=', 'ok')
      .executeTakeFirst();
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
      // Lock first: two moderators deciding at once are serialized, the second sees the first's status.
      await tx.selectFrom('violations').select('id').where('id', '=', id).forUpdate().execute();
      const current = await tx
        .selectFrom('violations as v')
        .leftJoin('violation_originals as o', 'o.violation_id', 'v.id')
        .select(['v.status', 'v.text', 'o.original_text'])
        .where('v.election_id', '=', election.id)
        .where('v.id', '=', id)
        .executeTakeFirst();
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
          await tx
            .insertInto('violation_originals')
            .values({ violation_id: id, original_text: original })
            .execute();
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

  private async latestReviews(
    ids: readonly number[],
    db: Kysely<Database> | Transaction<Database> = this.db,
  ): Promise<Map<number, { verdict: BallotVerdict; actor: string; at: string; statusBefore: BallotStatus }>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('ballot_reviews')
      .select(['ballot_report_id', 'verdict', 'actor', 'created_at', 'status_before'])
      .distinctOn('ballot_report_id')
      .where('ballot_report_id', 'in', [...ids])
      .orderBy('ballot_report_id')
      .orderBy('id', 'desc')
      .execute();
    return new Map(
      rows.map((row) => [
        row.ballot_report_id,
        {
          verdict: row.verdict,
          actor: row.actor,
          at: row.created_at.toISOString(),
          statusBefore: row.status_before,
        },
      ]),
    );
  }
}
