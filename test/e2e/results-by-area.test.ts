import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { writeTinyElection } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

/** `GET …/results?level=`: every area of a level with each source's block, as the newspaper-style table needs. */
describe('results by area', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    const tiny = await writeTinyElection();
    await server.app.elections.loadFile(tiny.electionFile);
    await server.app.officialImport.importFile(
      TEST_ACTOR,
      'tiny-2021',
      await tiny.write(
        'official.csv',
        'uik,reg,took,no,az\np1,1000,600,400,200\np2,2000,900,600,300\np4,800,500,300,200\n',
      ),
      await tiny.write(
        'mapping.json',
        JSON.stringify({
          precinct: 'uik',
          lines: { '1': 'reg', '4': 'took' },
          choices: { 'nur-otan': 'no', 'ak-zhol': 'az' },
        }),
      ),
    );
  });
  afterAll(async () => server?.stop());

  it('gives each region its official block, equal to the region summary', async () => {
    const results = (await (
      await fetch(`${server.url}/api/v1/elections/tiny-2021/results?level=region`)
    ).json()) as {
      areas: Array<{ code: string; official: { ballotsCast: number; precinctsReported: number } | null }>;
    };
    expect(
      results.areas.map((area) => [area.code, area.official?.ballotsCast, area.official?.precinctsReported]),
    ).toEqual([
      ['r1', 1500, 2],
      ['r2', 500, 1],
    ]);
    for (const area of results.areas) {
      const summary = (await (
        await fetch(`${server.url}/api/v1/elections/tiny-2021/summary?area=${area.code}`)
      ).json()) as {
        official: unknown;
      };
      expect(area.official).toEqual(summary.official);
    }
    const districts = (await (
      await fetch(`${server.url}/api/v1/elections/tiny-2021/results?level=district&area=r1`)
    ).json()) as { areas: Array<{ code: string; official: unknown }> };
    expect(districts.areas.map((area) => [area.code, area.official === null])).toEqual([
      ['r1-d1', false],
      ['r1-d2', true],
    ]);
  });
});
