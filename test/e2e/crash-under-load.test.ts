import { describe, it } from 'vitest';
import { testDatabases } from '../support/test-databases';
import { runCrashScenario } from './crash-scenario';

// Invariant 1 under load: the real `dauys start` is SIGKILLed three times while voters talk to
// it; the load re-sends whatever was not acknowledged, as Telegram does. The long form with
// more voters and kills is `npx tsx bench/crash.ts`.
//
// After a kill, the replies a dead sender had leased wait for the lease (30 s) to expire, so most of
// this test is waiting: the two databases run concurrently.
describe('crash under load', () => {
  it.concurrent.for(testDatabases().map((database) => database.name))(
    'on %s: stores and processes every acknowledged update once, tallies exactly and sends every reply',
    { timeout: 240_000 },
    async (database, { expect }) => {
      const voters = 36;
      const result = await runCrashScenario({
        database,
        adminUrl: process.env.TEST_DATABASE_URL,
        voters,
        concurrency: 12,
        killAtAcknowledged: [40, 130, 220],
      });

      expect(result.kills).toBe(3);
      expect(result.completedVoters).toBe(voters);
      expect(result.acknowledged).toBe(voters * 9);
      expect(result.audit.missing).toEqual([]);
      expect(result.audit.duplicated).toEqual([]);
      // Nothing stored beyond what the load sent, and all of it processed (none dead-lettered).
      expect(result.audit.inboxRows).toBe(voters * 9);
      expect(result.audit.notDone).toBe(0);
      // Processed once in effect: every voter got exactly the same replies, so no update ran twice.
      expect(result.audit.repliesPerVoter).toHaveLength(1);
      expect(result.audit.unsent).toBe(0);
      // A reply may be sent again after a crash between the call and its commit, never dropped.
      expect(result.replyCalls).toBeGreaterThanOrEqual(result.audit.outboxRows);
      expect(result.tally).toEqual(result.groundTruth);
      // The published log verifies against its root and holds every counted vote exactly once.
      expect(result.transparency).toMatchObject({
        verified: true,
        missing: [],
        duplicated: [],
        unknown: [],
        leaksParticipant: false,
      });
      expect(result.transparency.size).toBeGreaterThanOrEqual(voters);
    },
  );
});
