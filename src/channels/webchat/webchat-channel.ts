import type { ChannelAdapter } from '../channel-adapter';
import { webchatWebhookChannels } from './webchat-webhook-channel';

/**
 * The web chat: our own page polling our own mailbox, so no provider limits the outbox — no
 * global rate and no per-chat gap (the outbox still sends one message per chat at a time, in order).
 * Its posts come in through the one webhook plugin like any provider's (`webchat-webhook-channel.ts`);
 * its sender and media fetcher need the mailbox (`WebchatService`), which is built with the voter
 * conversation's services, so they register there (`src/services/conversation-services.ts`);
 * the session handshake and the mailbox the page polls are `src/http/webchat.routes.ts`.
 */
export const webchatChannel: ChannelAdapter<'webchat'> = {
  name: 'webchat',
  limits: () => ({ perSecond: undefined, perChatIntervalMs: 0 }),
  bots: () => [],
  webhooks: (context) => webchatWebhookChannels(context),
};
