import { MediaFetchFailure } from './channel-sender';

/** Refuses a file whose declared size is over the cap, before a byte of it is downloaded. */
export function refuseOversize(sizeBytes: number | undefined, maxBytes: number): void {
  if (sizeBytes !== undefined && sizeBytes > maxBytes) {
    throw new MediaFetchFailure(`file is ${sizeBytes} bytes, over the ${maxBytes}-byte limit`, {
      permanent: true,
    });
  }
}

/**
 * A GET to a provider's media endpoint with a bounded timeout. A network error is replaced, never
 * passed on (the URL can hold a bot token, the request a bearer token); a refusal is permanent
 * below 500 (a 404: the file expired, and no retry brings it back), transient from 500.
 *
 * @example
 * const info = await getMedia(`${root}/${mediaId}`, 'media lookup', { authorization: `Bearer ${token}` });
 */
export async function getMedia(
  url: string,
  what: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  } catch {
    throw new MediaFetchFailure(`${what} failed (network), will retry`, { permanent: false });
  }
  if (!response.ok) {
    throw new MediaFetchFailure(`${what} answered ${response.status}`, { permanent: response.status < 500 });
  }
  return response;
}

/**
 * Downloads a file, streamed with a byte cap so a huge file is refused without being held in
 * memory whatever size the provider declared.
 *
 * @example
 * const bytes = await downloadCapped(fileUrl, 20 * 1024 * 1024, 'file download');
 */
export async function downloadCapped(
  url: string,
  maxBytes: number,
  what: string,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  const response = await getMedia(url, what, headers);
  if (!response.body) throw new MediaFetchFailure(`${what} had no body`, { permanent: false });
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new MediaFetchFailure(`file is over the ${maxBytes}-byte limit`, { permanent: true });
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
