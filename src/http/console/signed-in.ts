import type { FastifyRequest } from 'fastify';
import { DauysError } from '../../errors';
import { userActor, type AuditActor } from '../../services/audit.service';
import type { ConsoleSession } from '../../services/auth.service';

/**
 * The session of a route declared for signed-in users (the auth hook already refused anyone
 * else; this narrows the type and guards against a route declared `'public'` by mistake).
 *
 * @example
 * const { actor } = signedIn(request);
 * // The service takes the actor first and writes the audit entry in its own transaction:
 * await app.moderation.reviewBallots(actor, election, [id], 'approve');
 */
export function signedIn(request: FastifyRequest): { session: ConsoleSession; actor: AuditActor } {
  const session = request.consoleSession;
  if (!session) throw new DauysError('DAUYS_ERR_UNAUTHORIZED', 'sign in first');
  return { session, actor: userActor(session.user) };
}
