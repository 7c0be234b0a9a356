import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/database-schema';
import { ObserversRepository } from '../store/repositories/observers.repository';
import { ViolationsRepository } from '../store/repositories/violations.repository';
import type { ViolationStatus } from '../store/tables/observers.tables';
import type { Election } from './election.service';

/** The summary's `violations` block: published reports only (moderators publish them). */
export interface ViolationsBlock {
  published: number;
  byCategory: Record<string, number>;
}

/**
 * Violation reports: precinct, category (election data), text, photos or videos and the time
 * the observer reported it. Each starts `new`; a moderator verifies, publishes or rejects it.
 *
 * @example
 * await violations.report(tx, election, { observerId, precinctCode: 'p1', categoryId: 'ballot-stuffing', text, mediaIds: [7], reportedAt });
 */
export class ViolationService {
  constructor(private readonly db: Kysely<Database>) {}

  async report(
    tx: Transaction<Database>,
    election: Election,
    input: {
      observerId: number;
      precinctCode: string;
      categoryId: string;
      text: string;
      mediaIds: number[];
      reportedAt: Date;
    },
  ): Promise<number | undefined> {
    // Categories are election data; a stale button from an edited election is not stored as junk.
    if (!election.definition.violationCategories.some((category) => category.id === input.categoryId))
      return undefined;
    if (!(await new ObserversRepository(tx).isAssigned(input.observerId, election.id, input.precinctCode)))
      return undefined;
    return new ViolationsRepository(tx).insertViolation({ electionId: election.id, ...input });
  }

  /** For moderators (the console issue): new → verified → published, or rejected. */
  async setStatus(id: number, status: ViolationStatus): Promise<void> {
    await new ViolationsRepository(this.db).setViolationStatus(id, status);
  }

  /**
   * A moderator's decision inside the console's transaction (which also records the audit entry).
   * Publishing replaces the text with the redacted one: the public only ever reads `text`.
   * Returns the violation as it was, or undefined when the election has no such violation.
   *
   * @example
   * await violations.moderate(tx, election.id, 12, { status: 'published', text: redactedText });
   */
  async moderate(
    tx: Transaction<Database>,
    electionId: number,
    id: number,
    change: { status: ViolationStatus; text?: string },
  ) {
    const repository = new ViolationsRepository(tx);
    const before = await repository.findViolationForUpdate(electionId, id);
    if (!before) return undefined;
    await repository.moderateViolation(id, change);
    return before;
  }

  list(election: Election, status?: ViolationStatus) {
    return new ViolationsRepository(this.db).listViolations(election.id, status);
  }

  async violationsBlock(election: Election, areaCode?: string): Promise<ViolationsBlock | null> {
    const byCategory = await new ViolationsRepository(this.db).publishedByCategory(election.id, areaCode);
    const published = Object.values(byCategory).reduce((sum, count) => sum + count, 0);
    return published > 0 ? { published, byCategory } : null;
  }
}
