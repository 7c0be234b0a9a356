import { MediaFetchFailure, type ChannelMediaFetcher } from '../channel-sender';
import type { MediaRef } from '../../flows/messages';

export interface WebchatUploads {
  upload(key: string): Promise<{ bytes: Buffer; mimeType: string } | undefined>;
}

/**
 * Resolves a web-chat upload key (the `MediaRef.fileId` of a photo sent from the page) to its
 * bytes, for the same media pipeline Telegram photos go through.
 *
 * @example
 * registry.addFetcher(new WebchatMediaFetcher(app.webchat));
 */
export class WebchatMediaFetcher implements ChannelMediaFetcher {
  readonly channel = 'webchat' as const;
  readonly bot = 'voter' as const;

  constructor(private readonly uploads: WebchatUploads) {}

  async fetch(media: MediaRef, maxBytes: number): Promise<Buffer> {
    const upload = await this.uploads.upload(media.fileId);
    if (!upload) throw new MediaFetchFailure('web chat upload not found', { permanent: true });
    if (upload.bytes.length > maxBytes) {
      throw new MediaFetchFailure(`web chat upload larger than ${maxBytes} bytes`, { permanent: true });
    }
    return upload.bytes;
  }
}
