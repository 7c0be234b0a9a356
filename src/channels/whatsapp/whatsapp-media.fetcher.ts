import type { MediaRef } from '../../flows/messages';
import { MediaFetchFailure } from '../channel-sender';
import { downloadCapped, getMedia, refuseOversize } from '../media-download';
import type { WhatsAppBot } from './whatsapp-cloud-api';

/**
 * Downloads a participant's file by media id: `GET /<media-id>` for a short-lived URL, then that
 * URL with the same bearer token, streamed with a byte cap. A 404 means the media id expired
 * (WhatsApp keeps media 30 days): permanent.
 *
 * @example
 * const bytes = await fetchWhatsAppMedia(bot, { fileId: '1234567890' }, 20 * 1024 * 1024);
 */
export async function fetchWhatsAppMedia(
  whatsapp: WhatsAppBot,
  media: MediaRef,
  maxBytes: number,
): Promise<Buffer> {
  const auth = { authorization: `Bearer ${whatsapp.token}` };
  const info = await getMedia(
    `${whatsapp.apiRoot}/${encodeURIComponent(media.fileId)}`,
    'media lookup',
    auth,
  );
  const meta = (await info.json()) as { url?: string; file_size?: number };
  if (!meta.url) throw new MediaFetchFailure('media lookup returned no url', { permanent: true });
  refuseOversize(meta.file_size, maxBytes);
  return downloadCapped(meta.url, maxBytes, 'media download', auth);
}
