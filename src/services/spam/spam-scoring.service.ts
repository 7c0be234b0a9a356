import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import { accountActivity, copiedTextKey } from '../../domain/spam/account-activity';
import { findTextSpam } from '../../domain/spam/text-signals';
import {
  precinctBurstLimit,
  scoreBallotReport,
  type BallotReportSignals,
  type PhotoReading,
  type SpamSignal,
  type SpamVerdict,
} from '../../domain/spam/score-ballot-report';
import {
  DEFAULT_RATE_LIMITS,
  NEAR_DUPLICATE_MAX_BITS_256,
  NEAR_DUPLICATE_MAX_BITS_64,
  type RateLimits,
} from '../../domain/spam/spam-thresholds';
import type { InboundMessage } from '../../flows/messages';
import type { Database } from '../../store/database-schema';
import type { BallotReportRow } from '../../store/repositories/ballot-reports.repository';
import { SpamSignalsRepository } from '../../store/repositories/spam-signals.repository';
import { PhotoHashCache } from './photo-hash-cache';

/** The scorer's verdict as stored in `ballot_reports.signals.spam` (invariant 4: it names its signals). */
export interface StoredSpamVerdict {
  verdict: SpamVerdict;
  score: number;
  signals: SpamSignal[];
  /** What the score was computed from, so a later re-score (a duplicate arrived) starts from it. */
  inputs: BallotReportSignals;
  /** The election's rate limits it was scored with. */
  limits: RateLimits;
  scoredAt: string;
}

/** A photo's part of the score once the media pipeline has processed it. */
export interface ScoredPhoto {
  mediaId: number;
  sha256: string | undefined;
  phash: string | undefined;
  reading: PhotoReading | null;
}

/** The votes kept per report to count "votes in the last hour" (corrections included). */
const VOTE_TIMES_KEPT = 20;
const HOUR_MS = 60 * 60_000;
/**
 * "First message long ago" for a report recorded without any inbox history (a seed, an import):
 * no account figure can be judged, and JSON (the stored inputs) has no Infinity.
 */
const UNKNOWN_HISTORY_SECONDS = 1e9;
/**
 * Past this many other accounts every duplicate or timing weight has stopped ramping, so the
 * earlier members of a group are re-scored only while it is small.
 */
export const RESCORE_GROUP_UP_TO = 6;

/** The stored verdict of a report, if the scorer has run on it. */
export function storedVerdict(
  signals: Record<string, unknown> | null | undefined,
): StoredSpamVerdict | undefined {
  const spam = signals?.spam as StoredSpamVerdict | undefined;
  return spam && typeof spam === 'object' && 'inputs' in spam ? spam : undefined;
}

/**
 * Gathers the spam score's inputs from the database — the account's messages from the inbox by
 * their own dates, the precinct's reports, timing fingerprints and texts shared with other
 * accounts, duplicate photos (sha256 in SQL, perceptual hash through a cache caught up from the
 * database) — and scores them with the pure `scoreBallotReport`. It decides nothing about
 * statuses: `BallotReportService` applies the verdict and moves the tally.
 *
 * @example
 * const scored = await spam.scoreRecord(tx, { electionId, voterKey, inbound, … });
 * scored.verdict.verdict; // 'ok' | 'suspicious' | 'spam'
 */
export class SpamScoringService {
  constructor(private readonly photos = new PhotoHashCache()) {}

  /**
   * Notes what a voter typed that the score looks at (links, handles, the digest of a longer
   * text), as it is typed: the inbox forgets message contents once processed.
   */
  async noteTyped(
    tx: Transaction<Database>,
    electionId: number,
    voterKey: string,
    text: string,
  ): Promise<void> {
    const { links, mentions } = findTextSpam([text]);
    const entries = [...links, ...mentions].map((found) => `${LINK_PREFIX}${found.slice(0, 200)}`);
    const key = copiedTextKey(text);
    if (key)
      entries.push(
        `${TEXT_PREFIX}${crypto.createHash('sha256').update(key).digest('base64url').slice(0, 22)}`,
      );
    if (entries.length > 0)
      await new SpamSignalsRepository(tx).rememberTexts(electionId, voterKey, [...new Set(entries)]);
  }

  /** Scores a vote as it is recorded (its photo, if any, not processed yet). */
  async scoreRecord(
    tx: Transaction<Database>,
    input: {
      electionId: number;
      voterKey: string;
      inbound: InboundMessage;
      precinctCode: string;
      choiceId: string;
      statedChoiceOnBallot: boolean;
      limits: RateLimits;
      sentAt: Date;
      existing: BallotReportRow | undefined;
      /** The photo's inputs: none, a new photo not yet processed, or the one kept from before. */
      photo: 'none' | 'new' | 'kept';
      /** Forwarded photos sent with this vote (refused as evidence by the conversation). */
      forwardedPhotos?: number;
    },
  ): Promise<{
    verdict: StoredSpamVerdict;
    timingPrint: string | null;
    voteTimes: number[];
    moderated: boolean;
  }> {
    const repository = new SpamSignalsRepository(tx);
    const at = input.sentAt;
    const atMs = at.getTime();
    const { channel, bot, participant } = input.inbound;
    const history = await repository.accountHistory({ channel, bot, participant }, at);
    // Without any history (a report recorded outside the inbox) the account figures are unknown.
    const activity =
      history.times.length > 0 ? accountActivity(history.times, atMs, history.firstAtMs) : null;
    const typed = textsForScore(await repository.typedTexts(input.electionId, input.voterKey));
    const figures = await repository.reportFigures({
      electionId: input.electionId,
      precinctCode: input.precinctCode,
      voterKey: input.voterKey,
      at,
      timingPrint: activity?.timingPrint ?? null,
      reportId: input.existing?.id ?? null,
    });
    const earlierVotes = Array.isArray(input.existing?.signals.voteTimes)
      ? (input.existing!.signals.voteTimes as number[])
      : [];
    const voteTimes = [...earlierVotes, atMs].sort((a, b) => a - b).slice(-VOTE_TIMES_KEPT);
    const kept = input.photo === 'kept' ? storedVerdict(input.existing?.signals)?.inputs.photo : undefined;
    const inputs: BallotReportSignals = {
      statedChoiceId: input.choiceId,
      statedChoiceOnBallot: input.statedChoiceOnBallot,
      photo:
        input.photo === 'none'
          ? null
          : (kept ?? { reading: null, exactDuplicateAccounts: 0, nearDuplicateAccounts: 0 }),
      account: {
        secondsSinceFirstMessage: activity?.secondsSinceFirstMessage ?? UNKNOWN_HISTORY_SECONDS,
        earlierMessages: activity?.earlierMessages ?? 0,
        votesLastHour: voteTimes.filter((t) => t > atMs - HOUR_MS && t <= atMs).length,
        messagesLastMinute: activity?.messagesLastMinute ?? 0,
        sameTimingAccounts: figures.sameTimingAccounts,
        ...(input.inbound.signals?.isBot ? { isBot: true } : {}),
        ...(input.inbound.textOnly ? { textOnly: true } : {}),
        ...(input.forwardedPhotos ? { forwardedPhotos: input.forwardedPhotos } : {}),
      },
      precinct: {
        reportsLastHour: figures.reportsLastHour,
        reportsTotal: figures.reportsTotal,
        registeredVoters: figures.registeredVoters,
        unconfirmedSameChoice:
          input.photo === 'none'
            ? (
                await repository.unconfirmedCrowd({
                  electionId: input.electionId,
                  precinctCode: input.precinctCode,
                  choiceId: input.choiceId,
                  voterKey: input.voterKey,
                  at,
                })
              ).length + 1
            : 0,
      },
      texts: typed,
      sameTextAccounts: figures.sameTextAccounts,
    };
    return {
      verdict: verdictOf(inputs, input.limits),
      timingPrint: activity?.timingPrint ?? null,
      voteTimes,
      moderated: figures.moderated,
    };
  }

  /**
   * Re-scores a report with its processed photo: the reader's result and the duplicates of the
   * photo across the election's other accounts. Also returns the other reports whose duplicate
   * counts this photo changed (to re-score while their group is small).
   */
  async scorePhoto(
    tx: Transaction<Database>,
    report: BallotReportRow,
    photo: ScoredPhoto,
  ): Promise<{ verdict: StoredSpamVerdict | undefined; others: number[] }> {
    const stored = storedVerdict(report.signals);
    if (!stored) return { verdict: undefined, others: [] };
    const duplicates = await this.duplicates(tx, report, photo);
    const inputs: BallotReportSignals = {
      ...stored.inputs,
      photo: {
        reading: photo.reading,
        exactDuplicateAccounts: duplicates.exactAccounts,
        nearDuplicateAccounts: duplicates.nearAccounts,
      },
    };
    const others =
      Math.max(duplicates.exactAccounts, duplicates.nearAccounts) <= RESCORE_GROUP_UP_TO
        ? duplicates.reports
        : [];
    return { verdict: verdictOf(inputs, stored.limits), others };
  }

  /** Re-counts a stored report's duplicates and shared timing (another account just joined its group). */
  async rescore(
    tx: Transaction<Database>,
    report: BallotReportRow,
    photo: ScoredPhoto | null,
  ): Promise<StoredSpamVerdict | undefined> {
    const stored = storedVerdict(report.signals);
    if (!stored) return undefined;
    const repository = new SpamSignalsRepository(tx);
    const inputs: BallotReportSignals = { ...stored.inputs, account: { ...stored.inputs.account } };
    if (report.timing_print) {
      inputs.account.sameTimingAccounts = (
        await repository.sameTimingReports(report.election_id, report.timing_print, report.voter_key)
      ).length;
    }
    if (inputs.texts.length > 0)
      inputs.sameTextAccounts = await repository.sameTextAccounts(report.election_id, report.voter_key);
    if (report.media_id === null)
      inputs.precinct = {
        ...inputs.precinct,
        unconfirmedSameChoice: (await repository.unconfirmedCrowd(crowdOf(report))).length + 1,
      };

    if (photo && inputs.photo) {
      const duplicates = await this.duplicates(tx, report, photo);
      inputs.photo = {
        ...inputs.photo,
        exactDuplicateAccounts: duplicates.exactAccounts,
        nearDuplicateAccounts: duplicates.nearAccounts,
      };
    }
    return verdictOf(inputs, stored.limits);
  }

  /**
   * Other reports sharing this report's timing fingerprint or typed text, while the group is
   * small; and the crowd of unconfirmed votes for its choice at its precinct, just after it grew
   * past the limit (its earlier members were scored before it was a crowd).
   */
  async groupsToRescore(
    tx: Transaction<Database>,
    report: BallotReportRow,
    verdict: Pick<StoredSpamVerdict, 'inputs' | 'limits'>,
  ): Promise<number[]> {
    const repository = new SpamSignalsRepository(tx);
    const ids = new Set<number>();
    const inputs = verdict.inputs;
    const small = (n: number) => n > 0 && n <= RESCORE_GROUP_UP_TO;
    const { registeredVoters, unconfirmedSameChoice } = inputs.precinct;
    if (registeredVoters !== null && report.media_id === null) {
      const past =
        unconfirmedSameChoice - precinctBurstLimit(registeredVoters, verdict.limits ?? DEFAULT_RATE_LIMITS);
      if (small(past)) {
        for (const row of await repository.unconfirmedCrowd(crowdOf(report))) ids.add(row.id);
      }
    }
    if (report.timing_print && small(inputs.account.sameTimingAccounts)) {
      const others = await repository.sameTimingReports(
        report.election_id,
        report.timing_print,
        report.voter_key,
      );
      for (const row of others) ids.add(row.id);
    }
    if (small(inputs.sameTextAccounts)) {
      for (const row of await repository.sameTextReports(report.election_id, report.voter_key))
        ids.add(row.id);
    }
    return [...ids];
  }

  private async duplicates(tx: Transaction<Database>, report: BallotReportRow, photo: ScoredPhoto) {
    const repository = new SpamSignalsRepository(tx);
    const exact = photo.sha256
      ? await repository.exactDuplicateReports(report.election_id, photo.sha256, report.voter_key)
      : [];
    let near: Array<{ mediaId: number; voterKey: string }> = [];
    if (photo.phash) {
      const maxBits = photo.phash.length > 16 ? NEAR_DUPLICATE_MAX_BITS_256 : NEAR_DUPLICATE_MAX_BITS_64;
      near = (
        await this.photos.within(
          tx,
          report.election_id,
          { mediaId: photo.mediaId, voterKey: report.voter_key, phash: photo.phash },
          maxBits,
        )
      ).filter((match) => match.voterKey !== report.voter_key);
    }
    const nearReports = await repository.reportsByMedia(
      report.election_id,
      near.map((match) => match.mediaId),
    );
    return {
      exactAccounts: new Set(exact.map((row) => row.voter_key)).size,
      nearAccounts: new Set(near.map((match) => match.voterKey)).size,
      reports: [...new Set([...exact.map((row) => row.id), ...nearReports.map((row) => row.id)])],
    };
  }
}

/** The crowd a stored report belongs to: its precinct, choice and date. */
function crowdOf(report: BallotReportRow) {
  return {
    electionId: report.election_id,
    precinctCode: report.precinct_code,
    choiceId: report.choice_id,
    voterKey: report.voter_key,
    at: report.sent_at,
  };
}

function verdictOf(inputs: BallotReportSignals, limits: RateLimits | undefined): StoredSpamVerdict {
  const used = limits ?? DEFAULT_RATE_LIMITS;
  const assessment = scoreBallotReport(inputs, used);
  return { ...assessment, inputs, limits: used, scoredAt: new Date().toISOString() };
}

const LINK_PREFIX = 'link:';
const TEXT_PREFIX = 'text:';

/**
 * The score's `texts` from what was noted: links and handles as typed, and a stand-in for each
 * longer text (kept only as a digest, so that no voter's words are stored).
 */
function textsForScore(noted: readonly string[]): string[] {
  return noted.map((entry) =>
    entry.startsWith(LINK_PREFIX) ? entry.slice(LINK_PREFIX.length) : '(a longer typed text)',
  );
}

/**
 * The reader's result as the score takes it (`media_items.reading` holds the full result).
 *
 * @example
 * photoReadingOf({ isBallot: true, confidence: 0.9, markedChoiceId: 'adal', marks: 1 }); // same fields
 */
export function photoReadingOf(reading: Record<string, unknown> | null | undefined): PhotoReading | null {
  if (!reading || typeof reading.isBallot !== 'boolean') return null;
  return {
    isBallot: reading.isBallot,
    confidence: Number(reading.confidence ?? 0),
    markedChoiceId: typeof reading.markedChoiceId === 'string' ? reading.markedChoiceId : null,
    marks: Number(reading.marks ?? 0),
  };
}
