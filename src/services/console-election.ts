import { notFound } from '../errors';
import type { Election, ElectionService } from './election.service';

/**
 * The election a console screen works on: the one named, or else the newest loaded one (a
 * deployment normally monitors one election at a time).
 *
 * @example
 * const election = await consoleElection(app.elections, request.query.election);
 */
export async function consoleElection(elections: ElectionService, slug?: string): Promise<Election> {
  if (slug) return elections.require(slug);
  const all = await elections.list();
  const newest = all.sort((a, b) => b.id - a.id)[0];
  if (!newest) throw notFound('no election is loaded yet (dauys election load <file>)');
  return newest;
}
