import { z } from 'zod';
import { areaRef, errorBody, localizedText } from './shared.contract';
import { officialBlock, observersBlock, violationsBlock, votersBlock } from './figures.contract';
import { publicArea } from './areas.contract';
import { publicChoice, publicElection } from './elections.contract';
import { transparencyEntry } from './transparency.contract';
import { publishedViolation } from './violations.contract';
import { openapiPath, PUBLIC_OPERATIONS, type PublicOperation } from './public-operations';

type JsonSchema = Record<string, unknown>;

/** Pieces named in `components.schemas` (and referenced by `$ref`) besides each operation's answer. */
const SHARED_COMPONENTS: Record<string, z.ZodType> = {
  Error: errorBody,
  LocalizedText: localizedText,
  AreaRef: areaRef,
  PublicArea: publicArea,
  PublicElection: publicElection,
  PublicChoice: publicChoice,
  OfficialBlock: officialBlock,
  VotersBlock: votersBlock,
  ObserversBlock: observersBlock,
  ViolationsBlock: violationsBlock,
  PublishedViolation: publishedViolation,
  TransparencyEntry: transparencyEntry,
};

/**
 * The OpenAPI 3.1 document of the public API, generated from the zod contracts the routes
 * validate with (zod 4's own `z.toJSONSchema`, whose default dialect, JSON Schema 2020-12, is the
 * one OpenAPI 3.1 uses: no zod→OpenAPI library is needed for GET-only routes).
 *
 * The contracts are strict (an unknown key is drift, caught by the contract test); the document
 * is not: `additionalProperties: false` is dropped, so a client generated from it keeps working
 * when a later release adds a field — adding is how version 1 evolves (docs/api.md).
 */
export function openapiDocument(operations: readonly PublicOperation[] = PUBLIC_OPERATIONS): JsonSchema {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SHARED_COMPONENTS)) registry.add(schema, { id });
  for (const { answer } of operations)
    if ('schema' in answer) registry.add(answer.schema, { id: answer.name });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema }) => relax(jsonSchema),
  });
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  const paths: Record<string, unknown> = {};
  for (const operation of operations)
    paths[openapiPath(operation.route)] = { get: describeOperation(operation) };
  return {
    openapi: '3.1.1',
    info: {
      title: 'Dauys public API',
      version: '1',
      description:
        'Read-only figures of independent election monitoring: official results, the voters\u2019 tally (a ' +
        'self-selected sample) and observers\u2019 protocols side by side. No participant id, pseudonym or ' +
        'contact ever appears. Every operation is a public GET (HEAD too), cacheable (ETag, Cache-Control) ' +
        'and allowed from any origin (CORS; OPTIONS answers the preflight). See docs/api.md.',
      license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: { schemas },
  };
}

function relax(schema: JsonSchema): void {
  if (schema.additionalProperties === false) delete schema.additionalProperties;
  // zod spells out its ISO pattern beside `format`; the format says it.
  if (schema.format === 'date-time') delete schema.pattern;
}

function describeOperation(operation: PublicOperation): JsonSchema {
  const { answer } = operation;
  const ok =
    'schema' in answer
      ? {
          description: 'OK',
          headers: ETAG_HEADER,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${answer.name}` } } },
        }
      : {
          description: answer.description,
          content: { [answer.mediaType]: { schema: binaryOrText(answer.mediaType) } },
        };
  const hasInput = operation.params !== undefined || operation.query !== undefined;
  return {
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
    responses: {
      '200': ok,
      '304': { description: 'Not modified since the ETag sent in If-None-Match.' },
      ...(hasInput ? { '400': errorAnswer('Invalid parameter; `issues` names it.') } : {}),
      ...(operation.params ? { '404': errorAnswer('No such election, area or item.') } : {}),
      '429': errorAnswer('Too many requests from this address; retry after `Retry-After` seconds.'),
    },
  };
}

const ETAG_HEADER = {
  ETag: {
    schema: { type: 'string' },
    description: 'Send it back as If-None-Match to get a bodiless 304 when nothing changed.',
  },
};

function errorAnswer(description: string): JsonSchema {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

function binaryOrText(mediaType: string): JsonSchema {
  return mediaType.startsWith('image/')
    ? { type: 'string', contentMediaType: mediaType }
    : { type: 'string' };
}

/** A path or query schema as OpenAPI parameters (what a client sends: zod's input side). */
function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', override: ({ jsonSchema }) => relax(jsonSchema) });
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(json.required ?? []);
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}
