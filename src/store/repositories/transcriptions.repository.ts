import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { TranscriptionRole } from '../tables/moderation.tables';

/** Moderators' transcriptions of observers' protocol photos, and the protocols they transcribe. */
export class TranscriptionsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** Up to 500 current protocols of the election in id order, inside `area` (any level) when given. */
  async currentProtocols(electionId: number, area?: string) {
    let query = this.db
      .selectFrom('observer_protocols as p')
      .select(['p.id', 'p.precinct_code', 'p.page_media_ids'])
      .where('p.election_id', '=', electionId)
      .where('p.current', '=', true);
    if (area) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('areas as a')
            .select('a.code')
            .whereRef('a.code', '=', 'p.precinct_code')
            .where('a.election_id', '=', electionId)
            .where((eb) => eb(eb.val(area), '=', eb.fn.any('a.path'))),
        ),
      );
    }
    return query.orderBy('p.id').limit(500).execute();
  }

  /** A protocol of the election; with `lock`, its row is locked so submissions for it are serialized. */
  async protocol(electionId: number, protocolId: number, options: { lock?: boolean } = {}) {
    let query = this.db
      .selectFrom('observer_protocols')
      .select(['id', 'precinct_code', 'page_media_ids', 'current'])
      .where('election_id', '=', electionId)
      .where('id', '=', protocolId);
    if (options.lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /** The figures the observer typed for a protocol. */
  async observerFigures(protocolId: number): Promise<Record<string, number>> {
    const { figures } = await this.db
      .selectFrom('observer_protocols')
      .select('figures')
      .where('id', '=', protocolId)
      .executeTakeFirstOrThrow();
    return figures;
  }

  /** Every transcription of these protocols, oldest first. */
  async entriesOf(protocolIds: readonly number[]) {
    if (protocolIds.length === 0) return [];
    return this.db
      .selectFrom('protocol_transcriptions')
      .select(['protocol_id', 'user_id', 'role', 'figures'])
      .where('protocol_id', 'in', [...protocolIds])
      .orderBy('id')
      .execute();
  }

  async insert(entry: {
    electionId: number;
    protocolId: number;
    userId: number;
    role: TranscriptionRole;
    figures: Record<string, number>;
  }): Promise<void> {
    await this.db
      .insertInto('protocol_transcriptions')
      .values({
        election_id: entry.electionId,
        protocol_id: entry.protocolId,
        user_id: entry.userId,
        role: entry.role,
        figures: JSON.stringify(entry.figures),
      })
      .execute();
  }
}
