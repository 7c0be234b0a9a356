import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * The durable inbox, and the ordered queue of work: one row per channel update, unique on
 * (channel, bot, dedupe_key). Processed in id order per (channel, bot, participant).
 */
export interface InboxTable {
  id: Generated<number>;
  channel: ChannelName;
  bot: BotName;
  /** Telegram `update_id` (per bot), WhatsApp message id, web-chat message id. */
  dedupe_key: string;
  participant: string;
  /** The normalized `InboundMessage` (never the raw update); cleared once processed. */
  message: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  sent_at: Date;
  received_at: Date;
  status: ColumnType<'pending' | 'done' | 'dead', 'pending' | 'done' | 'dead' | undefined>;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Timestamp;
  last_error: string | null;
  processed_at: NullableTimestamp;
}

/** Replies waiting to be sent, in id order per participant. */
export interface OutboxTable {
  id: Generated<number>;
  channel: ChannelName;
  bot: BotName;
  participant: string;
  locale: string;
  /** The `OutboundMessage` as the flow produced it (message keys, rendered at send time). */
  message: JSONColumnType<Record<string, unknown>>;
  inbox_id: number | null;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined>;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Timestamp;
  /** Set while a sender holds the row; a crashed sender's lease simply expires. */
  lease_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

/** How to reach a participant (Telegram chat id, WhatsApp phone), only ever stored encrypted. */
export interface ChatAddressesTable {
  channel: ChannelName;
  bot: BotName;
  participant: string;
  address_encrypted: string;
  /** Keyed digest of the plaintext address: tells whether it changed without decrypting. */
  address_digest: string;
  updated_at: Timestamp;
}

/** The one message per participant that the flow edits in place (Telegram message id). */
export interface PanelsTable {
  channel: ChannelName;
  bot: BotName;
  participant: string;
  panel_ref: string;
  updated_at: Timestamp;
}

export type MediaPurpose = 'ballot' | 'protocol' | 'violation';
export type MediaStatus = 'pending' | 'ok' | 'rejected';

/** A photo to fetch and process, then its content-addressed result. */
export interface MediaItemsTable {
  id: Generated<number>;
  channel: ChannelName;
  bot: BotName;
  participant: string;
  purpose: MediaPurpose;
  /** Channel file id to download; cleared once processed (it is a capability to fetch the file). */
  file_id: string | null;
  unique_id: string | null;
  size_hint: number | null;
  status: ColumnType<MediaStatus, MediaStatus | undefined>;
  reason: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Timestamp;
  lease_until: NullableTimestamp;
  sha256: string | null;
  phash: string | null;
  width: number | null;
  height: number | null;
  path: string | null;
  thumb_path: string | null;
  created_at: Timestamp;
  processed_at: NullableTimestamp;
  /** What the ballot reader made of a ballot photo (src/media/ballot-check.ts), for the spam score. */
  reading: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** Settle order (a sequence): a node's near-duplicate cache catches up from the last it read. */
  settled_seq: ColumnType<string | null, never, string | null>;
}

export interface MessagingTables {
  inbox: InboxTable;
  outbox: OutboxTable;
  chat_addresses: ChatAddressesTable;
  panels: PanelsTable;
  media_items: MediaItemsTable;
}
