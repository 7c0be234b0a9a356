import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../src/http/error-handler';
import { electionRoutes, type ElectionsRoutesServices } from '../../src/http/public/elections.routes';
import { registerSecurityHeaders } from '../../src/http/security-headers';
import { ElectionAnalysisService } from '../../src/services/election-analysis.service';
import { ElectionService } from '../../src/services/election.service';
import { OfficialImportService } from '../../src/services/official-import.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';
import { writeTinyElection } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

describe.each(testDatabases())('analysis of a stored election on $name', ({ open }) => {
  let database: DatabaseHandle;
  let analyses: ElectionAnalysisService;
  let elections: ElectionService;

  beforeAll(async () => {
    database = await open();
    elections = new ElectionService(database.db);
    analyses = new ElectionAnalysisService(database.db, elections);
    const tiny = await writeTinyElection();
    await elections.loadFile(tiny.electionFile);
    const mapping = await tiny.write(
      'mapping.json',
      JSON.stringify({
        precinct: 'uik',
        lines: { '1': 'reg', '4': 'took', '7': 'invalid' },
        choices: { 'nur-otan': 'no', 'ak-zhol': 'az' },
      }),
    );
    const official = await tiny.write(
      'official.csv',
      'uik,reg,took,invalid,no,az\np1,1000,600,0,400,200\np2,2000,1000,10,690,300\np4,800,500,0,300,200\n',
    );
    await new OfficialImportService(database.db, elections).importFile(
      TEST_ACTOR,
      'tiny-2021',
      official,
      mapping,
    );
  });
  afterAll(async () => database?.close());

  it('joins every precinct with its official figures and analyses them', async () => {
    const { report } = await analyses.analysis('tiny-2021');
    expect(report.summary).toMatchObject({
      stations: 5,
      stationsWithOfficialResult: 3,
      registered: 3800,
      ballotsCast: 2100,
      leader: 'nur-otan',
      leaderVotes: 1390,
    });
    expect(report.summary.turnout).toBeCloseTo(2100 / 3800, 10);
    const stations = await analyses.stations(await new ElectionService(database.db).require('tiny-2021'));
    expect(stations.find((s) => s.id === 'p3')).toMatchObject({
      officialMissing: true,
      registered: 1500,
      region: 'r1',
      district: 'r1-d2',
    });
    expect(stations.find((s) => s.id === 'p2')).toMatchObject({
      valid: 990,
      invalid: 10,
      votes: { 'nur-otan': 690, 'ak-zhol': 300 },
    });
  });

  it('reuses a computed analysis and recomputes on request', async () => {
    const first = await analyses.analysis('tiny-2021');
    expect(await analyses.analysis('tiny-2021')).toBe(first);
    expect(await analyses.analysis('tiny-2021', { fresh: true })).not.toBe(first);
  });

  it('serves the printable report in the asked language under its own Content-Security-Policy', async () => {
    const server = Fastify();
    registerErrorHandler(server);
    registerSecurityHeaders(server, {});
    const app = {
      analyses,
      elections,
      config: { PUBLIC_FIGURES_CACHE_MS: 0 },
    } as unknown as ElectionsRoutesServices;
    await server.register(electionRoutes, { app, prefix: '/api/v1' });
    try {
      const ru = await server.inject({ url: '/api/v1/elections/tiny-2021/analysis/report.html?lang=ru' });
      expect(ru.statusCode).toBe(200);
      expect(ru.headers['content-type']).toMatch(/^text\/html/);
      const csp = String(ru.headers['content-security-policy']);
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toMatch(/script-src|unsafe-inline/);
      expect(ru.body).toContain('<html lang="ru">');
      const definition = (await elections.require('tiny-2021')).definition;
      expect(ru.body).toContain(definition.names.ru);
      const { report } = await analyses.analysis('tiny-2021');
      expect(ru.body).toContain(report.integerPercentages!.reading.ru.replace(/"/g, '&#34;'));
      expect(ru.body).toContain('Целые проценты');

      const kk = await server.inject({ url: '/api/v1/elections/tiny-2021/analysis/report.html' });
      expect(kk.body).toContain('<html lang="kk">');
      const bad = await server.inject({ url: '/api/v1/elections/tiny-2021/analysis/report.html?lang=de' });
      expect(bad.statusCode).toBe(400);
      const missing = await server.inject({ url: '/api/v1/elections/nope/analysis/report.html?lang=en' });
      expect(missing.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });
});
