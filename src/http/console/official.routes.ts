import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { DauysError } from '../../errors';
import { parseRequest } from '../parse-request';
import { COORDINATORS, queueElection, type QueueAccessServices } from './queue-access';
import { signedIn } from './signed-in';

/** What these routes use of the app, and all they can reach. */
export type OfficialRoutesServices = QueueAccessServices & Pick<App, 'officialImport'>;

const uploadBody = z.object({
  csv: z.string().min(1, 'the CSV file is empty').max(20_000_000),
  mapping: z.unknown(),
  source: z
    .string()
    .max(200)
    .regex(/^[^/\\]*$/, 'a file name, not a path')
    .default('upload.csv'),
});

/** Limits per request body: a national CSV of ~10k precincts is a few MB. */
const BODY_LIMIT = 25 * 1024 * 1024;

/**
 * Official results: upload a CSV with a column mapping, preview it (every bad cell listed,
 * nothing changed), then import it — all or nothing, audited.
 */
export const officialRoutes: FastifyPluginAsync<{ app: OfficialRoutesServices }> = async (
  server,
  { app },
) => {
  server.post(
    '/official/preview',
    { config: { roles: COORDINATORS }, bodyLimit: BODY_LIMIT },
    async (request) => {
      const election = await queueElection(app, request.query);
      const body = parseRequest(uploadBody, request.body, 'body');
      try {
        const rows = await app.officialImport.checkText(election.slug, body.csv, body.mapping, body.source);
        return {
          election: election.slug,
          ok: true,
          rows: rows.slice(0, 200),
          total: rows.length,
          issues: [],
        };
      } catch (error) {
        // The preview's job is to show what is wrong; a validation error is its normal answer.
        if (!(error instanceof DauysError) || error.code !== 'DAUYS_ERR_VALIDATION') throw error;
        return {
          election: election.slug,
          ok: false,
          rows: [],
          total: 0,
          message: error.message,
          issues: error.issues,
        };
      }
    },
  );

  server.post(
    '/official/import',
    { config: { roles: COORDINATORS }, bodyLimit: BODY_LIMIT },
    async (request) => {
      const election = await queueElection(app, request.query);
      const body = parseRequest(uploadBody, request.body, 'body');
      const { actor } = signedIn(request);
      return app.officialImport.importText(actor, election.slug, body.csv, body.mapping, body.source);
    },
  );
};
