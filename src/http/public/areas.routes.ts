import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../app';
import { compareOfficialOrder } from '../../domain/geography';
import { notFound } from '../../errors';
import type { AreaRow } from '../../store/repositories/areas.repository';
import { parseRequest } from '../parse-request';
import {
  areasQuery,
  type areasResponse,
  type publicArea as publicAreaSchema,
} from './contracts/areas.contract';
import { slugParams } from './contracts/shared.contract';

/** What these routes use of the app, and all they can reach. */
export type AreasRoutesServices = Pick<App, 'elections' | 'publicReads'>;

export type PublicArea = z.output<typeof publicAreaSchema>;

/**
 * `GET /elections/:slug/areas?parent=CODE`: the children of an area (the regions without
 * `parent`), and the parent's own path from the top, so a page opened on a precinct's URL can
 * fill every level of its area selector from one answer.
 */
export const areasRoutes: FastifyPluginAsync<{ app: AreasRoutesServices }> = async (server, { app }) => {
  server.get('/elections/:slug/areas', async (request) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const { parent } = parseRequest(areasQuery, request.query, 'query');
    const election = await app.elections.require(slug);
    const parentRow = parent ? await app.publicReads.area(election.id, parent) : undefined;
    if (parent && !parentRow) throw notFound(`no area "${parent}" in election "${slug}"`);
    // The election file's order (the commission's numbers), as the bots list them; not code order.
    const children = (await app.publicReads.childAreas(election.id, parent ?? null)).sort(
      compareOfficialOrder,
    );
    const levels = election.definition.geography.levels;
    const childLevel = levels[parentRow ? parentRow.depth + 1 : 0]?.id ?? null;
    const path = parentRow ? await app.publicReads.areasByCode(election.id, parentRow.path) : [];
    return {
      level: childLevel,
      parent: parentRow
        ? {
            ...publicArea(parentRow),
            path: parentRow.path.map((code) => publicArea(path.find((row) => row.code === code)!)),
          }
        : null,
      areas: children.map(publicArea),
    } satisfies z.output<typeof areasResponse>;
  });
};

export function publicArea(row: AreaRow): PublicArea {
  return {
    code: row.code,
    level: row.level,
    names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
    parent: row.parent_code,
    number: row.number,
    kind: row.kind,
    registeredVoters: row.registered_voters,
  };
}
