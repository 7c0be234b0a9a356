import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../../src/http/public/contracts/openapi-document';

interface Operation {
  parameters: Array<{ name: string; in: string; required: boolean }>;
  responses: Record<string, unknown>;
}
const document = openapiDocument() as {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, unknown> };
};

/** Every value under `key` anywhere in a JSON value. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesOf(item, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(k === key ? [v] : []), ...valuesOf(v, key)]);
}

describe('the generated OpenAPI document', () => {
  it('is OpenAPI 3.1 with a required path parameter for every placeholder of every path', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    for (const [path, { get }] of Object.entries(document.paths)) {
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const inPath = get.parameters.filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name).sort(), path).toEqual(placeholders.sort());
      expect(inPath.every((p) => p.required)).toBe(true);
      expect(Object.keys(get.responses), path).toContain('200');
    }
  });

  it('resolves every $ref to a published component', () => {
    const refs = valuesOf(document, '$ref') as string[];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas, ref).toHaveProperty(ref.slice('#/components/schemas/'.length));
    }
  });

  it('lets clients meet fields a later release adds (no additionalProperties: false)', () => {
    expect(valuesOf(document, 'additionalProperties')).not.toContain(false);
    // …while the query parameters keep their rules and defaults (zod's input side).
    const violations = document.paths['/elections/{slug}/violations']!.get.parameters;
    expect(violations.find((p) => p.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
    });
    const results = document.paths['/elections/{slug}/results']!.get.parameters;
    expect(results.find((p) => p.name === 'level')).toMatchObject({ in: 'query', required: true });
  });
});
