import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../support/console-client';
import { createConsoleUser, openConsoleTestApp, type ConsoleTestApp } from '../support/console-test-app';
import { testDatabases } from '../support/test-databases';
import { DEMO_ELECTION_FILE } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

interface CoverageAnswer {
  precincts: Array<{ code: string; observers: number }>;
  totals: { precincts: number; withObserver: number; withProtocol: number; observerWithoutProtocol: number };
  matching: number;
  page: number;
  pages: number;
}

/** The coordinators' coverage on a national election: 10,061 precincts, paged on the server. */
describe.each(testDatabases())('observer coverage at national size on $name', ({ name }) => {
  let harness: ConsoleTestApp;
  let client: ConsoleClient;
  let allPrecincts: number;
  const observed = ['kz-akm-p0001', 'kz-akm-p0002', 'kz-ala-p0001'];

  const coverage = async (query: string): Promise<CoverageAnswer> => {
    const response = await client.request('GET', `/console/api/coverage${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as CoverageAnswer;
  };

  beforeAll(async () => {
    harness = await openConsoleTestApp(name);
    const { election } = await harness.app.elections.loadFile(DEMO_ELECTION_FILE, { skipIfUnchanged: true });
    allPrecincts = (
      await harness.app.database.db
        .selectFrom('areas')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('election_id', '=', election.id)
        .where('level', '=', 'precinct')
        .executeTakeFirstOrThrow()
    ).n;
    for (const code of observed) {
      const invite = await harness.app.invites.create(TEST_ACTOR, election.slug, [code]);
      await harness.app.database.db.transaction().execute(async (tx) => {
        const lookup = await harness.app.invites.lookup(tx, invite.code, undefined);
        if (lookup.status !== 'valid') throw new Error(`invite for ${code} did not look up`);
        await harness.app.invites.redeem(tx, lookup.inviteId, {
          channel: 'telegram',
          participant: `coverage-observer-${code}`,
          locale: 'ru',
        });
      });
    }
    client = new ConsoleClient(harness.server);
    await client.signIn(await createConsoleUser(harness.app, 'analyst'));
  });
  afterAll(async () => harness?.close());

  it('counts every precinct in the totals while a page holds at most its size', async () => {
    expect(allPrecincts).toBe(10_061);
    const first = await coverage('');
    expect(first.totals).toEqual({
      precincts: 10_061,
      withObserver: 3,
      withProtocol: 0,
      observerWithoutProtocol: 3,
    });
    expect(first.precincts).toHaveLength(100);
    expect(first).toMatchObject({ matching: 10_061, page: 1, pages: 101 });
    const last = await coverage('?page=101');
    expect(last.precincts).toHaveLength(61);
    const codes = new Set([...first.precincts, ...last.precincts].map((p) => p.code));
    expect(codes.size).toBe(161);
  });

  it('filters by region, district and observer, totals staying those of the area', async () => {
    const gaps = await coverage('?observer=without&pageSize=500');
    expect(gaps.matching).toBe(10_058);
    expect(gaps.precincts.every((p) => p.observers === 0)).toBe(true);
    const covered = await coverage('?observer=with');
    expect(covered.precincts.map((p) => p.code)).toEqual(observed);
    const region = await coverage('?area=kz-akm&observer=with');
    expect(region.precincts.map((p) => p.code)).toEqual(['kz-akm-p0001', 'kz-akm-p0002']);
    expect(region.matching).toBe(2);
    expect(region.totals.withObserver).toBe(2);
    const wholeRegion = await coverage('?area=kz-akm');
    expect(wholeRegion.totals.precincts).toBe(wholeRegion.matching);
    expect(wholeRegion.totals.precincts).toBeGreaterThan(100);
    expect(wholeRegion.totals.precincts).toBeLessThan(10_061);
    const district = await coverage('?area=kz-akm-d01&observer=without');
    expect(district.precincts.map((p) => p.code)).not.toContain('kz-akm-p0001');
    expect(district.totals.withObserver).toBe(2);
    expect(district.matching).toBe(district.totals.precincts - 2);
  });

  it('refuses a bad filter with 400 naming the parameter', async () => {
    for (const [query, parameter] of [
      ['?observer=maybe', 'observer'],
      ['?page=0', 'page'],
      ['?pageSize=5000', 'pageSize'],
    ] as const) {
      const response = await client.request('GET', `/console/api/coverage${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.body, query).toContain(parameter);
    }
  });
});
