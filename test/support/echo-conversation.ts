import type { Transaction } from 'kysely';
import type { AddressedOutbound, InboundMessage, OutboundMessage } from '../../src/flows/messages';
import type { ConversationHandler } from '../../src/jobs/inbox-worker';
import type { MediaService } from '../../src/services/media.service';
import type { Database } from '../../src/store/database-schema';

/**
 * A test-only `ConversationService` double: the edge of the message pipeline's tests. It
 * answers every message with an echo (a literal text, so no catalog is needed), answers button
 * presses and edits the panel, and requests photos as ballots — enough to observe order,
 * exactly-once effects and the sent-message budget without the real voter flow.
 *
 * @example
 * const echo = echoConversation({ media: app.media });
 * startWorker(app, { conversations: echo });
 */
export interface EchoConversation extends ConversationHandler {
  /** Throw while processing messages whose text matches, this many times (to test retries). */
  failOn(text: string, times: number): void;
}

export function echoConversation(options: { media?: MediaService } = {}): EchoConversation {
  const failures = new Map<string, number>();
  return {
    failOn(text, times) {
      failures.set(text, times);
    },
    async handle(tx: Transaction<Database>, inbound: InboundMessage): Promise<AddressedOutbound[]> {
      const { content } = inbound;
      if (content.kind === 'text' && (failures.get(content.text) ?? 0) > 0) {
        failures.set(content.text, (failures.get(content.text) ?? 0) - 1);
        throw new Error(`echo double: failing on "${content.text}" as asked`);
      }
      const replies: OutboundMessage[] = [];
      switch (content.kind) {
        case 'text':
          replies.push(send(`echo: ${content.text}`));
          break;
        case 'command':
          replies.push({
            ...send(`command: /${content.command}`),
            replacePanel: true,
            buttons: [[{ label: { literal: 'A' }, data: 'a' }]],
          });
          break;
        case 'button':
          if (content.callbackId) replies.push({ kind: 'answer_button', callbackId: content.callbackId });
          replies.push({
            ...send(`pressed: ${content.data}`),
            replacePanel: true,
            buttons: [[{ label: { literal: `after ${content.data}` }, data: `${content.data}+` }]],
          });
          break;
        case 'photo':
          if (options.media) {
            const mediaId = await options.media.request(tx, {
              ...inbound,
              media: content.media,
              purpose: 'ballot',
            });
            replies.push(send(`photo queued: ${mediaId}`));
          } else {
            replies.push(send('photo'));
          }
          break;
        default:
          replies.push(send(`kind: ${content.kind}`));
      }
      return replies.map((message) => ({
        channel: inbound.channel,
        bot: inbound.bot,
        participant: inbound.participant,
        locale: inbound.clientLocale ?? 'en',
        message,
      }));
    },
  };
}

function send(text: string): OutboundMessage & { kind: 'send' } {
  return { kind: 'send', text: [{ literal: text }] };
}
