/**
 * Every weight and threshold of the ballot-report spam score, with the reason for its value.
 * docs/abuse-resistance.md explains the whole design; change a number here and there together.
 *
 * The score is a sum of signal weights. Weights are set so that no single weak sign, nor two
 * signs a genuine voter can plausibly show together, reach SPAM_SCORE: a genuine vote lost is
 * worse than a spam vote left for a moderator.
 */

/** At or above: quarantined (not counted, reversible by a moderator). */
export const SPAM_SCORE = 1.0;
/** At or above: counted provisionally and queued for a moderator. */
export const SUSPICIOUS_SCORE = 0.5;

export const WEIGHTS = {
  /** The photo is no ballot of this election. Genuine voters do send a wrong photo now and then. */
  notABallot: 0.6,
  /** The box read differs from the stated choice. The reader errs on ~1% of photos: a moderator decides. */
  markMismatch: 0.5,
  /** Stated a party, photographed a blank or spoiled ballot: a confused voter more often than a bot. */
  blankOrSpoiled: 0.3,
  /** A unique photo of this election's ballot marked as stated: expensive to fake at scale. */
  ballotConfirms: -0.3,
  /** A vote without a photo is unconfirmed, not spam. */
  noPhoto: 0.1,
  /** The identical file from one other account: perhaps a family forwarding one photo. */
  exactDuplicateOne: 0.6,
  /** …from two or more: one picture behind several votes. */
  exactDuplicateMany: 1.0,
  /** A near-identical picture from other accounts (1 / 2–4 / 5+). Hash collisions exist, hence the ramp. */
  nearDuplicateOne: 0.3,
  nearDuplicateFew: 0.6,
  nearDuplicateMany: 1.0,
  /** First message minutes before the vote, nothing before: true of most genuine voters too, so weak. */
  freshAccount: 0.1,
  /** The whole conversation faster than a person can tap through it. */
  inhumanlyFast: 0.4,
  /** The account votes again and again (corrections happen once or twice). */
  repeatVotes: 0.4,
  repeatVotesMany: 0.8,
  /** More messages a minute than thumbs can send. */
  messageFlood: 0.5,
  /** Another account walked the conversation with the very same pauses (1 / 2–4 / 5+ accounts). */
  sameTimingOne: 0.2,
  sameTimingFew: 0.5,
  sameTimingMany: 0.9,
  /** The channel says the sender is a bot (bots cannot message bots on Telegram): spam even with a good photo. */
  botAccount: 1.3,
  /**
   * A forwarded picture sent as the ballot: a crowd of fake voters forwards one photo from a
   * channel. A genuine voter may forward their own photo from another chat, so alone it only
   * queues the vote for a moderator (with no photo and a fresh account: 0.6, suspicious).
   */
  forwardedPhoto: 0.4,
  /** An hour's reports at one precinct far above what its size allows. */
  precinctBurst: 0.25,
  /**
   * A crowd of votes for one choice at one precinct, none with a photo (more than the burst limit
   * within an hour either side): with the no-photo and fresh-account weights it reaches
   * SPAM_SCORE, so a scripted crowd is quarantined; a vote with a photo never carries it (the
   * photo is checked on its own merits), and a mixed crowd of different choices only gets the
   * weak precinct-burst. A genuine voter of the crowd's choice there without a photo is caught
   * too, and a moderator can restore the vote.
   */
  unconfirmedCrowd: 0.8,
  /** More reports from a precinct than a plausible share of its voters. */
  precinctImplausible: 0.25,
  /** Links or @handles typed into a bot that asks for buttons and a photo. */
  links: 0.5,
  /** The same free text from other accounts. */
  copiedText: 0.4,
} as const;

/** The reader's confidence below which its verdict is not used against a voter. */
export const MIN_CHECK_CONFIDENCE = 0.6;
/** "Fresh": the first message came less than this before the vote (and no earlier history). */
export const FRESH_ACCOUNT_SECONDS = 10 * 60;
/**
 * Choosing region, district, precinct and choice and sending a photo takes a person at least
 * ~20 s even with every button at hand; 15 s leaves margin for the nimblest.
 */
export const HUMAN_MIN_CONVERSATION_SECONDS = 15;
/** Votes (incl. corrections) by one account in an hour: 2 is a correction, 3 a change of mind. */
export const REPEAT_VOTES_PER_HOUR = 3;
export const REPEAT_VOTES_MANY_PER_HOUR = 6;
/** Messages by one account in a minute: a person tapping fast sends ~10. */
export const MESSAGES_PER_MINUTE = 30;
/**
 * Reports at one precinct in an hour: in 2021 the bot had ~8,000 votes over ~10,000 precincts in
 * a day; 15 an hour, or 1.5% of the registered voters an hour if more, is a crowd or a script.
 */
export const PRECINCT_BURST_MIN_PER_HOUR = 15;
export const PRECINCT_BURST_SHARE_PER_HOUR = 0.015;
/** Reports over the whole day above this share of registered voters (turnout caps real ones). */
export const PRECINCT_PLAUSIBLE_SHARE = 0.25;
/** Below this many reports, a precinct is never implausible whatever its registered size. */
export const PRECINCT_PLAUSIBLE_MIN = 20;
/**
 * Near-duplicate distance for 64-bit dHash. Measured by bench/ballot-check.ts: altered copies
 * (re-encoded, resized, brightened) differ by a median 2 bits, but 0.3% of pairs of different
 * ballot photos are also within 6 bits (minimum 2) — ballots look alike — so stay tight and ramp
 * the weight with the number of accounts.
 */
export const NEAR_DUPLICATE_MAX_BITS_64 = 4;
/**
 * For 256-bit hashes: different ballot photos were ≥ 36 bits apart over 19,900 pairs, altered
 * copies a median 13 — 24 leaves room on both sides.
 */
export const NEAR_DUPLICATE_MAX_BITS_256 = 24;

/**
 * The rate limits an election may set (its definition's `spamLimits`), all scored as signals,
 * and the hard cap on an account's messages. Defaults are the constants above.
 */
export interface RateLimits {
  /** `repeat-votes` from this many votes by one account in an hour… */
  votesPerHour: number;
  /** …and its heavier weight from this many. */
  votesPerHourMany: number;
  /** `message-flood` above this many messages by one account in a minute. */
  messagesPerMinute: number;
  /** `precinct-burst` above max(this, share × registered voters) reports at a precinct in an hour. */
  precinctPerHour: number;
  precinctSharePerHour: number;
  /** `precinct-implausible` above max(this, share × registered voters) reports at a precinct. */
  precinctPlausibleMin: number;
  precinctPlausibleShare: number;
  /**
   * Hard cap: past this many messages from one account in an hour, the bot answers once that it
   * stops listening for a while, and handles nothing more from it (no state, no vote, no photo).
   * A whole careful conversation takes ~10 messages, a few corrections ~30.
   */
  accountMessagesPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  votesPerHour: REPEAT_VOTES_PER_HOUR,
  votesPerHourMany: REPEAT_VOTES_MANY_PER_HOUR,
  messagesPerMinute: MESSAGES_PER_MINUTE,
  precinctPerHour: PRECINCT_BURST_MIN_PER_HOUR,
  precinctSharePerHour: PRECINCT_BURST_SHARE_PER_HOUR,
  precinctPlausibleMin: PRECINCT_PLAUSIBLE_MIN,
  precinctPlausibleShare: PRECINCT_PLAUSIBLE_SHARE,
  accountMessagesPerHour: 120,
};

/**
 * An election's rate limits: its own where it sets them, the defaults elsewhere.
 *
 * @example
 * rateLimitsFor({ spamLimits: { accountMessagesPerHour: 60 } }).accountMessagesPerHour; // 60
 */
export function rateLimitsFor(definition: { spamLimits?: Partial<RateLimits> | undefined }): RateLimits {
  const own = Object.fromEntries(
    Object.entries(definition.spamLimits ?? {}).filter(([, value]) => value !== undefined),
  );
  return { ...DEFAULT_RATE_LIMITS, ...own };
}
