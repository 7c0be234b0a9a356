import type { MediaRef } from '../../flows/messages';
import { MediaFetchFailure, type ChannelMediaFetcher } from '../channel-sender';
import type { WhatsAppBot } from './whatsapp-cloud-api';

/**
 * Downloads a participant's file by media id: `GET /<media-id>` for a short-lived URL, then that
 * URL with the same bearer token, streamed with a byte cap.
 *
 * @example
 * const bytes = await new WhatsAppMediaFetcher(bot).fetch({ fileId: '1234567890' }, 20 * 1024 * 1024);
 */
export class WhatsAppMediaFetcher implements ChannelMediaFetcher {
  readonly channel = 'whatsapp' as const;
  readonly bot;

  constructor(private readonly whatsapp: WhatsAppBot) {
    this.bot = whatsapp.name;
  }

  async fetch(media: MediaRef, maxBytes: number): Promise<Buffer> {
    const info = await this.get(`${this.whatsapp.apiRoot}/${encodeURIComponent(media.fileId)}`);
    const meta = (await info.json()) as { url?: string; file_size?: number };
    if (!meta.url) throw new MediaFetchFailure('media lookup returned no url', { permanent: true });
    if (meta.file_size !== undefined && meta.file_size > maxBytes) {
      throw new MediaFetchFailure(`file is ${meta.file_size} bytes, over the ${maxBytes}-byte limit`, {
        permanent: true,
      });
    }
    const download = await this.get(meta.url);
    if (!download.body) throw new MediaFetchFailure('media download had no body', { permanent: false });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes)
        throw new MediaFetchFailure(`file is over the ${maxBytes}-byte limit`, { permanent: true });
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  }

  private async get(url: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.whatsapp.token}` },
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      throw new MediaFetchFailure('media download failed (network), will retry', { permanent: false });
    }
    if (response.ok) return response;
    // 404: the media id expired (WhatsApp keeps media 30 days) — no retry will bring it back.
    throw new MediaFetchFailure(`media request answered ${response.status}`, {
      permanent: response.status < 500,
    });
  }
}
