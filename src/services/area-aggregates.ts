import type { Transaction } from 'kysely';
import type { Database } from '../store/database-schema';
import { AreaStatsRepository } from '../store/repositories/area-stats.repository';
import { OfficialTalliesRepository } from '../store/repositories/official-tallies.repository';
import { VoterCoverageRepository } from '../store/repositories/voter-coverage.repository';

/**
 * Recomputes the per-area aggregates that depend on the geography, in the transaction of a
 * geography import: it may add precincts, change registered voters or move a precinct to
 * another district, and every enclosing area's figures change with it. Imports are rare and
 * one rebuild is a few aggregate queries, so exactness wins over an incremental update here.
 */
export async function rebuildAreaAggregates(
  tx: Transaction<Database>,
  electionId: number,
  precinctLevel: string,
): Promise<void> {
  await new AreaStatsRepository(tx).rebuild(electionId, precinctLevel);
  await new OfficialTalliesRepository(tx).rebuild(electionId);
  await new VoterCoverageRepository(tx).rebuild(electionId, precinctLevel);
}
