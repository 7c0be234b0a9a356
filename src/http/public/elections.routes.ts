import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../app';
import type { LocalizedText } from '../../domain/locale';
import { REPORT_CONTENT_SECURITY_POLICY } from '../../services/analysis-report/report-stylesheet';
import { parseRequest } from '../parse-request';
import { reportQuery } from './contracts/analysis.contract';
import type { electionsResponse, publicChoice as publicChoiceSchema } from './contracts/elections.contract';
import { summaryQuery } from './contracts/figures.contract';
import { slugParams } from './contracts/shared.contract';
import { LIVE_CACHE_CONTROL } from './http-caching';
import { LiveFiguresCache } from './live-figures-cache';

/** What these routes use of the app, and all they can reach. */
export type ElectionsRoutesServices = Pick<
  App,
  'analyses' | 'config' | 'elections' | 'publicReads' | 'summaries'
>;

export const electionRoutes: FastifyPluginAsync<{ app: ElectionsRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/elections', async () => {
    const elections = await app.elections.list();
    return {
      elections: await Promise.all(
        elections.map(async ({ id, slug, definition }) => {
          const counts = await app.publicReads.areaCountsByLevel(id);
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
            // Short names too, for narrow places (table headings, chart axes, legends).
            choices: definition.choices.map(publicChoice),
            voterOnlyChoices: definition.voterOnlyChoices.map(publicChoice),
          };
        }),
      ),
    } satisfies z.output<typeof electionsResponse>;
  });

  server.get('/elections/:slug/analysis', async (request) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    return app.analyses.analysis(slug);
  });

  // The printable report: server-rendered HTML whose only style is allowed by its hash (no script).
  server.get('/elections/:slug/analysis/report.html', async (request, reply) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const { lang } = parseRequest(reportQuery, request.query, 'query');
    const html = await app.analyses.reportHtml(slug, lang);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', REPORT_CONTENT_SECURITY_POLICY)
      .send(html);
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

/** A choice as the elections list shows it: its short names only when the election file has them. */
function publicChoice(choice: {
  id: string;
  names: LocalizedText;
  shortNames?: LocalizedText | undefined;
  color?: string | undefined;
}): z.output<typeof publicChoiceSchema> {
  const { id, names, shortNames, color } = choice;
  return { id, names, ...(shortNames ? { shortNames } : {}), color };
}
