import { GrammyError, HttpError } from 'grammy';
import { SendFailure } from '../channel-sender';

/**
 * What to do about a failed Bot API call. grammY's errors carry the request payload (with the
 * chat id) and, for network errors, the URL (with the token): they are never logged as they
 * are, only through the safe description built here.
 */
export type TelegramFailure =
  | { kind: 'retry_after'; retryAfterMs: number }
  | { kind: 'refused'; status: number; description: string }
  | { kind: 'transient'; description: string };

/**
 * @example
 * classifyTelegramError(new GrammyError(…429, { retry_after: 3 }…)); // { kind: 'retry_after', retryAfterMs: 3000 }
 */
export function classifyTelegramError(error: unknown): TelegramFailure {
  if (error instanceof GrammyError) {
    const retryAfter = error.parameters?.retry_after;
    if (error.error_code === 429)
      return { kind: 'retry_after', retryAfterMs: Math.max(1, retryAfter ?? 1) * 1000 };
    if (error.error_code >= 500)
      return { kind: 'transient', description: `${error.method}: ${error.error_code}` };
    return {
      kind: 'refused',
      status: error.error_code,
      description: `${error.method}: ${error.description}`,
    };
  }
  if (error instanceof HttpError)
    return { kind: 'transient', description: 'network error calling the Bot API' };
  return { kind: 'transient', description: error instanceof Error ? error.name : 'unknown error' };
}

/** A `refused` or `transient` failure as the outbox's {@link SendFailure}. */
export function toSendFailure(failure: Exclude<TelegramFailure, { kind: 'retry_after' }>): SendFailure {
  return failure.kind === 'refused'
    ? new SendFailure(failure.description, { permanent: true, status: failure.status })
    : new SendFailure(failure.description, { permanent: false });
}
