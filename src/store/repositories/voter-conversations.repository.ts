import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { ConversationKey } from './conversations.repository';

/** What the voter flow needs of a recorded ballot report. */
export interface RecordedVoteRow {
  precinct_code: string;
  choice_id: string;
  media_id: number | null;
}

/**
 * The voter bot's reads for each message: the saved conversation state and the vote the voter
 * already recorded, joined per message or per batch so a message costs as few statements as it can.
 */
export class VoterConversationsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /**
   * The saved state and the voter's recorded vote in ONE statement: both are read for every
   * message, and on PGlite each statement costs far more than the work it does.
   */
  async stateAndVote(
    key: ConversationKey,
    electionId: number,
    voterKey: string,
  ): Promise<{ state: Record<string, unknown> | undefined; vote: RecordedVoteRow | undefined }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('conversations')
          .select('state')
          .where('channel', '=', key.channel)
          .where('bot', '=', key.bot)
          .where('participant', '=', key.participant)
          .as('state'),
        eb
          .selectFrom('ballot_reports')
          .select(
            sql<RecordedVoteRow>`jsonb_build_object('precinct_code', precinct_code, 'choice_id', choice_id, 'media_id', media_id)`.as(
              'vote',
            ),
          )
          .where('election_id', '=', electionId)
          .where('voter_key', '=', voterKey)
          .as('vote'),
      ])
      .executeTakeFirstOrThrow();
    return { state: row.state ?? undefined, vote: row.vote ?? undefined };
  }

  /** The recorded votes of a batch's voters, in one statement; voters without one are left out. */
  async recordedVotes(
    electionId: number,
    voterKeys: readonly string[],
  ): Promise<Array<RecordedVoteRow & { voter_key: string }>> {
    if (voterKeys.length === 0) return [];
    return this.db
      .selectFrom('ballot_reports')
      .select(['voter_key', 'precinct_code', 'choice_id', 'media_id'])
      .where('election_id', '=', electionId)
      .where('voter_key', 'in', [...voterKeys])
      .execute();
  }
}
