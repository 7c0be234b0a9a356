// The one import from channels/ a pure layer may make, and type-only (lint allows nothing else):
// the channel registry defines which channels exist, flows only carry the name.
import type { ChannelName } from '../channels/create-channels';
import type { Locale } from '../domain/locale';
import type { ObserverMessageKey } from '../i18n/catalogs/observer/en';
import type { VoterMessageKey } from '../i18n/catalogs/voter/en';

export type { ChannelName };

/**
 * Every channel (Telegram, WhatsApp, web chat) is reduced to these two shapes, in the manner
 * of grammY's framework adapters one level up: flows never see a channel, only an
 * `InboundMessage` and the `OutboundMessage`s they answer with.
 */
export type BotName = 'voter' | 'observer';

/** A file the channel can hand us later (Telegram `file_id`, WhatsApp media id, a web-chat upload key). */
export interface MediaRef {
  /** Channel-specific id used to download the file. */
  fileId: string;
  /** Stable id of the file content across re-sends, when the channel has one (Telegram `file_unique_id`). */
  uniqueId?: string;
  width?: number;
  height?: number;
  sizeBytes?: number;
  mimeType?: string;
}

export type InboundContent =
  | { kind: 'command'; command: string; args: string }
  | { kind: 'text'; text: string }
  | { kind: 'button'; data: string; callbackId?: string }
  | {
      kind: 'photo';
      media: MediaRef;
      albumId?: string;
      caption?: string;
      /** Forwarded from another chat or channel: someone's picture, not the sender's own evidence. */
      forwarded?: boolean;
    }
  | { kind: 'video'; media: MediaRef; albumId?: string }
  | { kind: 'document'; media: MediaRef; albumId?: string }
  | { kind: 'sticker' }
  | { kind: 'location' }
  | { kind: 'contact' }
  | { kind: 'other' };

export interface InboundMessage {
  channel: ChannelName;
  bot: BotName;
  /**
   * The participant's keyed pseudonym (HMAC of channel + user id with DAUYS_SECRET). The
   * real user and chat ids never travel past the channel adapter.
   */
  participant: string;
  /** The message's own timestamp (what the sender's device stamped), not when we received it. */
  sentAt: Date;
  receivedAt: Date;
  /**
   * `device`: `sentAt` is the sender's own device clock, reported for a message it queued while
   * offline (the web chat during a blackout), clamped to [polls open, arrival]; a vote dated by
   * it is marked device-dated so analysis can treat it apart. Absent: the provider's timestamp.
   */
  dating?: 'device';
  /** The language the client reports, as a hint before the participant chooses one. */
  clientLocale?: Locale;
  /**
   * The channel carries text and nothing else (SMS): no pictures, no buttons. A protocol typed
   * over it cannot come with its pages, so it is checked on its figures alone.
   */
  textOnly?: true;
  /** Participant signals the spam scorer may use (account age hints, premium, bot flag). */
  signals?: { isBot?: boolean; hasUsername?: boolean; languageCode?: string };
  content: InboundContent;
}

/** A button: its label is a message key (or literal text for names of places/choices). */
export interface OutboundButton {
  label: MessageText;
  data: string;
}

/**
 * A key of the bots' catalogs (src/i18n/catalogs/voter and observer): a flow or service that
 * names a key the catalogs lack fails the typecheck (test/unit/i18n/typed-keys.test.ts).
 */
export type BotMessageKey = VoterMessageKey | ObserverMessageKey;

/** Text as a catalog key with parameters, or literal text (names from the election file). */
export type MessageText =
  { key: BotMessageKey; params?: Record<string, string | number> } | { literal: string };

export type OutboundMessage =
  | {
      kind: 'send';
      /** When set, the adapter edits the flow's last "panel" message instead of sending a new one. */
      replacePanel?: boolean;
      text: MessageText[];
      buttons?: OutboundButton[][];
    }
  | { kind: 'answer_button'; callbackId: string; text?: MessageText };

/** A rendered outbound message addressed to one participant, as queued in the outbox. */
export interface AddressedOutbound {
  channel: ChannelName;
  bot: BotName;
  participant: string;
  locale: Locale;
  message: OutboundMessage;
}
