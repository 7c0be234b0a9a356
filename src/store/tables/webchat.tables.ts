import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * The web chat's outgoing messages, rendered, waiting for the page to poll them. An edit of
 * the panel updates its row and gives it a new `version`, so "everything after version N" is
 * one indexed query and the page sees edits as well as new messages.
 */
export interface WebchatMessagesTable {
  id: Generated<number>;
  participant: string;
  version: ColumnType<number, number | undefined, number>;
  text: string;
  /** Rendered buttons: `[[{ label, data }]]`. */
  buttons: JSONColumnType<Array<Array<{ label: string; data: string }>>>;
  /** A short notice (the answer to a button), shown once rather than kept in the history. */
  notice: boolean;
  created_at: Timestamp;
}

/** Photos uploaded through the web chat, until the media job has fetched and cleaned them. */
export interface WebchatUploadsTable {
  key: string;
  participant: string;
  mime_type: string;
  bytes: Buffer;
  created_at: Timestamp;
}

export interface WebchatTables {
  webchat_messages: WebchatMessagesTable;
  webchat_uploads: WebchatUploadsTable;
}
