import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { AreasRepository } from '../../store/repositories/areas.repository';
import { parseRequest } from '../parse-request';
import { LIVE_CACHE_CONTROL } from './http-caching';
import { LiveFiguresCache } from './live-figures-cache';

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const summaryQuery = z.object({ area: z.string().min(1).max(100).optional() });

export const electionRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  server.get('/elections', async () => {
    const elections = await app.elections.list();
    const areas = new AreasRepository(app.database.db);
    return {
      elections: await Promise.all(
        elections.map(async ({ id, slug, definition }) => {
          const counts = await areas.countsByLevel(id);
          const levels = definition.geography.levels.map((level) => ({
            id: level.id,
            names: level.names,
            count: counts.find((row) => row.level === level.id)?.count ?? 0,
          }));
          return {
            slug,
            names: definition.names,
            date: definition.date,
            timeZone: definition.timeZone,
            demo: definition.demo,
            ...(definition.notice ? { notice: definition.notice } : {}),
            ...(definition.bots ? { bots: definition.bots } : {}),
            levels,
            regions: levels[0]?.count ?? 0,
            precincts: levels.at(-1)?.count ?? 0,
            registeredVoters: counts.find((row) => row.level === levels.at(-1)?.id)?.registeredVoters ?? 0,
            choices: definition.choices.map(({ id, names, color }) => ({ id, names, color })),
            voterOnlyChoices: definition.voterOnlyChoices.map(({ id, names, color }) => ({
              id,
              names,
              color,
            })),
          };
        }),
      ),
    };
  });

  server.get('/elections/:slug/analysis', async (request) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    return app.analyses.analysis(slug);
  });

  const liveFigures = new LiveFiguresCache(app.config.PUBLIC_FIGURES_CACHE_MS);
  server.get('/elections/:slug/summary', async (request, reply) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const { area } = parseRequest(summaryQuery, request.query, 'query');
    const summary = await liveFigures.get(`${slug}\u0000${area ?? ''}`, () =>
      app.summaries.summary(slug, area),
    );
    reply.header('cache-control', LIVE_CACHE_CONTROL);
    return summary;
  });
};
