import type { Transaction } from 'kysely';
import type { ElectionDefinition } from '../domain/election/election-definition';
import type { Database } from '../store/database-schema';
import { ElectionsRepository } from '../store/repositories/elections.repository';
import type { Election } from './election.service';

/**
 * Reads an election inside the caller's transaction. `ElectionService.find` queries through the
 * pool: on PGlite (one connection) a query outside the open transaction would wait for it forever.
 *
 * @example
 * const election = await electionInTransaction(tx, 'kz-2021-mazhilis');
 */
export async function electionInTransaction(
  tx: Transaction<Database>,
  slug: string,
): Promise<Election | undefined> {
  const row = await new ElectionsRepository(tx).findBySlug(slug);
  // Stored definitions were validated on load; they are trusted as they are.
  return row && { ...row, definition: row.definition as unknown as ElectionDefinition };
}
