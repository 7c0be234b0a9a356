import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ELECTION_FILE } from '../../src/cli/paths';
import { createInvites, importSimulatedOfficialResults } from '../../src/simulation/live-demo';
import { scenarioSchema } from '../../src/simulation/scenario';
import { loadElectionPrecincts, simulateElectionDay } from '../../src/simulation/simulate-election-day';
import { compareRunWithTruth } from '../../src/simulation/simulation-report';
import { startTestServer, TEST_TELEGRAM, type TestServer } from '../support/start-test-server';

/**
 * Voters, and observers of whom some mistype a figure or miss a page, through both real webhooks;
 * official results falsified at half the precincts.
 */
const SCENARIO = {
  seed: 36,
  voters: { count: 10, precincts: 8, shares: { 'nur-otan': 0.5, adal: 0.5 }, photoShare: 0 },
  observers: { precincts: 8, brokenShare: 0.3, missingPageShare: 0.25 },
  official: { falsifiedShare: 0.5, favour: 'nur-otan', shift: 0.3 },
  limits: { concurrency: 16, deadlineSeconds: 240, humanPace: false },
};

describe('dauys simulate with observers', () => {
  let server: TestServer;
  let slug: string;
  let electionId: number;

  beforeAll(async () => {
    server = await startTestServer({
      conversations: 'app',
      env: { TELEGRAM_OBSERVER_TOKEN: TEST_TELEGRAM.observerToken },
      worker: { sendOutbox: false },
    });
    ({ slug, id: electionId } = (await server.app.elections.loadFile(DEMO_ELECTION_FILE)).election);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it(
    'observers join by invite and submit their protocols; the platform rejects exactly the faulty ones, adds up the rest, and they expose the falsified official counts',
    { timeout: 240_000 },
    async () => {
      const scenario = scenarioSchema.parse(SCENARIO);
      const loaded = { scenario, ...(await loadElectionPrecincts(scenario, undefined, DEMO_ELECTION_FILE)) };
      const { truth, delivery } = await simulateElectionDay({
        ...loaded,
        target: server.url,
        secretToken: TEST_TELEGRAM.webhookSecret,
        fake: server.fake,
        observerInvites: createInvites(server.app, slug),
        onPlanned: async (plan) => {
          await importSimulatedOfficialResults(server.app, electionId, plan, loaded);
        },
        drainTimeoutSeconds: 120,
      });
      expect(delivery.incomplete).toEqual([]);
      expect(delivery.byKind.observer).toMatchObject({ accounts: 8, completed: 8 });
      const expected = truth.observers!;
      // The seed gives both kinds of faulty protocol and sound ones.
      expect(expected.rejectedReasons['votes-balance']).toBeGreaterThan(0);
      expect(expected.rejectedReasons['pages_missing']).toBeGreaterThan(0);
      expect(expected.accepted).toBeGreaterThan(0);

      const comparison = await compareRunWithTruth(server.url, truth);
      expect(comparison.observers?.published).toEqual(comparison.observers?.expected);
      expect(comparison.observers?.publishedReasons).toEqual(expected.rejectedReasons);
      for (const choice of comparison.observers!.choices)
        expect(choice.published, choice.id).toBe(choice.trueVotes);
      expect(comparison.observers?.exact).toBe(true);

      // Where the official count was falsified, the observer's protocol shows it; nowhere else.
      const falsification = comparison.falsification!;
      expect(falsification.withOfficial).toBe(expected.accepted);
      expect(falsification.falsified).toBeGreaterThan(0);
      expect(falsification).toMatchObject({ caught: falsification.falsified, falseAlarms: 0 });
      expect(falsification.differ).toBe(falsification.falsified);

      // Every page sent was fetched from the fake Bot API and stored with its protocol.
      const protocols = await server.app.database.db
        .selectFrom('observer_protocols')
        .select(['precinct_code', 'status', 'page_media_ids'])
        .execute();
      expect(protocols).toHaveLength(8);
      for (const sent of expected.protocols) {
        const stored = protocols.find((row) => row.precinct_code === sent.precinctCode)!;
        expect(stored.status, sent.precinctCode).toBe(sent.expected);
        expect(stored.page_media_ids as number[]).toHaveLength(sent.pagesSent);
      }
      const pageIds = protocols.flatMap((row) => row.page_media_ids as number[]);
      const media = await server.app.database.db
        .selectFrom('media_items')
        .select(['id', 'status'])
        .where('id', 'in', pageIds)
        .execute();
      expect(media.map((row) => row.status)).toEqual(pageIds.map(() => 'ok'));
    },
  );
});
