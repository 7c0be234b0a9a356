import type { Transaction } from 'kysely';
import { rateLimitsFor } from '../../domain/spam/spam-thresholds';
import type { InboundMessage } from '../../flows/messages';
import type { Database } from '../../store/database-schema';
import { SpamSignalsRepository } from '../../store/repositories/spam-signals.repository';
import type { ActiveElection } from '../active-election.service';

/** What to do with a message under the hard per-account cap. */
export type CapDecision = 'handle' | 'notify' | 'ignore';

const HOUR_MS = 60 * 60_000;

/**
 * The hard cap on an account's messages (`spamLimits.accountMessagesPerHour`, counted from the
 * inbox by the messages' own dates, this one included): under it a message is handled; the
 * first one over it gets one polite answer; the rest are ignored — no state, no vote, no photo.
 * One statement for a whole inbox batch.
 *
 * @example
 * const [decision] = await messageCapDecisions(tx, [inbound], election); // 'handle'
 */
export async function messageCapDecisions(
  tx: Transaction<Database>,
  inbounds: readonly InboundMessage[],
  election: ActiveElection | undefined,
): Promise<CapDecision[]> {
  if (!election) return inbounds.map(() => 'handle');
  const cap = rateLimitsFor(election.definition).accountMessagesPerHour;
  const counts = await new SpamSignalsRepository(tx).recentMessageCounts(
    inbounds.map((inbound) => ({ ...inbound, at: inbound.sentAt })),
    HOUR_MS,
    cap + 2,
  );
  return counts.map((count) => (count <= cap ? 'handle' : count === cap + 1 ? 'notify' : 'ignore'));
}
