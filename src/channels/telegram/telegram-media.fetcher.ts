import type { MediaRef } from '../../flows/messages';
import { MediaFetchFailure } from '../channel-sender';
import { downloadCapped, refuseOversize } from '../media-download';
import type { TelegramBot } from './telegram-bot-api';
import { classifyTelegramError } from './telegram-errors';

/**
 * Downloads a participant's file: `getFile` for its path, then `<apiRoot>/file/bot<token>/<path>`,
 * streamed with a byte cap so a huge file is refused without being held in memory.
 *
 * @example
 * const bytes = await fetchTelegramFile(bot, { fileId }, 20 * 1024 * 1024);
 */
export async function fetchTelegramFile(
  telegram: TelegramBot,
  media: MediaRef,
  maxBytes: number,
): Promise<Buffer> {
  refuseOversize(media.sizeBytes, maxBytes);
  let filePath: string | undefined;
  let fileSize: number | undefined;
  try {
    const file = await telegram.api.getFile(media.fileId);
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
  refuseOversize(fileSize, maxBytes);
  return downloadCapped(
    `${telegram.apiRoot}/file/bot${telegram.token}/${filePath}`,
    maxBytes,
    'file download',
  );
}
