import type { ChannelAdapter } from '../channel-adapter';

/**
 * The web chat: our own page polling our own mailbox, so no provider limits the outbox — no
 * global rate and no per-chat gap (the outbox still sends one message per chat at a time, in order).
 * Its sender and media fetcher need the mailbox (`WebchatService`), which is built with the voter
 * conversation's services; they register there (`src/services/conversation-services.ts`), and its
 * inbound is the page's own route (`src/http/webchat.routes.ts`, normalized by `webchat-inbound.ts`), not a provider webhook.
 */
export const webchatChannel: ChannelAdapter<'webchat'> = {
  name: 'webchat',
  limits: () => ({ perSecond: undefined, perChatIntervalMs: 0 }),
  bots: () => [],
};
