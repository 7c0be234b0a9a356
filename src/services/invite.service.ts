import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { invalidInput, notFound } from '../errors';
import type { ChannelName } from '../flows/messages';
import type { InviteLookup, ObserverPrecinct } from '../flows/observer/observer-state';
import { encryptField, fieldDigest } from '../security/field-encryption';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { ObserversRepository, type InviteRow } from '../store/repositories/observers.repository';
import { AuditService, type AuditActor } from './audit.service';
import type { Election, ElectionService } from './election.service';
import { electionInTransaction } from './election-in-transaction';

/** No 0/O, 1/I/L: codes are read aloud and typed from paper. 31 symbols × 10 ≈ 49 bits. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export interface CreatedInvite {
  id: number;
  /** Shown once: only its keyed digest is stored. */
  code: string;
  electionSlug: string;
  precinctCodes: string[];
  /** `https://t.me/<bot>?start=<code>` when the observer bot's username is known. */
  telegramLink: string | null;
}

export interface InviteSummary {
  id: number;
  electionSlug: string;
  precinctCodes: string[];
  status: 'open' | 'redeemed' | 'revoked';
  createdAt: Date;
}

/** Upper-cased, without the spaces and dashes people add when copying a code. */
export function normalizeInviteCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

function newCode(): string {
  return Array.from(
    { length: CODE_LENGTH },
    () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)],
  ).join('');
}

/**
 * Invites: the only way in for observers. A coordinator creates one for some precincts; the
 * code goes to one observer (single use), who redeems it with `/start <code>`; revoking it ends
 * the assignments it gave. Codes are stored only as keyed digests. Every change is audited in
 * its own transaction (the console and `dauys invite` alike), naming the actor.
 *
 * @example
 * const invite = await invites.create(actor, 'kz-2021-mazhilis', ['p1', 'p2'], { contact: 'Aigerim, +7 701 …' });
 * invite.telegramLink; // 'https://t.me/dauys_observer_bot?start=K7Q…'
 */
export class InviteService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
    private readonly secret: string,
    private readonly options: { telegramUsername?: string | undefined; audit?: AuditService } = {},
  ) {
    this.audit = options.audit ?? new AuditService(db);
  }

  private readonly audit: AuditService;

  private digest(code: string): string {
    return fieldDigest(this.secret, `observer-invite:${normalizeInviteCode(code)}`);
  }

  /** One invite for some precincts of an election; audited as `invite.create` (never the code or contact). */
  async create(
    actor: AuditActor,
    slug: string,
    precinctCodes: string[],
    options: { contact?: string } = {},
  ): Promise<CreatedInvite> {
    return this.db.transaction().execute(async (tx) => {
      // Read through the transaction: on PGlite (one connection) the pool would wait forever.
      const election = await electionInTransaction(tx, slug);
      if (!election) throw notFound(`no election "${slug}"`);
      const codes = await this.knownPrecincts(tx, election, precinctCodes);
      const invite = await this.insert(tx, election, codes, options.contact);
      await this.audit.record(tx, {
        actor,
        action: 'invite.create',
        target: `invite:${invite.id}`,
        // Never the code or the contact: the code is a credential, the contact personal data.
        after: { precincts: invite.precinctCodes },
      });
      return invite;
    });
  }

  /**
   * A print sheet's worth of invites: `perPrecinct` single-precinct invites for each precinct
   * listed, each with its `t.me` link (so a QR code can be printed for it). Refused, with
   * nothing created, when the observer bot's Telegram username is unknown: a sheet of QR
   * codes that lead nowhere would be handed out on election day.
   *
   * @example
   * const invites = await invites.createBatch(actor, 'kz-2021-mazhilis', ['p1', 'p2'], 2); // 4 invites
   */
  async createBatch(
    actor: AuditActor,
    slug: string,
    precinctCodes: string[],
    perPrecinct: number,
  ): Promise<Array<CreatedInvite & { telegramLink: string }>> {
    return this.db.transaction().execute(async (tx) => {
      const invites = await this.insertBatch(tx, slug, precinctCodes, perPrecinct);
      await this.audit.record(tx, {
        actor,
        action: 'invite.sheet',
        target: `election:${slug}`,
        // Never the codes: each is a credential, shown once on the sheet.
        after: { precincts: precinctCodes, perPrecinct, invites: invites.map((i) => i.id) },
      });
      return invites;
    });
  }

  private async insertBatch(
    tx: Transaction<Database>,
    slug: string,
    precinctCodes: string[],
    perPrecinct: number,
  ): Promise<Array<CreatedInvite & { telegramLink: string }>> {
    const election = await electionInTransaction(tx, slug);
    if (!election) throw notFound(`no election "${slug}"`);
    if (!this.observerBotUsername(election))
      throw invalidInput(
        "the observer bot's Telegram username is unknown, so invites cannot be printed as QR codes",
        [
          {
            where: 'TELEGRAM_OBSERVER_USERNAME',
            message: 'set it, or bots.observerTelegram in the election file',
          },
        ],
      );
    const codes = await this.knownPrecincts(tx, election, precinctCodes);
    const created: Array<CreatedInvite & { telegramLink: string }> = [];
    for (const code of codes)
      for (let i = 0; i < perPrecinct; i += 1) {
        const invite = await this.insert(tx, election, [code], undefined);
        created.push({ ...invite, telegramLink: invite.telegramLink! });
      }
    return created;
  }

  /** The distinct codes given, each checked to be a precinct (the leaf level) of the election. */
  private async knownPrecincts(
    db: Kysely<Database> | Transaction<Database>,
    election: Election,
    precinctCodes: string[],
  ): Promise<string[]> {
    const codes = [...new Set(precinctCodes.map((code) => code.trim()).filter((code) => code !== ''))];
    if (codes.length === 0)
      throw invalidInput('an invite needs at least one precinct', [
        { where: '--precinct', message: 'missing' },
      ]);
    const leafLevel = election.definition.geography.levels.at(-1)?.id;
    const found = await new AreasRepository(db).findMany(election.id, codes);
    const issues = codes
      .filter((code) => !found.some((area) => area.code === code && area.level === leafLevel))
      .map((code) => ({
        where: `--precinct ${code}`,
        message: `no precinct "${code}" in election "${election.slug}"`,
      }));
    if (issues.length > 0) throw invalidInput('unknown precinct', issues);
    return codes;
  }

  private async insert(
    db: Kysely<Database> | Transaction<Database>,
    election: Election,
    codes: string[],
    contact: string | undefined,
  ): Promise<CreatedInvite> {
    const code = newCode();
    const id = await new ObserversRepository(db).insertInvite({
      electionId: election.id,
      codeDigest: this.digest(code),
      precinctCodes: codes,
      contactEncrypted: contact ? encryptField(this.secret, contact) : null,
    });
    const username = this.observerBotUsername(election);
    return {
      id,
      code,
      electionSlug: election.slug,
      precinctCodes: codes,
      telegramLink: username ? `https://t.me/${username}?start=${code}` : null,
    };
  }

  /** The observer bot's username: the election file's, else TELEGRAM_OBSERVER_USERNAME. */
  private observerBotUsername(election: Election): string | undefined {
    return (election.definition.bots?.observerTelegram ?? this.options.telegramUsername)?.replace(/^@/, '');
  }

  /**
   * Revokes by code or by `#<id>`; ends the assignments it gave. With `election`, an invite of
   * another election is not found (the console works inside one election). Audited as
   * `invite.revoke` with the status before.
   */
  async revoke(
    actor: AuditActor,
    codeOrId: string,
    options: { election?: string } = {},
  ): Promise<InviteSummary> {
    const byId = /^#?(\d+)$/.exec(codeOrId.trim());
    return this.db.transaction().execute(async (tx) => {
      const repository = new ObserversRepository(tx);
      const invite = byId
        ? await repository.findInvite(Number(byId[1]))
        : await repository.findInviteByDigest(this.digest(codeOrId));
      if (options.election !== undefined && invite?.electionSlug !== options.election)
        throw notFound(`no invite ${byId?.[1] ?? `"${codeOrId}"`} in election "${options.election}"`);
      if (!invite) throw notFound(`no invite "${codeOrId}"`);
      await repository.revokeInvite(invite.id);
      await this.audit.record(tx, {
        actor,
        action: 'invite.revoke',
        target: `invite:${invite.id}`,
        before: { status: summarize(invite).status },
        after: { status: 'revoked' },
      });
      return summarize({ ...invite, revokedAt: invite.revokedAt ?? new Date() });
    });
  }

  async list(slug?: string): Promise<InviteSummary[]> {
    const election = slug ? await this.elections.require(slug) : undefined;
    return (await new ObserversRepository(this.db).listInvites(election?.id)).map(summarize);
  }

  /**
   * What a `/start <code>` refers to, for the flow. Valid only when not revoked and not
   * redeemed by someone else (redeeming one's own invite again is harmless).
   */
  async lookup(
    tx: Transaction<Database>,
    code: string,
    observerId: number | undefined,
  ): Promise<InviteLookup> {
    const normalized = normalizeInviteCode(code);
    if (!/^[A-Z0-9]{4,32}$/.test(normalized)) return { status: 'invalid' };
    const invite = await new ObserversRepository(tx).findInviteByDigest(this.digest(normalized));
    if (!invite || invite.revokedAt) return { status: 'invalid' };
    if (invite.redeemedBy !== null && invite.redeemedBy !== observerId) return { status: 'invalid' };
    const election = await electionInTransaction(tx, invite.electionSlug);
    if (!election) return { status: 'invalid' };
    const areas = await new AreasRepository(tx).findMany(invite.electionId, invite.precinctCodes);
    const precincts: ObserverPrecinct[] = areas
      .map((area) => ({
        code: area.code,
        number: area.number,
        names: { kk: area.name_kk, ru: area.name_ru, en: area.name_en },
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
    return {
      status: 'valid',
      inviteId: invite.id,
      electionSlug: invite.electionSlug,
      electionNames: election.definition.names,
      precincts,
    };
  }

  /**
   * Binds a participant by a looked-up invite: creates (or moves) the observer, assigns the
   * precincts, marks the invite redeemed. Returns the observer id, or undefined if someone else
   * redeemed it in between.
   */
  async redeem(
    tx: Transaction<Database>,
    inviteId: number,
    participant: { channel: ChannelName; participant: string; locale: string | null },
  ): Promise<number | undefined> {
    const repository = new ObserversRepository(tx);
    const invite = await repository.findInvite(inviteId);
    if (!invite || invite.revokedAt) return undefined;
    const observerId = await repository.upsert({
      channel: participant.channel,
      participant: participant.participant,
      electionId: invite.electionId,
      contactEncrypted: invite.contactEncrypted,
      locale: participant.locale,
      state: {},
    });
    if (!(await repository.markRedeemed(inviteId, observerId))) return undefined;
    await repository.assign(observerId, invite.electionId, inviteId, invite.precinctCodes);
    return observerId;
  }
}

function summarize(invite: InviteRow): InviteSummary {
  return {
    id: invite.id,
    electionSlug: invite.electionSlug,
    precinctCodes: invite.precinctCodes,
    status: invite.revokedAt
      ? 'revoked'
      : invite.redeemedBy !== null || invite.redeemedAt
        ? 'redeemed'
        : 'open',
    createdAt: invite.createdAt,
  };
}
