import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../src/http/error-handler';
import { areasRoutes, type AreasRoutesServices } from '../../src/http/public/areas.routes';
import { datapackageRoutes, type DatapackageRoutesServices } from '../../src/http/public/datapackage.routes';
import { exportRoutes, type ExportRoutesServices } from '../../src/http/public/export.routes';
import { registerHttpCaching } from '../../src/http/public/http-caching';
import { openapiRoutes } from '../../src/http/public/openapi.routes';
import { ElectionService } from '../../src/services/election.service';
import { ExportService } from '../../src/services/export.service';
import { OfficialImportService } from '../../src/services/official-import.service';
import { PublicReadsService } from '../../src/services/public-reads.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';
import { writeTinyElection } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

const MAPPING = JSON.stringify({
  precinct: 'uik',
  lines: { '1': 'registered', '4': 'took_part', '7': 'invalid' },
  choices: {
    'ak-zhol': 'ak_zhol',
    'nur-otan': 'nur_otan',
    adal: 'adal',
    auyl: 'auyl',
    'peoples-party': 'npk',
  },
});
const OFFICIAL = `uik,registered,took_part,invalid,ak_zhol,nur_otan,adal,auyl,npk
p1,1000,600,10,100,400,50,20,20
p4,800,500,0,200,200,50,25,25
`;

/** Splits one CSV line, honouring quotes (enough for what the export writes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  return [...fields, field];
}

describe.each(testDatabases())('open data on $name', ({ open }) => {
  let database: DatabaseHandle;
  let server: FastifyInstance;
  let slug: string;

  beforeAll(async () => {
    database = await open();
    const elections = new ElectionService(database.db);
    // A district name with a comma, a quote and a leading "=" exercises CSV quoting and formula escaping.
    const tiny = await writeTinyElection();
    const { election } = await elections.loadFile(tiny.electionFile);
    slug = election.slug;
    await database.db
      .updateTable('areas')
      .set({ name_en: '=Hyperlink("x"), District 1' })
      .where('code', '=', 'r1-d1')
      .execute();
    const official = new OfficialImportService(database.db, elections);
    await official.importFile(
      TEST_ACTOR,
      slug,
      await tiny.write('official.csv', OFFICIAL),
      await tiny.write('mapping.json', MAPPING),
    );
    // The bots' sources read their precomputed rows: a few written directly stand for votes and a protocol.
    const tally = (choice_id: string, status: 'confirmed' | 'no_photo' | 'spam', count: number) => ({
      election_id: election.id,
      area_code: 'p1',
      choice_id,
      status,
      delayed: false,
      count,
    });
    await database.db
      .insertInto('voter_tallies')
      .values([
        tally('adal', 'confirmed', 3),
        tally('nur-otan', 'spam', 2),
        tally('against-all', 'no_photo', 1),
      ])
      .execute();
    await database.db
      .insertInto('precinct_protocols')
      .values({
        election_id: election.id,
        precinct_code: 'p4',
        status: 'accepted',
        figures: JSON.stringify({ '1': 800, '6.adal': 55 }),
        conflicts: JSON.stringify([]),
        protocol_ids: JSON.stringify([1]),
      })
      .execute();
    // Exactly what these routes declare they use: a route reaching for more fails typecheck here.
    const app: AreasRoutesServices & ExportRoutesServices & DatapackageRoutesServices = {
      elections,
      publicReads: new PublicReadsService(database),
      exports: new ExportService(database.db, elections),
    };
    server = Fastify();
    registerErrorHandler(server);
    await server.register(
      async (api) => {
        registerHttpCaching(api);
        await api.register(areasRoutes, { app });
        await api.register(exportRoutes, { app });
        await api.register(datapackageRoutes, { app });
        await api.register(openapiRoutes);
      },
      { prefix: '/api/v1' },
    );
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('exports one CSV row per precinct with every source’s columns, described by the datapackage', async () => {
    const csv = await server.inject({ url: `/api/v1/elections/${slug}/export.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = csv.body.trimEnd().split('\r\n').map(csvFields);
    expect(lines.map((line) => line[header!.indexOf('precinct_code')])).toEqual([
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
    ]);

    const pkg = await server.inject({ url: `/api/v1/elections/${slug}/datapackage.json` });
    const resource = pkg.json().resources[0];
    expect(resource.path).toBe('export.csv');
    expect(resource.schema.fields.map((field: { name: string }) => field.name)).toEqual(header);
    expect(resource.schema.primaryKey).toBe('precinct_code');

    const row = (code: string) =>
      Object.fromEntries(
        header!.map((name, i) => [name, lines.find((l) => l[header!.indexOf('precinct_code')] === code)![i]]),
      );
    expect(row('p1')).toMatchObject({
      region_code: 'r1',
      district_code: 'r1-d1',
      registered_voters: '1000',
      official_line_1: '1000',
      official_line_4: '600',
      official_votes_nur_otan: '400',
    });
    expect(row('p1')).toMatchObject({
      voters_received: '6',
      voters_counted: '4',
      voters_confirmed: '3',
      voters_no_photo: '1',
      voters_spam: '2',
      voters_adal: '3',
      voters_nur_otan: '0',
      voters_against_all: '1',
      observers_status: '',
    });
    expect(row('p4')).toMatchObject({
      observers_status: 'accepted',
      observers_line_1: '800',
      observers_votes_adal: '55',
      voters_received: '',
    });
    // A precinct without official results has empty official cells, not zeros.
    expect(row('p2')).toMatchObject({
      official_line_1: '',
      official_votes_nur_otan: '',
      registered_voters: '2000',
    });
    // Quoted, and a leading "=" is defused so a spreadsheet does not run it.
    expect(row('p1').district_name_en).toBe(`'=Hyperlink("x"), District 1`);
  });

  it('exports the same rows as JSON, numbers as numbers', async () => {
    const response = await server.inject({ url: `/api/v1/elections/${slug}/export.json` });
    const body = response.json();
    expect(body.rows).toHaveLength(5);
    expect(body.rows[0]).toMatchObject({
      precinct_code: 'p1',
      official_votes_ak_zhol: 100,
      registered_voters: 1000,
    });
    expect(body.rows[1].official_votes_ak_zhol).toBeNull();
    expect(
      body.fields.find((field: { name: string }) => field.name === 'official_line_7').description,
    ).toContain('line 7');
  });

  it('answers a repeated GET with 304 by ETag, with Cache-Control and CORS on every answer', async () => {
    const first = await server.inject({ url: `/api/v1/elections/${slug}/areas?parent=r1` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await server.inject({
      url: `/api/v1/elections/${slug}/areas?parent=r1`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await server.inject({
      url: `/api/v1/elections/${slug}/areas?parent=r2`,
      headers: { 'if-none-match': etag },
    });
    expect(other.statusCode).toBe(200);

    // After new figures arrive the tag changes and the same request gets a body again.
    const before = await server.inject({ url: `/api/v1/elections/${slug}/export.json` });
    await database.db
      .updateTable('areas')
      .set({ registered_voters: 1001 })
      .where('code', '=', 'p1')
      .execute();
    const after = await server.inject({
      url: `/api/v1/elections/${slug}/export.json`,
      headers: { 'if-none-match': before.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json().rows[0].registered_voters).toBe(1001);

    const preflight = await server.inject({ method: 'OPTIONS', url: `/api/v1/elections/${slug}/summary` });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('If-None-Match');
  });

  it('lists areas with the parent’s path, for the selector', async () => {
    const top = (await server.inject({ url: `/api/v1/elections/${slug}/areas` })).json();
    expect(top).toMatchObject({ level: 'region', parent: null });
    expect(top.areas.map((area: { code: string }) => area.code)).toEqual(['r1', 'r2']);
    const precinct = (await server.inject({ url: `/api/v1/elections/${slug}/areas?parent=p3` })).json();
    expect(precinct.parent.path.map((area: { code: string }) => area.code)).toEqual(['r1', 'r1-d2', 'p3']);
    expect(precinct.areas).toEqual([]);
    expect((await server.inject({ url: `/api/v1/elections/${slug}/areas?parent=nowhere` })).statusCode).toBe(
      404,
    );
  });

  it('publishes an OpenAPI document that lists the open-data endpoints', async () => {
    const document = (await server.inject({ url: '/api/v1/openapi.json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/elections/{slug}/summary',
        '/elections/{slug}/export.csv',
        '/elections/{slug}/datapackage.json',
      ]),
    );
  });
});
