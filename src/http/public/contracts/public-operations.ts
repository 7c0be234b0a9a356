import type { z } from 'zod';
import { analysisResponse, reportQuery } from './analysis.contract';
import { areasQuery, areasResponse } from './areas.contract';
import { electionsResponse } from './elections.contract';
import { resultsQuery, resultsResponse, summaryQuery, summaryResponse } from './figures.contract';
import {
  boundariesParams,
  boundariesResponse,
  datapackageResponse,
  exportJsonResponse,
} from './open-data.contract';
import { openapiDocumentShape } from './openapi-shape.contract';
import { slugParams } from './shared.contract';
import { transparencyHead } from './transparency.contract';
import { photoParams, violationsQuery, violationsResponse } from './violations.contract';

/** A JSON answer, described by a schema published under `components.schemas[name]`. */
export interface JsonAnswer {
  name: string;
  schema: z.ZodType;
}

/** Any other answer (CSV, HTML, NDJSON, a photo), described in prose. */
export interface OtherAnswer {
  mediaType: string;
  description: string;
}

/**
 * One operation of the public API: the contract its route validates its input with and its
 * answer is checked against. The OpenAPI document is generated from this list, and a test
 * fails when a route of the public plugin is missing from it (or the other way round).
 */
export interface PublicOperation {
  /** Fastify's form, relative to `/api/v1`, e.g. `/elections/:slug/summary`. Every operation is a GET. */
  route: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  answer: JsonAnswer | OtherAnswer;
}

export const PUBLIC_OPERATIONS: readonly PublicOperation[] = [
  {
    route: '/elections',
    summary: 'Elections on this platform, with their levels, choices and counts of areas',
    answer: { name: 'Elections', schema: electionsResponse },
  },
  {
    route: '/elections/:slug/summary',
    summary: 'Figures of one area from each source (official, voters, observers, violations)',
    description: 'Revalidated every time (`Cache-Control: no-cache`): a new vote shows within seconds.',
    params: slugParams,
    query: summaryQuery,
    answer: { name: 'Summary', schema: summaryResponse },
  },
  {
    route: '/elections/:slug/results',
    summary: 'The same blocks for every area of a level (within `area` when given)',
    description: 'Revalidated every time, like the summary.',
    params: slugParams,
    query: resultsQuery,
    answer: { name: 'Results', schema: resultsResponse },
  },
  {
    route: '/elections/:slug/areas',
    summary: 'Children of an area (the top level without `parent`), and the parent\u2019s path',
    params: slugParams,
    query: areasQuery,
    answer: { name: 'Areas', schema: areasResponse },
  },
  {
    route: '/elections/:slug/violations',
    summary: 'Published violations, newest first, a page at a time',
    params: slugParams,
    query: violationsQuery,
    answer: { name: 'Violations', schema: violationsResponse },
  },
  {
    route: '/elections/:slug/violations/:id/photos/:index/:size.jpg',
    summary: 'A published violation\u2019s photo (the URLs come from the violations feed)',
    description: 'Served only while its violation is published; cleaned of EXIF and location on arrival.',
    params: photoParams,
    answer: { mediaType: 'image/jpeg', description: 'The photo (JPEG).' },
  },
  {
    route: '/elections/:slug/boundaries.topo.json',
    summary: 'Map shapes (TopoJSON), each geometry\u2019s `properties.code` an area code',
    params: boundariesParams,
    answer: { name: 'Boundaries', schema: boundariesResponse },
  },
  {
    route: '/elections/:slug/export.csv',
    summary: 'One row per precinct with every source\u2019s figures (described by datapackage.json)',
    params: slugParams,
    answer: {
      mediaType: 'text/csv',
      description: 'UTF-8 CSV, a header row first; an empty cell is no figure.',
    },
  },
  {
    route: '/elections/:slug/export.json',
    summary: 'The same rows as export.csv, as JSON with the field descriptions',
    params: slugParams,
    answer: { name: 'ExportJson', schema: exportJsonResponse },
  },
  {
    route: '/elections/:slug/datapackage.json',
    summary: 'Frictionless Tabular Data Package describing export.csv',
    params: slugParams,
    answer: { name: 'DataPackage', schema: datapackageResponse },
  },
  {
    route: '/elections/:slug/analysis',
    summary: 'The falsification analysis: every method, its uncertainty and reading (docs/analysis.md)',
    params: slugParams,
    answer: { name: 'Analysis', schema: analysisResponse },
  },
  {
    route: '/elections/:slug/analysis/report.html',
    summary: 'The analysis as a printable, self-contained HTML report (no script)',
    params: slugParams,
    query: reportQuery,
    answer: { mediaType: 'text/html', description: 'The report in the language asked for.' },
  },
  {
    route: '/elections/:slug/transparency',
    summary: 'The transparency log\u2019s size and Merkle root (publish it; `dauys verify` checks it)',
    params: slugParams,
    answer: { name: 'TransparencyHead', schema: transparencyHead },
  },
  {
    route: '/elections/:slug/transparency.ndjson',
    summary: 'The whole transparency log, one JSON record a line after a `{ "head": … }` line',
    params: slugParams,
    answer: {
      mediaType: 'application/x-ndjson',
      description:
        'First line `{ "head": TransparencyHead }`, then one `TransparencyEntry` a line, in order.',
    },
  },
  {
    route: '/openapi.json',
    summary: 'This document',
    answer: { name: 'OpenApiDocument', schema: openapiDocumentShape },
  },
];

/** `/elections/:slug/x` → `/elections/{slug}/x`, the path as OpenAPI writes it. */
export function openapiPath(route: string): string {
  return route.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}
