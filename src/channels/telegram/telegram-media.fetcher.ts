import type { MediaRef } from '../../flows/messages';
import { MediaFetchFailure, type ChannelMediaFetcher } from '../channel-sender';
import type { TelegramBot } from './telegram-bot-api';
import { classifyTelegramError } from './telegram-errors';

/**
 * Downloads a participant's file: `getFile` for its path, then `<apiRoot>/file/bot<token>/<path>`,
 * streamed with a byte cap so a huge file is refused without being held in memory.
 *
 * @example
 * const bytes = await new TelegramMediaFetcher(bot).fetch({ fileId }, 20 * 1024 * 1024);
 */
export class TelegramMediaFetcher implements ChannelMediaFetcher {
  readonly channel = 'telegram' as const;
  readonly bot;

  constructor(private readonly telegram: TelegramBot) {
    this.bot = telegram.name;
  }

  async fetch(media: MediaRef, maxBytes: number): Promise<Buffer> {
    if (media.sizeBytes !== undefined && media.sizeBytes > maxBytes) {
      throw new MediaFetchFailure(`file is ${media.sizeBytes} bytes, over the ${maxBytes}-byte limit`, {
        permanent: true,
      });
    }
    let filePath: string | undefined;
    let fileSize: number | undefined;
    try {
      const file = await this.telegram.api.getFile(media.fileId);
      filePath = file.file_path;
      fileSize = file.file_size;
    } catch (error) {
      const failure = classifyTelegramError(error);
      throw new MediaFetchFailure(
        failure.kind === 'refused' ? `getFile refused: ${failure.description}` : 'getFile failed, will retry',
        { permanent: failure.kind === 'refused' },
      );
    }
    if (!filePath) throw new MediaFetchFailure('getFile returned no file_path', { permanent: true });
    if (fileSize !== undefined && fileSize > maxBytes) {
      throw new MediaFetchFailure(`file is ${fileSize} bytes, over the ${maxBytes}-byte limit`, {
        permanent: true,
      });
    }
    return this.download(`${this.telegram.apiRoot}/file/bot${this.telegram.token}/${filePath}`, maxBytes);
  }

  private async download(url: string, maxBytes: number): Promise<Buffer> {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    } catch {
      // The URL holds the bot token: the error is replaced, never passed on.
      throw new MediaFetchFailure('file download failed (network), will retry', { permanent: false });
    }
    if (!response.ok || !response.body) {
      throw new MediaFetchFailure(`file download answered ${response.status}`, {
        permanent: response.status >= 400 && response.status < 500,
      });
    }
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
}
