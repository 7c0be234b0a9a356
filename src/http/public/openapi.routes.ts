import type { FastifyPluginAsync } from 'fastify';

const slug = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: 'kz-2021-mazhilis',
};
const area = {
  name: 'area',
  in: 'query',
  required: false,
  description: 'An area code (region, district or precinct); the whole election when absent.',
  schema: { type: 'string' },
};
const localized = {
  type: 'object',
  required: ['kk', 'ru', 'en'],
  properties: { kk: { type: 'string' }, ru: { type: 'string' }, en: { type: 'string' } },
};
const nullableObject = (description: string) => ({
  type: 'object',
  nullable: true,
  description,
  additionalProperties: true,
});
const json = (schema: object, description = 'OK') => ({
  description,
  headers: {
    ETag: {
      schema: { type: 'string' },
      description: 'Send it back as If-None-Match to get a 304 when nothing changed.',
    },
  },
  content: { 'application/json': { schema } },
});
const errors = {
  '304': { description: 'Not modified since the ETag sent in If-None-Match.' },
  '400': { description: 'Invalid parameter; the body names it.' },
  '404': { description: 'No such election or area.' },
};

/**
 * The public API described for other tools (OpenAPI 3.0). Every operation is a GET, public,
 * cacheable (ETag + Cache-Control) and allowed from any origin (CORS). Shapes are described
 * in prose in docs/api.md; this document lists them for generators and explorers.
 */
export const OPENAPI_DOCUMENT = {
  openapi: '3.0.3',
  info: {
    title: 'Dauys public API',
    version: '1',
    description:
      'Read-only figures of independent election monitoring: official results, the voters\u2019 tally (a self-selected ' +
      'sample) and observers\u2019 protocols side by side. No participant id, pseudonym or contact ever appears.',
    license: { name: 'AGPL-3.0-only' },
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/elections': {
      get: { summary: 'Elections on this platform', responses: { '200': json({ type: 'object' }) } },
    },
    '/elections/{slug}/summary': {
      get: {
        summary: 'Figures of one area from each source (official, voters, observers, violations)',
        parameters: [slug, area],
        responses: {
          '200': json({
            type: 'object',
            required: ['election', 'area', 'registeredVoters', 'precincts', 'official'],
            properties: {
              election: {
                type: 'object',
                properties: { slug: { type: 'string' }, names: localized, demo: { type: 'boolean' } },
              },
              area: nullableObject('The area, or null for the whole election.'),
              registeredVoters: { type: 'integer' },
              precincts: { type: 'integer' },
              official: nullableObject('Official results; null when none were imported for the area.'),
              voters: nullableObject('The voter bot\u2019s tally (a self-selected sample); null when none.'),
              observers: nullableObject(
                'Observers\u2019 accepted protocols and counts of all received; null when none.',
              ),
              violations: nullableObject('Published violations by category; null when none.'),
            },
          }),
          ...errors,
        },
      },
    },
    '/elections/{slug}/results': {
      get: {
        summary: 'The same blocks for every area of a level (within `area` when given)',
        parameters: [
          slug,
          area,
          {
            name: 'level',
            in: 'query',
            required: true,
            schema: { type: 'string', enum: ['region', 'district', 'precinct'] },
          },
        ],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/elections/{slug}/areas': {
      get: {
        summary: 'Children of an area (the top level without `parent`), and the parent\u2019s path',
        parameters: [slug, { name: 'parent', in: 'query', required: false, schema: { type: 'string' } }],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/elections/{slug}/violations': {
      get: {
        summary: 'Published violations, newest first',
        parameters: [
          slug,
          area,
          { name: 'category', in: 'query', required: false, schema: { type: 'string' } },
          {
            name: 'before',
            in: 'query',
            required: false,
            description: 'Cursor from the previous page.',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/elections/{slug}/boundaries.topo.json': {
      get: {
        summary: 'Map shapes (TopoJSON), keyed by area code',
        parameters: [slug],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/elections/{slug}/export.csv': {
      get: {
        summary: 'One row per precinct with every source\u2019s figures (CSV, described by datapackage.json)',
        parameters: [slug],
        responses: {
          '200': { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errors,
        },
      },
    },
    '/elections/{slug}/export.json': {
      get: {
        summary: 'The same rows as export.csv, as JSON with the field descriptions',
        parameters: [slug],
        responses: {
          '200': json({
            type: 'object',
            properties: {
              election: { type: 'string' },
              fields: { type: 'array', items: { type: 'object' } },
              rows: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          }),
          ...errors,
        },
      },
    },
    '/elections/{slug}/datapackage.json': {
      get: {
        summary: 'Frictionless Tabular Data Package describing export.csv',
        parameters: [slug],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/elections/{slug}/analysis/report.html': {
      get: {
        summary:
          'Printable falsification-analysis report (HTML: every method, its uncertainty and reading, charts)',
        parameters: [
          slug,
          {
            name: 'lang',
            in: 'query',
            required: false,
            description: 'Language of the report (kk by default).',
            schema: { type: 'string', enum: ['kk', 'ru', 'en'] },
          },
        ],
        responses: {
          '200': { description: 'OK', content: { 'text/html': { schema: { type: 'string' } } } },
          ...errors,
        },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }) } } },
  },
} as const;

export const openapiRoutes: FastifyPluginAsync = async (server) => {
  const body = JSON.stringify(OPENAPI_DOCUMENT);
  server.get('/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body),
  );
};
