import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../app';
import { invalidInput, notFound } from '../../errors';
import { officialBlock } from '../../services/summary.service';
import { parseRequest } from '../parse-request';
import { resultsQuery, type resultsResponse } from './contracts/figures.contract';
import { slugParams } from './contracts/shared.contract';
import { LIVE_CACHE_CONTROL } from './http-caching';
import { LiveFiguresCache } from './live-figures-cache';

/** What these routes use of the app, and all they can reach. */
export type ResultsRoutesServices = Pick<App, 'config' | 'elections' | 'publicReads' | 'voterTallies'>;

/**
 * `GET /api/v1/elections/:slug/results?level=region|district|precinct[&area=CODE]`: the figures
 * of every area of a level (within `area`), read from the precomputed tally. Answers revalidate
 * every time (a 304 via the ETag costs nothing): a new vote must show within seconds, so
 * identical requests share one computed answer for at most `PUBLIC_FIGURES_CACHE_MS`.
 */
export const resultsRoutes: FastifyPluginAsync<{ app: ResultsRoutesServices }> = async (server, { app }) => {
  const liveFigures = new LiveFiguresCache(app.config.PUBLIC_FIGURES_CACHE_MS);
  server.get('/elections/:slug/results', async (request, reply) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const { level, area } = parseRequest(resultsQuery, request.query, 'query');
    const body = await liveFigures.get(`${slug}\u0000${level}\u0000${area ?? ''}`, () =>
      results(app, slug, level, area),
    );
    reply.header('cache-control', LIVE_CACHE_CONTROL);
    return body;
  });
};

async function results(
  app: ResultsRoutesServices,
  slug: string,
  level: string,
  area: string | undefined,
): Promise<z.output<typeof resultsResponse>> {
  const election = await app.elections.require(slug);
  const levels = election.definition.geography.levels.map((l) => l.id);
  if (!levels.includes(level)) {
    throw invalidInput('invalid request query', [
      { where: 'query.level', message: `must be one of ${levels.map((l) => `"${l}"`).join(', ')}` },
    ]);
  }
  if (area && !(await app.publicReads.area(election.id, area))) {
    throw notFound(`no area "${area}" in election "${slug}"`);
  }
  const areas = await app.voterTallies.results(election.id, election.definition, level, area);
  const official = await app.publicReads.officialTotals(
    election.id,
    areas.map((a) => a.code),
  );
  return {
    election: slug,
    level,
    area: area ?? null,
    areas: areas.map((a) => {
      const totals = official.get(a.code);
      return { ...a, official: totals && totals.precincts > 0 ? officialBlock(election, totals) : null };
    }),
  };
}
