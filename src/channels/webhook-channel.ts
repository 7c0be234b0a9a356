import type { IncomingHttpHeaders } from 'node:http';
import type { ZodType } from 'zod';
import type { BotName, ChannelName, InboundMessage } from '../flows/messages';

/** A message ready for the inbox: the normalized message, its dedupe key and where to reply. */
export interface InboundItem {
  inbound: InboundMessage;
  /** Unique per (channel, bot) and what the provider redelivers: Telegram's update_id, a wamid. */
  dedupeKey: string;
  /** Where replies go (chat id, phone); the inbox stores it only encrypted. */
  replyAddress: string;
}

/** A message acknowledged but not stored: counted as `ignored_<reason>` and logged once. */
export interface IgnoredInbound {
  /** A metric label, never personal data. */
  reason: string;
  /** The log line, and what it may carry (provider counters, our own numbers' ids; never a sender's). */
  message: string;
  fields: Record<string, string | number>;
  /** 'debug' for deliveries that are not messages at all (WhatsApp's read receipts). */
  level: 'debug' | 'info' | 'warn';
}

/** One URL a provider posts to, for one bot or for all of a channel's bots. */
export interface WebhookEndpoint {
  path: string;
  /** Why it answers 404 (the channel is not configured), or undefined when it is live. */
  disabledBecause: string | undefined;
  /** Said once at start: a channel half set up (a token without the webhook secret). */
  warning?: string;
  bot?: BotName;
}

/** What the request carries for authentication: headers always, the raw bytes where signed. */
export interface WebhookRequest {
  headers: IncomingHttpHeaders;
  rawBody?: Buffer;
  /** The path and query as requested (Twilio signs the full URL it called). */
  url?: string;
}

/**
 * Where a channel whose media arrives inside the request (the web chat's photo upload) puts the
 * bytes before its message reaches the inbox, so the media job later fetches them like any
 * provider's file; returns the key the message's `MediaRef.fileId` carries.
 */
export interface InlineMediaStore {
  saveUpload(participant: string, mimeType: string, bytes: Buffer): Promise<string>;
}

/** What `normalize` knows besides the body: the endpoint hit, when, and the request's headers. */
export interface NormalizeContext {
  endpoint: WebhookEndpoint;
  receivedAt: Date;
  headers: IncomingHttpHeaders;
}

/**
 * One provider's inbound webhook, as data for the one webhook plugin
 * (`src/http/webhooks/channel-webhook.routes.ts`): how a delivery is authenticated, what a body
 * must look like, and how it becomes inbox items. The plugin owns the order every channel keeps
 * — 404 when unconfigured, 401 before anything is parsed, 400 for a body that is not the
 * provider's shape, 200 for what is ignored, 200 for the rest only once it is in the inbox —
 * and the metrics and log lines, so a new channel (SMS) is a folder with one of these.
 */
export interface WebhookChannel<Body> {
  readonly channel: ChannelName;
  readonly endpoints: readonly WebhookEndpoint[];
  /**
   * 'headers': a shared secret in a header, checked before the body is read (Telegram);
   * 'raw-body': a signature over the exact bytes, so the body reaches `authenticate` unparsed.
   */
  readonly authenticates: 'headers' | 'raw-body';
  /** Undefined when genuine; otherwise what is wrong, for the 401's message. */
  authenticate(request: WebhookRequest): string | undefined;
  /**
   * What the schema checks: the body alone (a provider's JSON; issues are named `$.field`), or
   * the 'request' as `{ body, query, header }` when the query and headers carry part of the
   * message (the web chat's photo: its id in the query, its type in content-type, its bytes).
   */
  readonly reads?: 'body' | 'request';
  /** Bodies other than JSON this channel takes as raw bytes, and their size limit (the web chat's images). */
  readonly rawBodies?: { contentTypes: readonly string[]; bodyLimit: number };
  /**
   * How a raw-body channel's body is encoded (default 'json'). 'form' (Twilio):
   * `application/x-www-form-urlencoded`, which reaches `authenticate` raw and `schema` as an
   * object of its fields (the last of a repeated one).
   */
  readonly bodyType?: 'json' | 'form';
  readonly schema: ZodType<Body>;
  /** What a body must be, for the 400's message: 'a Telegram Update'. */
  readonly bodyName: string;
  /** Async only where media must be stored first (`InlineMediaStore`); providers' bodies normalize in place. */
  normalize(
    body: Body,
    context: NormalizeContext,
  ):
    | { items: InboundItem[]; ignored: IgnoredInbound[] }
    | Promise<{ items: InboundItem[]; ignored: IgnoredInbound[] }>;
  /**
   * The answer once stored, when not a bare 200: the web chat's page expects `202 { accepted: true }`,
   * Twilio an empty TwiML document (`contentType: 'text/xml'`).
   */
  readonly accepted?: { status: number; body: unknown; contentType?: string };
  /** A provider's subscription handshake on GET (Meta's hub.challenge), when it has one. */
  readonly subscription?: {
    path: string;
    /** The challenge to echo, or undefined to refuse with 403; throws a 404 when unconfigured. */
    answer(query: unknown): string | undefined;
  };
}
