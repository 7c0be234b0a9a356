import { invalidInput, notFound } from '../../errors';
import { LOCALES } from '../../domain/locale';
import { queryString } from '../../domain/snapshot/snapshot-layout';
import type { ApiAnswer, PublicApiReader } from './public-api-reader';

/** The levels of an election as the elections list gives them, top first. */
interface ElectionListing {
  slug: string;
  levels: Array<{ id: string }>;
}

interface AreasBody {
  areas: Array<{ code: string; level: string }>;
}

interface ViolationsBody {
  categories: Array<{ id: string }>;
  items: Array<{ photos: Array<{ thumbUrl: string; url: string }> }>;
  next: string | null;
}

export interface CollectOptions {
  election: string;
  /** The deepest level whose areas get their own files (default: every level). */
  downTo?: string;
}

/** Every API path the dashboard may ask for, with the body the API answers it with. */
export type CollectedAnswers = Map<string, Buffer>;

/**
 * Asks the public API for everything the dashboard fetches for one election — the election
 * list, and for the whole election and each area down to `downTo` its summary, its children
 * (the area selector), its breakdown table and its violations feed (every page, and each
 * category for the whole election) — plus the open data (export.csv/.json, datapackage.json),
 * the map, the analysis and its printable reports, the transparency log and the OpenAPI
 * document. Areas are discovered through the API too, so only what it publishes is copied.
 */
export async function collectAnswers(
  api: PublicApiReader,
  options: CollectOptions,
): Promise<CollectedAnswers> {
  const answers: CollectedAnswers = new Map();
  const fetchJson = async <T>(apiPath: string): Promise<T> => {
    const body = await required(api, apiPath);
    answers.set(apiPath, body);
    return JSON.parse(body.toString('utf8')) as T;
  };
  const base = `/elections/${encodeURIComponent(options.election)}`;

  const list = await readJson<{ elections: ElectionListing[] }>(api, '/elections');
  const election = list.elections.find((entry) => entry.slug === options.election);
  if (!election) throw notFound(`no election "${options.election}"`);
  // The mirror is one election's: its list names only that one.
  answers.set('/elections', Buffer.from(JSON.stringify({ elections: [election] })));
  const levels = election.levels.map((level) => level.id);
  const deepest = options.downTo === undefined ? levels.length - 1 : levels.indexOf(options.downTo);
  if (deepest < 0) {
    throw invalidInput(`no level "${options.downTo}" in election "${options.election}"`, [
      { where: '--down-to', message: `one of ${levels.join(', ')}` },
    ]);
  }

  /** A violations feed, every page of it ("show more"), and its photos; returns its categories. */
  const violations = async (params: Record<string, string>) => {
    const first: ViolationsBody = await fetchJson(`${base}/violations${queryString(params)}`);
    for (let page = first; ;) {
      for (const photo of page.items.flatMap((item) => item.photos)) {
        for (const url of [photo.thumbUrl, photo.url]) {
          const apiPath = url.replace(/^\/api\/v1/, '');
          answers.set(apiPath, await required(api, apiPath));
        }
      }
      if (page.next === null) return first.categories;
      page = await fetchJson(`${base}/violations${queryString({ ...params, before: page.next })}`);
    }
  };

  await fetchJson(`${base}/summary`);
  await fetchJson(`${base}/results${queryString({ level: levels[0] })}`);
  const categories = await violations({});
  for (const category of categories) await violations({ category: category.id });

  // Breadth first from the top: each area's own files, then its children's.
  let parents: Array<string | null> = [null];
  for (let depth = 0; depth <= deepest && parents.length > 0; depth += 1) {
    const next: string[] = [];
    for (const parent of parents) {
      const children = await fetchJson<AreasBody>(`${base}/areas${queryString({ parent })}`);
      next.push(...children.areas.map((area) => area.code));
    }
    for (const code of next) {
      await fetchJson(`${base}/summary${queryString({ area: code })}`);
      await violations({ area: code });
      const below = levels[depth + 1];
      if (below) await fetchJson(`${base}/results${queryString({ level: below, area: code })}`);
      // The selector asks for an area's children to learn its path, a precinct's too.
      if (depth === deepest) await fetchJson(`${base}/areas${queryString({ parent: code })}`);
    }
    parents = next;
  }

  const optional = async (apiPath: string) => {
    const answer = await api.get(apiPath);
    if (answer.status === 200) answers.set(apiPath, answer.body);
  };
  await optional(`${base}/boundaries.topo.json`);
  await fetchJson(`${base}/analysis`);
  const files = ['export.csv', 'export.json', 'datapackage.json', 'transparency.ndjson'];
  const reports = LOCALES.map((lang) => `analysis/report.html?lang=${lang}`);
  for (const file of [...files, ...reports])
    answers.set(`${base}/${file}`, await required(api, `${base}/${file}`));
  answers.set('/openapi.json', await required(api, '/openapi.json'));
  return answers;
}

async function required(api: PublicApiReader, apiPath: string): Promise<Buffer> {
  const answer: ApiAnswer = await api.get(apiPath);
  if (answer.status !== 200) {
    throw notFound(
      `GET /api/v1${apiPath} answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}`,
    );
  }
  return answer.body;
}

async function readJson<T>(api: PublicApiReader, apiPath: string): Promise<T> {
  return JSON.parse((await required(api, apiPath)).toString('utf8')) as T;
}
