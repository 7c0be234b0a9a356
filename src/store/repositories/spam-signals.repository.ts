import { sql, type Kysely, type Transaction } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';
import type { Database } from '../database-schema';
import { participantColumns, type ParticipantKey } from './participant-key';

type Db = Kysely<Database> | Transaction<Database>;

const HOUR_MS = 60 * 60_000;
/** An account's most recent messages read per vote: enough for every account figure. */
export const ACCOUNT_HISTORY_LIMIT = 200;
/**
 * Counts stop here: the thresholds they are compared with are far lower, and a flood at one
 * precinct must not make every further report scan the whole flood.
 */
const COUNT_CAP = 5000;
/** Other accounts sharing a fingerprint or a text: the weights stop ramping long before this. */
const SHARED_CAP = 50;

export interface AccountHistory {
  /** Dates of the account's most recent messages up to the vote (newest ACCOUNT_HISTORY_LIMIT). */
  times: number[];
  /** The account's first message ever, when the recent slice does not reach back to it. */
  firstAtMs?: number;
}

export interface ReportFigures {
  reportsLastHour: number;
  reportsTotal: number;
  registeredVoters: number | null;
  sameTimingAccounts: number;
  sameTextAccounts: number;
  moderated: boolean;
}

export interface HashedBallotPhoto {
  mediaId: number;
  settledSeq: number;
  voterKey: string;
  phash: string;
}

/**
 * All I/O of the spam scorer: an account's history from the inbox (by the messages' own dates),
 * per-precinct and cross-account figures from ballot reports, duplicates from media items.
 */
export class SpamSignalsRepository {
  constructor(private readonly db: Db) {}

  async accountHistory(key: ParticipantKey, at: Date): Promise<AccountHistory> {
    const rows = await this.db
      .selectFrom('inbox')
      .select('sent_at')
      .where((eb) => eb.and(participantColumns(key)))
      .where('sent_at', '<=', at)
      .orderBy('sent_at', 'desc')
      .limit(ACCOUNT_HISTORY_LIMIT)
      .execute();
    const history: AccountHistory = { times: rows.map((row) => new Date(row.sent_at).getTime()).reverse() };
    if (rows.length === ACCOUNT_HISTORY_LIMIT) {
      const first = await this.db
        .selectFrom('inbox')
        .select((eb) => eb.fn.min('sent_at').as('first'))
        .where((eb) => eb.and(participantColumns(key)))
        .executeTakeFirst();
      if (first?.first) history.firstAtMs = new Date(first.first).getTime();
    }
    return history;
  }

  /**
   * Messages of each account in the window up to its message's own date, counted up to `cap`
   * (enough to compare with the hard cap): one statement for a whole inbox batch.
   */
  async recentMessageCounts(
    items: ReadonlyArray<{ channel: ChannelName; bot: BotName; participant: string; at: Date }>,
    windowMs: number,
    cap: number,
  ): Promise<number[]> {
    // A window or cap of 0 would count nothing, and the hard cap would silently never fire.
    if (!(windowMs > 0))
      throw new Error(`recentMessageCounts: the window must be positive (got ${windowMs} ms)`);
    if (!(cap > 0)) throw new Error(`recentMessageCounts: the cap must be positive (got ${cap})`);
    if (items.length === 0) return [];
    const result = await sql<{ n: string }>`
      select (select count(*) from (select 1 from inbox i
          where i.channel = k.channel and i.bot = k.bot and i.participant = k.participant
            and i.sent_at > k.at - ${windowMs} * interval '1 millisecond' and i.sent_at <= k.at
          limit ${cap}) x) as n
      from unnest(${items.map((i) => i.channel)}::text[], ${items.map((i) => i.bot)}::text[],
        ${items.map((i) => i.participant)}::text[], ${items.map((i) => i.at.toISOString())}::timestamptz[],
        ${items.map((_, index) => index)}::int[]) as k(channel, bot, participant, at, position)
      order by k.position`.execute(this.db);
    return result.rows.map((row) => Number(row.n));
  }

  /** Everything about the report's precinct and the other accounts, in one statement. */
  async reportFigures(input: {
    electionId: number;
    precinctCode: string;
    voterKey: string;
    at: Date;
    timingPrint: string | null;
    reportId: number | null;
  }): Promise<ReportFigures> {
    const { electionId, precinctCode, voterKey, at } = input;
    const hourAgo = new Date(at.getTime() - HOUR_MS);
    const result = await sql<{
      hour: string;
      total: string;
      registered: number | null;
      same_timing: string;
      same_text: string | null;
      moderated: boolean;
    }>`
      select
        (select count(*) from (select 1 from ballot_reports
          where election_id = ${electionId} and precinct_code = ${precinctCode}
            and sent_at > ${hourAgo} and sent_at <= ${at} and voter_key <> ${voterKey}
          limit ${COUNT_CAP}) h) as hour,
        (select count(*) from (select 1 from ballot_reports
          where election_id = ${electionId} and precinct_code = ${precinctCode}
            and sent_at <= ${at} and voter_key <> ${voterKey}
          limit ${COUNT_CAP}) t) as total,
        (select registered_voters from areas where election_id = ${electionId} and code = ${precinctCode}) as registered,
        (select count(*) from (select 1 from ballot_reports
          where election_id = ${electionId} and timing_print = ${input.timingPrint} and voter_key <> ${voterKey}
          limit ${SHARED_CAP}) p) as same_timing,
        (select max(n) from (select count(*) as n from ballot_report_texts t
          where t.election_id = ${electionId} and t.voter_key <> ${voterKey}
            and t.digest in (select digest from ballot_report_texts where election_id = ${electionId} and voter_key = ${voterKey})
          group by t.digest) x) as same_text,
        exists (select 1 from ballot_reviews where ballot_report_id = ${input.reportId ?? -1}) as moderated
    `.execute(this.db);
    const row = result.rows[0]!;
    return {
      // This report included, whether or not it is stored yet.
      reportsLastHour: Number(row.hour) + 1,
      reportsTotal: Number(row.total) + 1,
      registeredVoters: row.registered,
      sameTimingAccounts: Number(row.same_timing),
      sameTextAccounts: Math.min(SHARED_CAP, Number(row.same_text ?? 0)),
      moderated: row.moderated,
    };
  }

  /** What the voter typed that the score looks at: links and handles, and digests of longer texts. */
  async typedTexts(electionId: number, voterKey: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('ballot_report_texts')
      .select('digest')
      .where('election_id', '=', electionId)
      .where('voter_key', '=', voterKey)
      .limit(SHARED_CAP)
      .execute();
    return rows.map((row) => row.digest);
  }

  async rememberTexts(electionId: number, voterKey: string, digests: readonly string[]): Promise<void> {
    if (digests.length === 0) return;
    await this.db
      .insertInto('ballot_report_texts')
      .values(digests.map((digest) => ({ election_id: electionId, digest, voter_key: voterKey })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** Most other accounts that typed one of this voter's texts. */
  async sameTextAccounts(electionId: number, voterKey: string): Promise<number> {
    const result = await sql<{ n: string | null }>`
      select max(n) as n from (
        select count(*) as n from ballot_report_texts t
        where t.election_id = ${electionId} and t.voter_key <> ${voterKey}
          and t.digest in (select digest from ballot_report_texts where election_id = ${electionId} and voter_key = ${voterKey})
        group by t.digest) x`.execute(this.db);
    return Math.min(SHARED_CAP, Number(result.rows[0]?.n ?? 0));
  }

  /** Other voters' reports that share one of this voter's texts (to re-score them when the group grows). */
  async sameTextReports(electionId: number, voterKey: string) {
    return this.db
      .selectFrom('ballot_reports as b')
      .select('b.id')
      .where('b.election_id', '=', electionId)
      .where('b.voter_key', '<>', voterKey)
      .where('b.voter_key', 'in', (eb) =>
        eb
          .selectFrom('ballot_report_texts as t')
          .select('t.voter_key')
          .where('t.election_id', '=', electionId)
          .where('t.digest', 'in', (inner) =>
            inner
              .selectFrom('ballot_report_texts')
              .select('digest')
              .where('election_id', '=', electionId)
              .where('voter_key', '=', voterKey),
          ),
      )
      .limit(SHARED_CAP)
      .execute();
  }

  /** Whether a moderator ever decided on the report: then the scorer never moves its status. */
  async isModerated(reportId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('ballot_reviews')
      .select('id')
      .where('ballot_report_id', '=', reportId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Other voters of the election whose current report carries the byte-identical photo. */
  async exactDuplicateReports(electionId: number, sha256: string, voterKey: string) {
    return this.db
      .selectFrom('ballot_reports as b')
      .innerJoin('media_items as m', 'm.id', 'b.media_id')
      .select(['b.id', 'b.voter_key'])
      .where('b.election_id', '=', electionId)
      .where('m.sha256', '=', sha256)
      .where('b.voter_key', '<>', voterKey)
      .limit(SHARED_CAP)
      .execute();
  }

  /**
   * Other voters' reports without a photo for this choice at this precinct, sent within an hour
   * either side of `at`: the crowd `unconfirmed-crowd` counts (and re-scores when it is first seen).
   */
  async unconfirmedCrowd(input: {
    electionId: number;
    precinctCode: string;
    choiceId: string;
    voterKey: string;
    at: Date;
  }) {
    return this.db
      .selectFrom('ballot_reports')
      .select('id')
      .where('election_id', '=', input.electionId)
      .where('precinct_code', '=', input.precinctCode)
      .where('sent_at', '>=', new Date(input.at.getTime() - HOUR_MS))
      .where('sent_at', '<=', new Date(input.at.getTime() + HOUR_MS))
      .where('choice_id', '=', input.choiceId)
      .where('media_id', 'is', null)
      .where('voter_key', '<>', input.voterKey)
      .limit(COUNT_CAP)
      .execute();
  }

  /** Other reports with the same timing fingerprint (to re-score them when the group grows). */
  async sameTimingReports(electionId: number, timingPrint: string, voterKey: string) {
    return this.db
      .selectFrom('ballot_reports')
      .select('id')
      .where('election_id', '=', electionId)
      .where('timing_print', '=', timingPrint)
      .where('voter_key', '<>', voterKey)
      .limit(SHARED_CAP)
      .execute();
  }

  /** The reports (of the election) that currently carry these photos. */
  async reportsByMedia(electionId: number, mediaIds: readonly number[]) {
    if (mediaIds.length === 0) return [];
    return this.db
      .selectFrom('ballot_reports')
      .select('id')
      .where('election_id', '=', electionId)
      .where('media_id', 'in', [...mediaIds])
      .execute();
  }

  /** Hashed ballot photos of the election settled after `afterSeq`, in settle order. */
  async hashedPhotosSince(electionId: number, afterSeq: number, limit: number): Promise<HashedBallotPhoto[]> {
    const rows = await this.db
      .selectFrom('media_items as m')
      .innerJoin('ballot_reports as b', 'b.media_id', 'm.id')
      .select(['m.id', 'm.settled_seq', 'm.phash', 'b.voter_key'])
      .where('b.election_id', '=', electionId)
      .where('m.settled_seq', '>', String(afterSeq))
      .where('m.phash', 'is not', null)
      .orderBy('m.settled_seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      mediaId: row.id,
      settledSeq: Number(row.settled_seq),
      voterKey: row.voter_key,
      phash: row.phash!,
    }));
  }
}
