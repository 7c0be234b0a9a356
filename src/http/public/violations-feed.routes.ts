import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../app';
import { notFound } from '../../errors';
import { parseRequest } from '../parse-request';
import { slugParams } from './contracts/shared.contract';
import { photoParams, violationsQuery, type violationsResponse } from './contracts/violations.contract';

/** What these routes use of the app, and all they can reach. */
export type ViolationsFeedRoutesServices = Pick<App, 'config' | 'elections' | 'publicReads'>;

/**
 * `GET /elections/:slug/violations`: the published violations, newest first, filterable by area
 * and category, with links to their photos. Photos were cleaned on arrival (no EXIF/GPS); they
 * are served only while their violation is published. No observer id ever leaves this route.
 */
export const violationsFeedRoutes: FastifyPluginAsync<{ app: ViolationsFeedRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/elections/:slug/violations', async (request) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const filter = parseRequest(violationsQuery, request.query, 'query');
    const election = await app.elections.require(slug);
    const rows = await app.publicReads.publishedViolations(election.id, {
      limit: filter.limit,
      ...(filter.area ? { areaCode: filter.area } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.before ? { beforeId: filter.before } : {}),
    });
    const media = await app.publicReads.publishedPhotoSizes(rows.flatMap((row) => row.media_ids));
    const base = `/api/v1/elections/${encodeURIComponent(slug)}/violations`;
    return {
      categories: election.definition.violationCategories.map(({ id, names }) => ({ id, names })),
      items: rows.map((row) => ({
        id: String(row.id),
        category: row.category_id,
        // The area is left-joined: all its columns are there, or none (an area since deleted).
        area:
          row.level !== null && row.name_kk !== null && row.name_ru !== null && row.name_en !== null
            ? {
                code: row.precinct_code,
                level: row.level,
                names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
                parent: row.parent_code,
              }
            : null,
        reportedAt: row.reported_at.toISOString(),
        text: row.text,
        photos: row.media_ids.flatMap((mediaId, index) => {
          const photo = media.get(mediaId);
          if (!photo) return [];
          return [
            {
              thumbUrl: `${base}/${row.id}/photos/${index}/thumb.jpg`,
              url: `${base}/${row.id}/photos/${index}/full.jpg`,
              width: photo.width,
              height: photo.height,
            },
          ];
        }),
      })),
      next: rows.length === filter.limit ? String(rows.at(-1)!.id) : null,
    } satisfies z.output<typeof violationsResponse>;
  });

  server.get('/elections/:slug/violations/:id/photos/:index/:size.jpg', async (request, reply) => {
    const { slug, id, index, size } = parseRequest(photoParams, request.params, 'path');
    const election = await app.elections.require(slug);
    const photo = await app.publicReads.publishedPhoto(election.id, id, index);
    const relative = size === 'thumb' ? photo?.thumb_path : photo?.path;
    if (!relative) throw notFound(`no published photo ${index} of violation ${id}`);
    const file = path.resolve(app.config.mediaDir, relative);
    // Stored paths are relative and content-addressed; refuse anything that resolves outside.
    if (!file.startsWith(path.resolve(app.config.mediaDir) + path.sep)) throw notFound('no such photo');
    return reply
      .type('image/jpeg')
      .header('cache-control', 'public, max-age=3600')
      .header('content-security-policy', "default-src 'none'")
      .send(fs.createReadStream(file));
  });
};
