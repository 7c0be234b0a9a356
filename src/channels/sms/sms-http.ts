import { SendFailure } from '../channel-sender';

/** When a provider asks us to slow down without saying for how long. */
const DEFAULT_RETRY_MS = 5000;

/**
 * One provider API call for an outgoing SMS, and what its answer means: 2xx accepted (undefined);
 * 429, or a refusal `isRateLimit` recognizes, waits (`Retry-After` when given); any other 4xx is
 * permanent, a 5xx or a network failure transient. Errors name the call and the status only: the
 * request holds the recipient's number and the provider's credentials.
 *
 * @example
 * await callSmsProvider('twilio messages', url, { method: 'POST', headers, body }, (body) => body.code === 21611);
 */
export async function callSmsProvider(
  what: string,
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
  isRateLimit: (body: { code?: unknown }) => boolean = () => false,
): Promise<{ retryAfterMs: number } | undefined> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new SendFailure(`network error calling ${what}`, { permanent: false });
  }
  if (response.ok) {
    await response.body?.cancel();
    return undefined;
  }
  const body = (await response.json().catch(() => ({}))) as { code?: unknown };
  if (response.status === 429 || isRateLimit(body)) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : DEFAULT_RETRY_MS,
    };
  }
  const code = typeof body.code === 'number' ? ` (code ${body.code})` : '';
  throw new SendFailure(`${what}: ${response.status}${code}`, {
    permanent: response.status < 500,
    status: response.status,
  });
}

/** An HTTP Basic `Authorization` header. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
