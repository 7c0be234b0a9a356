import { sql, type Kysely, type Transaction } from 'kysely';
import type { ChannelName } from '../../flows/messages';
import type { Database } from '../database-schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface ObserverRow {
  id: number;
  channel: ChannelName;
  participant: string;
  electionId: number;
  electionSlug: string;
  locale: string | null;
  state: Record<string, unknown>;
}

export interface AssignedPrecinct {
  code: string;
  number: string | null;
  names: { kk: string; ru: string; en: string };
}

export interface InviteRow {
  id: number;
  electionId: number;
  electionSlug: string;
  precinctCodes: string[];
  contactEncrypted: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  redeemedAt: Date | null;
  redeemedBy: number | null;
}

/** All I/O for observers, their invites and their precinct assignments. */
export class ObserversRepository {
  constructor(private readonly db: Db) {}

  async findByParticipant(channel: ChannelName, participant: string): Promise<ObserverRow | undefined> {
    const row = await this.db
      .selectFrom('observers as o')
      .innerJoin('elections as e', 'e.id', 'o.election_id')
      .select(['o.id', 'o.channel', 'o.participant', 'o.election_id', 'e.slug', 'o.locale', 'o.state'])
      .where('o.channel', '=', channel)
      .where('o.participant', '=', participant)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        channel: row.channel,
        participant: row.participant,
        electionId: row.election_id,
        electionSlug: row.slug,
        locale: row.locale,
        state: row.state,
      }
    );
  }

  /** Creates the observer, or moves an existing one to the invite's election; returns its id. */
  async upsert(values: {
    channel: ChannelName;
    participant: string;
    electionId: number;
    contactEncrypted: string | null;
    locale: string | null;
    state: Record<string, unknown>;
  }): Promise<number> {
    const row = await this.db
      .insertInto('observers')
      .values({
        channel: values.channel,
        participant: values.participant,
        election_id: values.electionId,
        contact_encrypted: values.contactEncrypted,
        locale: values.locale,
        state: JSON.stringify(values.state),
      })
      .onConflict((oc) =>
        oc.columns(['channel', 'participant']).doUpdateSet((eb) => ({
          election_id: eb.ref('excluded.election_id'),
          // A later invite without a note keeps the note of an earlier one.
          contact_encrypted: sql<
            string | null
          >`coalesce(excluded.contact_encrypted, observers.contact_encrypted)`,
          updated_at: sql<Date>`now()`,
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async saveState(id: number, state: Record<string, unknown>, locale: string | null): Promise<void> {
    await this.db
      .updateTable('observers')
      .set({ state: JSON.stringify(state), locale, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  /** The observer's precincts in their current election, by precinct number then code. */
  async precinctsOf(observerId: number, electionId: number): Promise<AssignedPrecinct[]> {
    const rows = await this.db
      .selectFrom('observer_assignments as s')
      .innerJoin('areas as a', (join) =>
        join.onRef('a.election_id', '=', 's.election_id').onRef('a.code', '=', 's.precinct_code'),
      )
      .select(['a.code', 'a.number', 'a.name_kk', 'a.name_ru', 'a.name_en'])
      .distinct()
      .where('s.observer_id', '=', observerId)
      .where('s.election_id', '=', electionId)
      .orderBy('a.code')
      .execute();
    return rows.map((row) => ({
      code: row.code,
      number: row.number,
      names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
    }));
  }

  async isAssigned(observerId: number, electionId: number, precinctCode: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('observer_assignments')
      .select('observer_id')
      .where('observer_id', '=', observerId)
      .where('election_id', '=', electionId)
      .where('precinct_code', '=', precinctCode)
      .executeTakeFirst();
    return row !== undefined;
  }

  async assign(
    observerId: number,
    electionId: number,
    inviteId: number,
    precinctCodes: string[],
  ): Promise<void> {
    if (precinctCodes.length === 0) return;
    await this.db
      .insertInto('observer_assignments')
      .values(
        precinctCodes.map((code) => ({
          observer_id: observerId,
          election_id: electionId,
          precinct_code: code,
          invite_id: inviteId,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** How many observers joined the election. */
  async countInElection(electionId: number): Promise<number> {
    const row = await this.db
      .selectFrom('observers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('election_id', '=', electionId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Distinct precincts with at least one observer, within `areaCode` when given. */
  async countPrecinctsWithObserver(electionId: number, areaCode?: string): Promise<number> {
    const areaFilter = areaCode ? sql`and a.path @> array[${areaCode}]::text[]` : sql``;
    const result = await sql<{ count: number }>`
      select count(distinct s.precinct_code) as count
      from observer_assignments s
      join areas a on a.election_id = s.election_id and a.code = s.precinct_code
      where s.election_id = ${electionId} ${areaFilter}`.execute(this.db);
    return Number(result.rows[0]?.count ?? 0);
  }

  // ---------- invites ----------

  async insertInvite(values: {
    electionId: number;
    codeDigest: string;
    precinctCodes: string[];
    contactEncrypted: string | null;
  }): Promise<number> {
    const row = await this.db
      .insertInto('observer_invites')
      .values({
        election_id: values.electionId,
        code_digest: values.codeDigest,
        precinct_codes: sql<string[]>`${sql.val(values.precinctCodes)}::text[]`,
        contact_encrypted: values.contactEncrypted,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  private inviteQuery() {
    return this.db
      .selectFrom('observer_invites as i')
      .innerJoin('elections as e', 'e.id', 'i.election_id')
      .select([
        'i.id',
        'i.election_id',
        'e.slug',
        'i.precinct_codes',
        'i.contact_encrypted',
        'i.created_at',
        'i.revoked_at',
        'i.redeemed_at',
        'i.redeemed_by',
      ]);
  }

  async findInviteByDigest(codeDigest: string): Promise<InviteRow | undefined> {
    const row = await this.inviteQuery().where('i.code_digest', '=', codeDigest).executeTakeFirst();
    return row && toInvite(row);
  }

  async findInvite(id: number): Promise<InviteRow | undefined> {
    const row = await this.inviteQuery().where('i.id', '=', id).executeTakeFirst();
    return row && toInvite(row);
  }

  async listInvites(electionId?: number): Promise<InviteRow[]> {
    let query = this.inviteQuery().orderBy('i.id');
    if (electionId !== undefined) query = query.where('i.election_id', '=', electionId);
    return (await query.execute()).map(toInvite);
  }

  /** Marks an invite redeemed by this observer, unless another observer got there first. */
  async markRedeemed(inviteId: number, observerId: number): Promise<boolean> {
    const result = await this.db
      .updateTable('observer_invites')
      .set({ redeemed_at: sql<Date>`coalesce(redeemed_at, now())`, redeemed_by: observerId })
      .where('id', '=', inviteId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('redeemed_by', 'is', null), eb('redeemed_by', '=', observerId)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Revokes an invite and ends the assignments it gave; false when it was already revoked. */
  async revokeInvite(inviteId: number): Promise<boolean> {
    const result = await this.db
      .updateTable('observer_invites')
      .set({ revoked_at: sql<Date>`now()` })
      .where('id', '=', inviteId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await this.db.deleteFrom('observer_assignments').where('invite_id', '=', inviteId).execute();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toInvite(row: {
  id: number;
  election_id: number;
  slug: string;
  precinct_codes: string[];
  contact_encrypted: string | null;
  created_at: Date;
  revoked_at: Date | null;
  redeemed_at: Date | null;
  redeemed_by: number | null;
}): InviteRow {
  return {
    id: row.id,
    electionId: row.election_id,
    electionSlug: row.slug,
    precinctCodes: row.precinct_codes,
    contactEncrypted: row.contact_encrypted,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    redeemedAt: row.redeemed_at,
    redeemedBy: row.redeemed_by,
  };
}
