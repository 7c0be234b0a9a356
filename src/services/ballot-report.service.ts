import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ElectionDefinition } from '../domain/election/election-definition';
import type { SpamVerdict } from '../domain/spam/score-ballot-report';
import { rateLimitsFor } from '../domain/spam/spam-thresholds';
import type { BotName, ChannelName, InboundMessage, MediaRef } from '../flows/messages';
import { deriveKey } from '../security/derived-keys';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import {
  BallotReportsRepository,
  type BallotReportRow,
} from '../store/repositories/ballot-reports.repository';
import { ElectionsRepository } from '../store/repositories/elections.repository';
import { MediaRepository } from '../store/repositories/media.repository';
import { SpamSignalsRepository } from '../store/repositories/spam-signals.repository';
import type { BallotStatus } from '../store/tables/ballots.tables';
import {
  photoReadingOf,
  storedVerdict,
  type ScoredPhoto,
  type SpamScoringService,
  type StoredSpamVerdict,
} from './spam/spam-scoring.service';
import { VoterTallyService, type TalliedReport } from './voter-tally.service';

/** The part of the media pipeline a vote needs: ask for a photo to be fetched and checked. */
export interface BallotMediaRequester {
  request(
    tx: Transaction<Database>,
    item: { channel: ChannelName; bot: BotName; participant: string; media: MediaRef; purpose: 'ballot' },
  ): Promise<number>;
}

/** A processed ballot photo, as the media pipeline reports it. */
export interface ProcessedBallotPhoto {
  id: number;
  status: 'ok' | 'rejected';
  sha256?: string;
  phash?: string;
  /** The ballot reader's result (src/media/ballot-check.ts). */
  reading?: Record<string, unknown>;
}

/** Where a report's photo is: none, sent and not processed yet, processed, or rejected by the pipeline. */
export type PhotoState = 'none' | 'pending' | 'ok' | 'rejected';

/**
 * What a spam verdict does: `quarantine` (the default) keeps the report out of the count until a
 * moderator restores it; `review` only queues it for a moderator, counted provisionally — for
 * operators who want every decision made by a person, and for load tests whose scripted voters
 * are, correctly, bots to the score.
 */
export type SpamAction = 'quarantine' | 'review';

/**
 * The status a spam verdict gives a report: spam is quarantined (kept, not counted),
 * suspicious waits for a moderator (counted provisionally), ok counts as its photo allows.
 *
 * @example
 * statusForVerdict('ok', 'ok'); // 'confirmed'
 */
export function statusForVerdict(
  verdict: SpamVerdict,
  photo: PhotoState,
  spamAction: SpamAction = 'quarantine',
): BallotStatus {
  if (verdict === 'spam') return spamAction === 'quarantine' ? 'spam' : 'pending_review';
  if (verdict === 'suspicious') return 'pending_review';
  return photo === 'none' ? 'no_photo' : photo === 'ok' ? 'confirmed' : 'pending_review';
}

export interface RecordVoteInput {
  electionId: number;
  electionSlug: string;
  /** The message that confirmed the vote: who (pseudonym), where from, when received, client hints. */
  inbound: InboundMessage;
  precinctCode: string;
  choiceId: string;
  photo?: MediaRef;
  keepRecordedPhoto: boolean;
  sentAt: Date;
  delayed: boolean;
  /** `sentAt` is the voter's device clock (queued offline), clamped by the channel; absent: false. */
  deviceDated?: boolean;
  /** Forwarded photos the voter sent with this vote (refused as evidence; a spam signal). */
  forwardedPhotos?: number;
  /** The election's definition (which choices are on the ballot); read from the store when absent. */
  definition?: Pick<ElectionDefinition, 'choices' | 'spamLimits'>;
}

/**
 * The key a voter's ballot report is stored under: an HMAC of the election and the participant's
 * pseudonym. Different from the conversation's key, so that the reports table cannot be joined to
 * conversations or chat addresses without `DAUYS_SECRET`; different per election, so reports of
 * two elections cannot be linked to one voter either.
 *
 * @example
 * ballotVoterKey(secret, 'kz-2021-mazhilis', participant); // 43 base64url characters
 */
export function ballotVoterKey(secret: string, electionSlug: string, participant: string): string {
  return crypto
    .createHmac('sha256', deriveKey(secret, 'pseudonym'))
    .update(`ballot-voter\u0000${electionSlug}\u0000${participant}`)
    .digest('base64url');
}

/**
 * One voter, one vote per election: recording again replaces the report, and the tally moves
 * with it in the same transaction (out of the old cells, into the new ones, for every enclosing
 * area). Spam stays spam through corrections: correcting must not launder a spam verdict.
 *
 * With a spam scorer wired (the app does), every recorded vote and every processed ballot photo
 * is scored (`SpamScoringService`) and the verdict — its signals in `signals.spam` — sets the
 * status. The scorer never lifts a report out of spam (a moderator does), and never moves a
 * report a moderator has decided on.
 */
export class BallotReportService {
  constructor(
    private readonly secret: string,
    private readonly media: BallotMediaRequester | undefined,
    private readonly spam?: SpamScoringService,
    private readonly spamAction: SpamAction = 'quarantine',
  ) {}

  voterKey(electionSlug: string, participant: string): string {
    return ballotVoterKey(this.secret, electionSlug, participant);
  }

  async findVote(tx: Transaction<Database>, electionId: number, electionSlug: string, participant: string) {
    return new BallotReportsRepository(tx).findByVoter(electionId, this.voterKey(electionSlug, participant));
  }

  /**
   * Records or corrects the voter's report.
   *
   * @example
   * await ballots.record(tx, { electionId, electionSlug, inbound, precinctCode: 'p1', choiceId: 'nur-otan',
   *   keepRecordedPhoto: false, sentAt: inbound.sentAt, delayed: false });
   */
  async record(tx: Transaction<Database>, input: RecordVoteInput): Promise<BallotReportRow> {
    const reports = new BallotReportsRepository(tx);
    const voterKey = this.voterKey(input.electionSlug, input.inbound.participant);
    const existing = await reports.findByVoter(input.electionId, voterKey, { lock: true });
    let mediaId: number | null = null;
    let status: BallotStatus = 'no_photo';
    if (input.photo) {
      if (!this.media) throw new Error('BallotReportService: a photo arrived but no media pipeline is wired');
      const { channel, bot, participant } = input.inbound;
      mediaId = await this.media.request(tx, {
        channel,
        bot,
        participant,
        media: input.photo,
        purpose: 'ballot',
      });
      status = 'pending_review';
    } else if (input.keepRecordedPhoto && existing?.media_id != null) {
      mediaId = existing.media_id;
      status = existing.status;
    }
    let signals: Record<string, unknown> = { ...(existing?.signals ?? {}), ...signalsOf(input) };
    let timingPrint: string | null | undefined;
    if (this.spam) {
      const photo = input.photo ? 'new' : mediaId !== null ? 'kept' : 'none';
      const scored = await this.spam.scoreRecord(tx, {
        electionId: input.electionId,
        voterKey,
        inbound: input.inbound,
        precinctCode: input.precinctCode,
        choiceId: input.choiceId,
        ...(await this.ballotRules(tx, input)),
        sentAt: input.sentAt,
        existing,
        photo,
        forwardedPhotos: input.forwardedPhotos ?? 0,
      });
      signals = { ...signals, voteTimes: scored.voteTimes, spam: scored.verdict };
      timingPrint = scored.timingPrint;
      if (!scored.moderated) {
        const photoState: PhotoState =
          photo === 'none' ? 'none' : photo === 'kept' && existing?.status === 'confirmed' ? 'ok' : 'pending';
        status = statusForVerdict(scored.verdict.verdict, photoState, this.spamAction);
      }
    }
    if (existing?.status === 'spam') status = 'spam';
    const values = {
      precinctCode: input.precinctCode,
      choiceId: input.choiceId,
      sentAt: input.sentAt,
      receivedAt: input.inbound.receivedAt,
      delayed: input.delayed,
      deviceDated: input.deviceDated ?? false,
      status,
      mediaId,
      signals,
      ...(timingPrint !== undefined ? { timingPrint } : {}),
    };
    const saved = existing
      ? await reports.update(existing.id, values)
      : await reports.insert({ ...values, electionId: input.electionId, voterKey });
    await this.moveTally(tx, existing, saved);
    const verdict = this.spam && storedVerdict(saved.signals);
    if (this.spam && verdict) {
      // Earlier accounts with the same timing or text, or in the same crowd, now have company:
      // their weights ramp up too.
      for (const id of await this.spam.groupsToRescore(tx, saved, verdict)) await this.rescoreOther(tx, id);
    }
    return saved;
  }

  /** Notes a voter's typed text for the spam score (links, copied texts); nothing without a scorer. */
  async noteTyped(
    tx: Transaction<Database>,
    electionId: number,
    electionSlug: string,
    participant: string,
    text: string,
  ) {
    await this.spam?.noteTyped(tx, electionId, this.voterKey(electionSlug, participant), text);
  }

  /** Removes the voter's report and its tally cells; returns whether there was one. */
  async remove(tx: Transaction<Database>, electionId: number, electionSlug: string, participant: string) {
    const reports = new BallotReportsRepository(tx);
    const existing = await reports.findByVoter(electionId, this.voterKey(electionSlug, participant), {
      lock: true,
    });
    if (!existing) return false;
    await reports.delete(existing.id);
    await this.moveTally(tx, existing, undefined);
    return true;
  }

  /**
   * The ballot photo's checks are done: a photo that passed confirms the vote, one that did not
   * waits for a moderator. A photo replaced by a correction in the meantime changes nothing.
   */
  async onPhotoProcessed(tx: Transaction<Database>, item: ProcessedBallotPhoto): Promise<void> {
    const reports = new BallotReportsRepository(tx);
    const report = await reports.findByMedia(item.id, { lock: true });
    if (!report) return;
    const photoStatus: BallotStatus = item.status === 'ok' ? 'confirmed' : 'pending_review';
    if (this.spam) {
      const photo: ScoredPhoto = {
        mediaId: item.id,
        sha256: item.sha256,
        phash: item.phash,
        reading: photoReadingOf(item.reading),
      };
      const { verdict, others } = await this.spam.scorePhoto(tx, report, photo);
      if (verdict) {
        await this.applyVerdict(tx, report, verdict, item.status);
        for (const id of others) await this.rescoreOther(tx, id);
        return;
      }
    }
    if (report.status === 'spam' || photoStatus === report.status) return;
    await reports.setStatus(report.id, photoStatus);
    await this.moveTally(tx, report, { ...report, status: photoStatus });
  }

  /** Stores a verdict on a report and gives it the verdict's status, unless spam or moderated. */
  private async applyVerdict(
    tx: Transaction<Database>,
    report: BallotReportRow,
    verdict: StoredSpamVerdict,
    photo: PhotoState,
  ): Promise<void> {
    const keep = report.status === 'spam' || (await new SpamSignalsRepository(tx).isModerated(report.id));
    const status = keep ? report.status : statusForVerdict(verdict.verdict, photo, this.spamAction);
    const saved = await new BallotReportsRepository(tx).setVerdict(report.id, status, {
      ...report.signals,
      spam: verdict,
    });
    if (status !== report.status) await this.moveTally(tx, report, saved);
  }

  /** Re-scores another report whose group (same photo, same timing) just grew. */
  private async rescoreOther(tx: Transaction<Database>, reportId: number): Promise<void> {
    const report = await new BallotReportsRepository(tx).findById(reportId, { lock: true });
    if (!report || !this.spam) return;
    const media =
      report.media_id !== null ? await new MediaRepository(tx).findById(report.media_id) : undefined;
    const photo: ScoredPhoto | null = media
      ? {
          mediaId: media.id,
          sha256: media.sha256 ?? undefined,
          phash: media.phash ?? undefined,
          reading: photoReadingOf(media.reading),
        }
      : null;
    const verdict = await this.spam.rescore(tx, report, photo);
    if (!verdict) return;
    const state: PhotoState = !media ? 'none' : media.status === 'pending' ? 'pending' : media.status;
    await this.applyVerdict(tx, report, verdict, state);
  }

  /**
   * Whether the stated choice is one of the ballot's boxes (not a voter-only choice such as
   * "against all"), and the election's rate limits.
   */
  private async ballotRules(tx: Transaction<Database>, input: RecordVoteInput) {
    let definition = input.definition;
    if (!definition) {
      const stored = await new ElectionsRepository(tx).definitionOf(input.electionId);
      definition = stored as unknown as RecordVoteInput['definition'] & object;
    }
    return {
      statedChoiceOnBallot: definition.choices.some((choice) => choice.id === input.choiceId),
      limits: rateLimitsFor(definition),
    };
  }

  /** Sets a status from outside (a moderator, the spam scorer), moving the tally with it. */
  async setStatus(tx: Transaction<Database>, reportId: number, electionId: number, status: BallotStatus) {
    const row = await new BallotReportsRepository(tx).findInElection(reportId, electionId, { lock: true });
    if (!row || row.status === status) return;
    await new BallotReportsRepository(tx).setStatus(row.id, status);
    await this.moveTally(tx, row, { ...row, status });
  }

  private async moveTally(
    tx: Transaction<Database>,
    before: BallotReportRow | undefined,
    after: BallotReportRow | undefined,
  ): Promise<void> {
    const electionId = (before ?? after)!.election_id;
    const areas = new AreasRepository(tx);
    const tallied = async (row: BallotReportRow | undefined): Promise<TalliedReport | undefined> => {
      if (!row) return undefined;
      const precinct = await areas.find(electionId, row.precinct_code);
      return {
        path: precinct?.path ?? [row.precinct_code],
        choiceId: row.choice_id,
        status: row.status,
        delayed: row.delayed,
      };
    };
    await VoterTallyService.move(tx, electionId, await tallied(before), await tallied(after));
  }
}

/** What the spam scorer may use later; nothing here identifies the voter. */
function signalsOf(input: RecordVoteInput): Record<string, unknown> {
  return {
    channel: input.inbound.channel,
    ...(input.inbound.signals ? { client: input.inbound.signals } : {}),
    ...(input.photo?.uniqueId ? { photoUniqueId: input.photo.uniqueId } : {}),
    ...(input.photo?.sizeBytes ? { photoBytes: input.photo.sizeBytes } : {}),
  };
}
