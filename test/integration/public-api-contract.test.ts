import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { registerErrorHandler } from '../../src/http/error-handler';
import { openapiPath, PUBLIC_OPERATIONS } from '../../src/http/public/contracts/public-operations';
import { errorBody } from '../../src/http/public/contracts/shared.contract';
import {
  transparencyEntry,
  transparencyNdjsonHead,
} from '../../src/http/public/contracts/transparency.contract';
import { publicApiRoutes } from '../../src/http/public/public-api.routes';
import { seedDashboard } from '../support/dashboard-seed';
import { createThrowawayPostgresDatabase, testDatabases } from '../support/test-databases';
import { DEMO_ELECTION_FILE } from '../support/tiny-election';

const SLUG = 'kz-2021-mazhilis';
const election = `/elections/${SLUG}`;

/**
 * Real requests for every public operation, keyed by its route: each answer must parse with the
 * operation's contract, strictly (an unknown key is drift). A new operation without calls here
 * fails the first test, so every route is exercised.
 */
const CALLS: Record<string, string[]> = {
  '/elections': ['/elections'],
  '/elections/:slug/summary': [
    `${election}/summary`,
    `${election}/summary?area=kz-akm`,
    `${election}/summary?area=kz-akm-p0001`,
  ],
  '/elections/:slug/results': [
    `${election}/results?level=region`,
    `${election}/results?level=precinct&area=kz-akm`,
  ],
  '/elections/:slug/areas': [`${election}/areas`, `${election}/areas?parent=kz-akm-d01`],
  '/elections/:slug/violations': [
    `${election}/violations`,
    `${election}/violations?limit=1&category=ballot-stuffing`,
  ],
  '/elections/:slug/boundaries.topo.json': [`${election}/boundaries.topo.json`],
  '/elections/:slug/export.csv': [`${election}/export.csv`],
  '/elections/:slug/export.json': [`${election}/export.json`],
  '/elections/:slug/datapackage.json': [`${election}/datapackage.json`],
  '/elections/:slug/analysis': [`${election}/analysis`],
  '/elections/:slug/analysis/report.html': [`${election}/analysis/report.html?lang=ru`],
  '/elections/:slug/transparency': [`${election}/transparency`],
  '/elections/:slug/transparency.ndjson': [`${election}/transparency.ndjson`],
  '/openapi.json': ['/openapi.json'],
  // The seed publishes no photo: the answer is the contract's 404.
  '/elections/:slug/violations/:id/photos/:index/:size.jpg': [],
};

describe.each(testDatabases())('the public API keeps its contracts on $name', ({ name }) => {
  let app: App;
  let server: FastifyInstance;
  let dataDir: string;
  let dropDatabase: (() => Promise<void>) | undefined;
  /** Every GET the public plugin registered, as Fastify saw it (HEAD and the CORS preflight aside). */
  const registered: string[] = [];

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-contract-'));
    let databaseUrl = '';
    if (name === 'postgres') {
      const throwaway = await createThrowawayPostgresDatabase(process.env.TEST_DATABASE_URL!);
      databaseUrl = throwaway.url;
      dropDatabase = throwaway.drop;
    }
    app = await createApp(
      loadConfig({
        DAUYS_DATA_DIR: dataDir,
        DAUYS_SECRET: 'contract-test-secret-0123456789abcdef',
        LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl,
        PUBLIC_FIGURES_CACHE_MS: '0',
      }),
    );
    await app.elections.loadFile(DEMO_ELECTION_FILE);
    await seedDashboard(app, SLUG);
    await app.transparency.appendPending();
    // The public surface as src/http/server.ts mounts it, with a hook that sees every route.
    server = Fastify();
    registerErrorHandler(server);
    server.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      if (methods.includes('GET')) registered.push(route.url.replace(/^\/api\/v1/, ''));
    });
    await server.register(publicApiRoutes, { app, prefix: '/api/v1' });
    await server.ready();
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await dropDatabase?.();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const get = (url: string) => server.inject({ url: `/api/v1${url}` });

  it('has a contract for every registered route, and a route for every contract', async () => {
    const documented = Object.keys(((await get('/openapi.json')).json() as { paths: object }).paths);
    expect([...documented].sort()).toEqual(registered.map(openapiPath).sort());
    expect(Object.keys(CALLS).sort()).toEqual(PUBLIC_OPERATIONS.map((operation) => operation.route).sort());
  });

  it.each(PUBLIC_OPERATIONS.filter((operation) => 'schema' in operation.answer))(
    'answers $route as its schema says, with no unknown key',
    async ({ route, answer }) => {
      const schema = (answer as { schema: z.ZodType }).schema;
      expect(CALLS[route]?.length).toBeGreaterThan(0);
      for (const url of CALLS[route] ?? []) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-type'], url).toMatch(/^application\/json/);
        const parsed = schema.safeParse(response.json());
        expect(parsed.error?.issues ?? [], url).toEqual([]);
      }
    },
  );

  it('sends the CSV, the HTML report and the NDJSON log with their media types', async () => {
    const csv = await get(`${election}/export.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toContain('precinct_code');

    const html = await get(`${election}/analysis/report.html?lang=ru`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toMatch(/^<!doctype html>/i);

    const log = await get(`${election}/transparency.ndjson`);
    expect(log.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const [head, ...entries] = log.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(transparencyNdjsonHead.safeParse(head).error?.issues ?? []).toEqual([]);
    // The seed's counted reports and published violation are in the log.
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(transparencyEntry.safeParse(entry).error?.issues ?? []).toEqual([]);
  });

  it('answers errors with the documented error body', async () => {
    const answers = [
      { url: `/elections/no-such-election/summary`, status: 404 },
      { url: `${election}/results`, status: 400 },
      { url: `${election}/violations?limit=500`, status: 400 },
      { url: `${election}/violations/1/photos/0/thumb.jpg`, status: 404 },
      { url: `${election}/areas?parent=no-such-area`, status: 404 },
    ];
    for (const { url, status } of answers) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(status);
      expect(errorBody.safeParse(response.json()).error?.issues ?? [], url).toEqual([]);
    }
    const invalid = errorBody.parse((await get(`${election}/results`)).json());
    expect(invalid.issues?.map((issue) => issue.where)).toEqual(['query.level']);
  });
});
