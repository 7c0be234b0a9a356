import { z } from 'zod';
import { LOCALES } from '../../domain/locale';
import type { InlineMediaStore, NormalizeContext, WebhookChannel, WebhookRequest } from '../webhook-channel';
import { normalizeWebchatInput, webchatParticipant } from './webchat-inbound';
import { webchatSessionFromCookies } from './webchat-session';

/** Largest photo the web chat accepts (phones' JPEGs are 2–6 MB; Telegram's own cap is 20 MB). */
export const WEBCHAT_MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const WEBCHAT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const clientMessageId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"');
const locale = z.enum(LOCALES).optional();
/** The device's clock when the page queued the message offline (clamped, see `deviceDated`). */
const sentAt = z.iso.datetime({ offset: true }).optional();

const messageRequest = z.object({
  body: z.object({
    clientMessageId,
    locale,
    sentAt,
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('text'), text: z.string().trim().min(1, 'must not be empty').max(1000) }),
      z.object({
        kind: z.literal('command'),
        command: z.enum(['start', 'language', 'help', 'privacy', 'delete']),
      }),
      z.object({ kind: z.literal('button'), data: z.string().min(1).max(64) }),
    ]),
  }),
});

const photoRequest = z.object({
  query: z.object({ clientMessageId, locale, sentAt }),
  header: z.object({
    'content-type': z
      .string({ message: 'must be image/jpeg, image/png or image/webp' })
      .transform((value) => value.split(';')[0]!.trim())
      .pipe(z.enum(WEBCHAT_PHOTO_TYPES, { message: 'must be image/jpeg, image/png or image/webp' })),
  }),
  body: z
    .instanceof(Buffer, { message: 'must be the image bytes' })
    .refine((bytes) => bytes.length > 0, 'is empty'),
});

const ENDPOINT = { disabledBecause: undefined } as const;

/**
 * The web chat's own posts, `POST /webchat/api/messages` (JSON) and `POST /webchat/api/photo`
 * (the image as the body), through the same webhook plugin as the providers' deliveries, so
 * they keep the same order: 401 without a session before the body is read, 400 naming the bad
 * field, and an answer only once the inbox holds the message. The session (from `POST
 * /webchat/api/session`) is the sender: its id stops here and only its keyed pseudonym travels
 * on; a retried `clientMessageId` has the same dedupe key, so the inbox stores it once.
 */
export function webchatWebhookChannels(context: {
  secret: string;
  uploads: InlineMediaStore;
  pollsOpenAt?: () => Promise<Date | undefined>;
}): Array<WebhookChannel<unknown>> {
  const { secret, uploads } = context;
  /** A device date and the polls' opening it is clamped to; with no election it is not used. */
  const deviceDate = async (value: string | undefined) => {
    const pollsOpenAt = value ? await context.pollsOpenAt?.() : undefined;
    return value && pollsOpenAt ? { deviceSentAt: new Date(value), pollsOpenAt } : {};
  };
  const common = {
    channel: 'webchat',
    authenticates: 'headers',
    authenticate: ({ headers }: WebhookRequest) =>
      webchatSessionFromCookies(headers.cookie)
        ? undefined
        : 'no web chat session: POST /webchat/api/session first',
    accepted: { status: 202, body: { accepted: true } },
  } as const;

  const messages: WebhookChannel<z.output<typeof messageRequest>> = {
    ...common,
    endpoints: [{ path: '/webchat/api/messages', ...ENDPOINT }],
    // Read as a request, like the photo, so both name a bad field the same way (`body.input.kind`).
    reads: 'request',
    schema: messageRequest,
    bodyName: 'a web chat message',
    async normalize({ body }, { headers, receivedAt }) {
      const item = normalizeWebchatInput(body.input, {
        secret,
        sessionId: webchatSessionFromCookies(headers.cookie)!,
        clientMessageId: body.clientMessageId,
        ...(body.locale ? { locale: body.locale } : {}),
        receivedAt,
        ...(await deviceDate(body.sentAt)),
      });
      return { items: [item], ignored: [] };
    },
  };

  const photo: WebhookChannel<z.output<typeof photoRequest>> = {
    ...common,
    endpoints: [{ path: '/webchat/api/photo', ...ENDPOINT }],
    reads: 'request',
    rawBodies: { contentTypes: WEBCHAT_PHOTO_TYPES, bodyLimit: WEBCHAT_MAX_PHOTO_BYTES },
    schema: photoRequest,
    bodyName: 'a web chat photo',
    // The bytes are stored before the message enters the inbox, so its media job finds them.
    async normalize({ query, header, body }, { headers, receivedAt }: NormalizeContext) {
      const sessionId = webchatSessionFromCookies(headers.cookie)!;
      const mimeType = header['content-type'];
      const fileId = await uploads.saveUpload(webchatParticipant(secret, sessionId), mimeType, body);
      const item = normalizeWebchatInput(
        { kind: 'photo', media: { fileId, sizeBytes: body.length, mimeType } },
        {
          secret,
          sessionId,
          clientMessageId: query.clientMessageId,
          ...(query.locale ? { locale: query.locale } : {}),
          receivedAt,
          ...(await deviceDate(query.sentAt)),
        },
      );
      return { items: [item], ignored: [] };
    },
  };
  return [messages, photo] as Array<WebhookChannel<unknown>>;
}
