/**
 * The spam verdict on one voter's ballot report: the sum of the weights of the signals that
 * fired, against two thresholds. The verdict carries every signal with its weight and the
 * figures behind it (invariant 4), so a moderator sees why and can override; nothing is deleted.
 */
import { findTextSpam } from './text-signals';
import * as T from './spam-thresholds';

export type SpamVerdict = 'ok' | 'suspicious' | 'spam';

/** What the reader made of the photo (a subset of src/media/ballot-check's result). */
export interface PhotoReading {
  isBallot: boolean;
  confidence: number;
  markedChoiceId: string | null;
  marks: number;
}

/** Everything the score looks at, gathered by the service from the store and the media pipeline. */
export interface BallotReportSignals {
  /** The choice stated in the conversation. */
  statedChoiceId: string;
  /** False for voter-only choices such as "against all", which no box on the ballot stands for. */
  statedChoiceOnBallot: boolean;
  /** Null when the voter sent no photo. */
  photo: {
    /** Null until the reader has run. */
    reading: PhotoReading | null;
    /** Other accounts that sent the byte-identical file. */
    exactDuplicateAccounts: number;
    /** Other accounts that sent a near-identical picture (perceptual hash within the threshold). */
    nearDuplicateAccounts: number;
  } | null;
  account: {
    /** Seconds from the account's first message ever to this vote. */
    secondsSinceFirstMessage: number;
    /** Messages before this conversation began (earlier days, earlier elections). */
    earlierMessages: number;
    /** Votes by this account (this one and corrections included) in the hour up to this vote. */
    votesLastHour: number;
    /** Messages by this account in the minute up to this vote. */
    messagesLastMinute: number;
    /** Other accounts whose conversation had the same timing fingerprint. */
    sameTimingAccounts: number;
    /** The channel flags the sender as a bot. */
    isBot?: boolean;
    /**
     * The vote came over a text-only channel (SMS), where a whole vote is one typed message by
     * design: its speed says nothing of a person, and every message costs its sender money and
     * a SIM card, so the "inhumanly fast" signal does not apply (the fresh-account one still does).
     */
    textOnly?: boolean;
    /** Photos forwarded from another chat or channel, sent as this vote's evidence and refused. */
    forwardedPhotos?: number;
  };
  precinct: {
    /** Reports at the precinct in the hour up to this one (this one included). */
    reportsLastHour: number;
    /** Reports at the precinct so far today (this one included). */
    reportsTotal: number;
    /** From the geography; null when unknown (then no precinct signal fires). */
    registeredVoters: number | null;
    /**
     * Reports without a photo for the stated choice at the precinct within an hour either side
     * of this one (this one included); 0 when this report has a photo. Either side, because the
     * first members of a crowd are only recognised as such once the rest of it has arrived.
     */
    unconfirmedSameChoice: number;
  };
  /** Free text the account typed in this conversation. */
  texts: readonly string[];
  /** Other accounts that typed the same free text. */
  sameTextAccounts: number;
}

export interface SpamSignal {
  id: string;
  weight: number;
  /** The figures behind the signal, for the moderator. */
  detail: string;
}

export interface SpamAssessment {
  verdict: SpamVerdict;
  score: number;
  signals: SpamSignal[];
}

/**
 * Scores a ballot report.
 *
 * @example
 * scoreBallotReport({ ...genuineVote, photo: { reading: notABallot, exactDuplicateAccounts: 7, nearDuplicateAccounts: 7 } });
 * // { verdict: 'spam', score: 2.6, signals: [{ id: 'not-a-ballot', weight: 0.6, detail: '…' }, …] }
 */
export function scoreBallotReport(
  report: BallotReportSignals,
  limits: T.RateLimits = T.DEFAULT_RATE_LIMITS,
): SpamAssessment {
  const signals = [
    ...photoSignals(report),
    ...accountSignals(report, limits),
    ...precinctSignals(report, limits),
    ...textSignals(report),
  ];
  const score = Math.max(0, Math.round(signals.reduce((sum, s) => sum + s.weight, 0) * 1000) / 1000);
  const verdict: SpamVerdict =
    score >= T.SPAM_SCORE ? 'spam' : score >= T.SUSPICIOUS_SCORE ? 'suspicious' : 'ok';
  return { verdict, score, signals };
}

function photoSignals(report: BallotReportSignals): SpamSignal[] {
  const photo = report.photo;
  if (!photo)
    return [{ id: 'no-photo', weight: T.WEIGHTS.noPhoto, detail: 'the vote came without a ballot photo' }];
  const signals: SpamSignal[] = [];
  const { exactDuplicateAccounts: exact, nearDuplicateAccounts: near } = photo;
  if (exact > 0) {
    signals.push({
      id: 'exact-duplicate-photo',
      weight: exact >= 2 ? T.WEIGHTS.exactDuplicateMany : T.WEIGHTS.exactDuplicateOne,
      detail: `the identical file was sent by ${exact} other account(s)`,
    });
  } else if (near > 0) {
    const weight =
      near >= 5
        ? T.WEIGHTS.nearDuplicateMany
        : near >= 2
          ? T.WEIGHTS.nearDuplicateFew
          : T.WEIGHTS.nearDuplicateOne;
    signals.push({
      id: 'near-duplicate-photo',
      weight,
      detail: `a near-identical picture was sent by ${near} other account(s)`,
    });
  }
  const reading = photo.reading;
  if (!reading || reading.confidence < T.MIN_CHECK_CONFIDENCE) return signals;
  const sure = `reader confidence ${reading.confidence.toFixed(2)}`;
  if (!reading.isBallot) {
    signals.push({
      id: 'not-a-ballot',
      weight: T.WEIGHTS.notABallot,
      detail: `the photo is not a ballot of this election (${sure})`,
    });
    return signals;
  }
  const readOne = reading.marks === 1 && reading.markedChoiceId !== null;
  if (readOne && reading.markedChoiceId !== report.statedChoiceId) {
    signals.push({
      id: 'marked-choice-mismatch',
      weight: T.WEIGHTS.markMismatch,
      detail: `stated "${report.statedChoiceId}", the marked box reads "${reading.markedChoiceId}" (${sure})`,
    });
  } else if (!readOne && report.statedChoiceOnBallot) {
    signals.push({
      id: 'blank-or-spoiled-ballot',
      weight: T.WEIGHTS.blankOrSpoiled,
      detail: `stated "${report.statedChoiceId}", the ballot has ${reading.marks} marked boxes (${sure})`,
    });
  } else if (readOne && exact === 0 && near === 0) {
    signals.push({
      id: 'ballot-confirms-choice',
      weight: T.WEIGHTS.ballotConfirms,
      detail: `a unique photo of this election's ballot marked "${reading.markedChoiceId}" (${sure})`,
    });
  }
  return signals;
}

function accountSignals(report: BallotReportSignals, limits: T.RateLimits): SpamSignal[] {
  const account = report.account;
  const signals: SpamSignal[] = [];
  if (account.isBot)
    signals.push({
      id: 'bot-account',
      weight: T.WEIGHTS.botAccount,
      detail: 'the channel marks the sender as a bot',
    });
  if (account.forwardedPhotos)
    signals.push({
      id: 'forwarded-photo',
      weight: T.WEIGHTS.forwardedPhoto,
      detail: `${account.forwardedPhotos} forwarded photo${account.forwardedPhotos === 1 ? '' : 's'} sent as the ballot (someone else's picture)`,
    });
  const seconds = Math.round(account.secondsSinceFirstMessage);
  if (seconds < T.HUMAN_MIN_CONVERSATION_SECONDS && !account.textOnly) {
    signals.push({
      id: 'inhumanly-fast',
      weight: T.WEIGHTS.inhumanlyFast,
      detail: `first message to vote in ${seconds} s (a person needs at least ${T.HUMAN_MIN_CONVERSATION_SECONDS} s)`,
    });
  } else if (seconds < T.FRESH_ACCOUNT_SECONDS && account.earlierMessages === 0) {
    signals.push({
      id: 'fresh-account',
      weight: T.WEIGHTS.freshAccount,
      detail: `first message ${Math.round(seconds / 60)} min before the vote, no earlier history`,
    });
  }
  if (account.votesLastHour >= limits.votesPerHour) {
    signals.push({
      id: 'repeat-votes',
      weight:
        account.votesLastHour >= limits.votesPerHourMany ? T.WEIGHTS.repeatVotesMany : T.WEIGHTS.repeatVotes,
      detail: `${account.votesLastHour} votes from this account in the last hour`,
    });
  }
  if (account.messagesLastMinute > limits.messagesPerMinute) {
    signals.push({
      id: 'message-flood',
      weight: T.WEIGHTS.messageFlood,
      detail: `${account.messagesLastMinute} messages in the last minute (limit ${limits.messagesPerMinute})`,
    });
  }
  const same = account.sameTimingAccounts;
  if (same > 0) {
    signals.push({
      id: 'identical-timing',
      weight:
        same >= 5 ? T.WEIGHTS.sameTimingMany : same >= 2 ? T.WEIGHTS.sameTimingFew : T.WEIGHTS.sameTimingOne,
      detail: `${same} other account(s) paused identically between every message`,
    });
  }
  return signals;
}

/**
 * Reports at a precinct in an hour above which they are a crowd: the fixed minimum, or the share
 * of its registered voters if more.
 *
 * @example
 * precinctBurstLimit(400, DEFAULT_RATE_LIMITS); // 15
 */
export function precinctBurstLimit(registeredVoters: number, limits: T.RateLimits): number {
  return Math.max(limits.precinctPerHour, Math.ceil(registeredVoters * limits.precinctSharePerHour));
}

function precinctSignals(report: BallotReportSignals, limits: T.RateLimits): SpamSignal[] {
  const { reportsLastHour, reportsTotal, registeredVoters, unconfirmedSameChoice } = report.precinct;
  if (registeredVoters === null) return [];
  const signals: SpamSignal[] = [];
  const burstLimit = precinctBurstLimit(registeredVoters, limits);
  if (reportsLastHour > burstLimit) {
    signals.push({
      id: 'precinct-burst',
      weight: T.WEIGHTS.precinctBurst,
      detail: `${reportsLastHour} reports at this precinct in the last hour (limit ${burstLimit} for ${registeredVoters} registered voters)`,
    });
  }
  if (unconfirmedSameChoice > burstLimit) {
    signals.push({
      id: 'unconfirmed-crowd',
      weight: T.WEIGHTS.unconfirmedCrowd,
      detail: `${unconfirmedSameChoice} votes for "${report.statedChoiceId}" without a photo at this precinct within an hour either side (limit ${burstLimit} for ${registeredVoters} registered voters)`,
    });
  }
  const plausible = Math.max(
    limits.precinctPlausibleMin,
    Math.ceil(registeredVoters * limits.precinctPlausibleShare),
  );
  if (reportsTotal > plausible) {
    signals.push({
      id: 'precinct-implausible',
      weight: T.WEIGHTS.precinctImplausible,
      detail: `${reportsTotal} reports at this precinct today, more than ${plausible} (${limits.precinctPlausibleShare * 100}% of ${registeredVoters} registered voters)`,
    });
  }
  return signals;
}

function textSignals(report: BallotReportSignals): SpamSignal[] {
  const signals: SpamSignal[] = [];
  const { links, mentions } = findTextSpam(report.texts);
  if (links.length + mentions.length > 0) {
    signals.push({
      id: 'links',
      weight: T.WEIGHTS.links,
      detail: `typed ${[...links, ...mentions].slice(0, 3).join(', ')}${links.length + mentions.length > 3 ? ', …' : ''}`,
    });
  }
  if (report.sameTextAccounts > 0 && report.texts.length > 0) {
    signals.push({
      id: 'copied-text',
      weight: T.WEIGHTS.copiedText,
      detail: `${report.sameTextAccounts} other account(s) typed the same text`,
    });
  }
  return signals;
}
