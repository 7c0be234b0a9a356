import { z } from 'zod';

export const exportColumn = z.strictObject({
  name: z.string(),
  type: z.enum(['string', 'integer', 'number']),
  title: z.string(),
  description: z.string(),
});

/** `GET /elections/:slug/export.json`: the rows of export.csv, with their columns described. */
export const exportJsonResponse = z.strictObject({
  election: z.string(),
  fields: z.array(exportColumn),
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .describe('One row per precinct; every row has every field (null: no figure).'),
});

/**
 * `GET /elections/:slug/datapackage.json`: a Frictionless Tabular Data Package
 * (https://specs.frictionlessdata.io/); the fields we write are listed, the spec allows more.
 */
export const datapackageResponse = z.strictObject({
  profile: z.literal('tabular-data-package'),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  licenses: z.array(z.strictObject({ name: z.string(), title: z.string(), path: z.string() })),
  resources: z.array(
    z.strictObject({
      name: z.string(),
      path: z.string(),
      profile: z.literal('tabular-data-resource'),
      format: z.literal('csv'),
      mediatype: z.literal('text/csv'),
      encoding: z.literal('utf-8'),
      dialect: z.strictObject({ delimiter: z.string(), header: z.boolean(), doubleQuote: z.boolean() }),
      schema: z.strictObject({
        fields: z.array(exportColumn),
        missingValues: z.array(z.string()),
        primaryKey: z.string(),
      }),
    }),
  ),
});

/**
 * `GET /elections/:slug/boundaries.topo.json`: a TopoJSON Topology (a published format, so only
 * what the dashboard relies on is fixed: `objects.regions`, each geometry's `properties.code`).
 */
export const boundariesResponse = z.looseObject({
  type: z.literal('Topology'),
  objects: z.record(z.string(), z.looseObject({ type: z.string() })),
  arcs: z.array(z.unknown()),
});

// The slug becomes a folder name here: letters, digits and dashes only, so it cannot climb out.
export const boundariesParams = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) });
