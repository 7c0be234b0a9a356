import { z } from 'zod';

/** What `GET /openapi.json` promises about itself: an OpenAPI 3.1 document (the spec says the rest). */
export const openapiDocumentShape = z.looseObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({ get: z.looseObject({ summary: z.string() }) })),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
});
