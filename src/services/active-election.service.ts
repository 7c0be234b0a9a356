import type { Kysely, Transaction } from 'kysely';
import type { ElectionDefinition } from '../domain/election/election-definition';
import { acceptsVoteDatedAt, pollsWindow, type VoteTiming } from '../domain/election/election-times';
import type { Database } from '../store/database-schema';
import { ElectionsRepository } from '../store/repositories/elections.repository';

export interface ActiveElection {
  id: number;
  slug: string;
  definition: ElectionDefinition;
  /**
   * A demo election that is over (the 2021 demo) still takes votes, at any time, so that the
   * platform can be tried; its numbers are marked demo everywhere.
   */
  alwaysOpen: boolean;
}

interface StoredElection {
  id: number;
  slug: string;
  definition: ElectionDefinition;
  demo: boolean;
  /** `pollsWindow(definition).lateMessagesUntil`, computed once: time-zone math per message showed in profiles. */
  lateMessagesUntil: number;
}

/**
 * Which election the voter bot serves: the newest loaded one that is not finished (late messages
 * may still arrive); when every election is finished, the newest demo election, always open.
 * One active election keeps the bot simple: voters never choose an election.
 *
 * The definitions are cached and re-read only when the elections table changes (a cheap
 * fingerprint query), so a newly loaded election is served from its first message. Inside a
 * transaction the fingerprint is checked once: the worker runs a whole batch of messages in one
 * transaction, and one check per batch is as fresh as the batch's own snapshot of the inbox.
 *
 * @example
 * const election = await activeElections.current(tx); // undefined when there is nothing to serve
 */
export class ActiveElectionService {
  private cached: { fingerprint: string; elections: StoredElection[] } | undefined;
  private readonly checkedIn = new WeakMap<Transaction<Database>, Promise<StoredElection[]>>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async current(db: Kysely<Database> | Transaction<Database>): Promise<ActiveElection | undefined> {
    const elections = await this.load(db);
    const now = this.now().getTime();
    const running = elections.find((e) => e.lateMessagesUntil > now);
    const chosen = running ?? elections.find((e) => e.demo);
    return (
      chosen && { id: chosen.id, slug: chosen.slug, definition: chosen.definition, alwaysOpen: !running }
    );
  }

  private load(db: Kysely<Database> | Transaction<Database>): Promise<StoredElection[]> {
    if (!db.isTransaction) return this.loadFresh(db);
    const tx = db as Transaction<Database>;
    let loaded = this.checkedIn.get(tx);
    if (!loaded) {
      loaded = this.loadFresh(tx);
      this.checkedIn.set(tx, loaded);
      // A failed check must not stick to the transaction (the caller may go on and retry).
      loaded.catch(() => this.checkedIn.delete(tx));
    }
    return loaded;
  }

  private async loadFresh(db: Kysely<Database> | Transaction<Database>): Promise<StoredElection[]> {
    const repository = new ElectionsRepository(db);
    const fingerprint = await repository.changeStamp();
    if (this.cached?.fingerprint === fingerprint) return this.cached.elections;
    const rows = await repository.listNewestFirst();
    // Stored definitions were validated when loaded.
    const elections = rows.map((row) => {
      const definition = row.definition as unknown as ElectionDefinition;
      return { ...row, definition, lateMessagesUntil: pollsWindow(definition).lateMessagesUntil.getTime() };
    });
    this.cached = { fingerprint, elections };
    return elections;
  }
}

/**
 * Whether a vote dated `datedAt` and received at `receivedAt` counts in `election`.
 *
 * @example
 * judgeVote(active, photoMessage.sentAt, confirm.receivedAt); // { accepted: true, delayed: true }
 */
export function judgeVote(election: ActiveElection, datedAt: Date, receivedAt: Date): VoteTiming {
  if (election.alwaysOpen) return { accepted: true, delayed: false };
  return acceptsVoteDatedAt(election.definition, datedAt, receivedAt);
}
