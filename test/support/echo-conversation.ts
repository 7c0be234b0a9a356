import type { Locale } from '../../src/domain/locale';
import { defineBot, type RegisteredBot } from '../../src/bots/bot-definition';
import { ConversationRunner } from '../../src/bots/conversation-runner';
import type { Flow } from '../../src/flows/flow';
import type { InboundMessage, MediaRef, OutboundMessage } from '../../src/flows/messages';
import type { MediaService } from '../../src/services/media.service';

/**
 * A test-only bot, the edge of the message pipeline's tests: it claims every message (of any
 * bot), answers with an echo (a literal text, so no catalog is needed), answers button presses
 * and edits the panel, and requests photos as ballots — enough to observe order, exactly-once
 * effects and the sent-message budget without the real voter flow. It is also the proof that a
 * bot is a {@link BotDefinition} and one registration line: {@link echoConversation} registers
 * it with the same runner the product uses.
 *
 * @example
 * const echo = echoConversation({ media: app.media });
 * startWorker({ ...app, conversations: echo });
 */
export interface EchoConversation extends ConversationRunner {
  /** Throw while processing messages whose text matches, this many times (to test retries). */
  failOn(text: string, times: number): void;
}

export function echoConversation(options: { media?: Pick<MediaService, 'request'> } = {}): EchoConversation {
  const failures = new Map<string, number>();
  const runner = new ConversationRunner([echoBot({ ...options, failures })]);
  return Object.assign(runner, {
    failOn(text: string, times: number) {
      failures.set(text, times);
    },
  });
}

interface EchoState {
  locale?: Locale;
}

type EchoEffect = { kind: 'request_ballot_photo'; media: MediaRef };

/** The echo's pure flow: no state kept, one reply per message. */
export const echoFlow: Flow<EchoState, { requestsMedia: boolean }, EchoEffect> = (
  _state,
  inbound,
  { requestsMedia },
) => {
  const { content } = inbound;
  const state = { locale: inbound.clientLocale ?? 'en' };
  switch (content.kind) {
    case 'text':
      return { state, replies: [send(`echo: ${content.text}`)], effects: [] };
    case 'command':
      return {
        state,
        replies: [
          {
            ...send(`command: /${content.command}`),
            replacePanel: true,
            buttons: [[{ label: { literal: 'A' }, data: 'a' }]],
          },
        ],
        effects: [],
      };
    case 'button': {
      const replies: OutboundMessage[] = [];
      if (content.callbackId) replies.push({ kind: 'answer_button', callbackId: content.callbackId });
      replies.push({
        ...send(`pressed: ${content.data}`),
        replacePanel: true,
        buttons: [[{ label: { literal: `after ${content.data}` }, data: `${content.data}+` }]],
      });
      return { state, replies, effects: [] };
    }
    case 'photo':
      return requestsMedia
        ? {
            state,
            replies: [send('photo queued')],
            effects: [{ kind: 'request_ballot_photo', media: content.media }],
          }
        : { state, replies: [send('photo')], effects: [] };
    default:
      return { state, replies: [send(`kind: ${content.kind}`)], effects: [] };
  }
};

/** The echo as a bot to register; `failures` is what {@link EchoConversation.failOn} fills. */
export function echoBot(
  options: { media?: Pick<MediaService, 'request'>; failures?: Map<string, number> } = {},
): RegisteredBot {
  const { media, failures = new Map<string, number>() } = options;
  return defineBot({
    name: 'echo',
    claims: () => true,
    flow: echoFlow,
    load: async (_tx, inbounds: readonly InboundMessage[]) => inbounds.map(() => undefined),
    async prepare(_tx, inbound) {
      const { content } = inbound;
      if (content.kind === 'text' && (failures.get(content.text) ?? 0) > 0) {
        failures.set(content.text, (failures.get(content.text) ?? 0) - 1);
        throw new Error(`echo double: failing on "${content.text}" as asked`);
      }
      return { kind: 'run', state: undefined, context: { requestsMedia: media !== undefined } };
    },
    async apply(tx, { inbound, step }) {
      for (const effect of step.effects)
        await media?.request(tx, { ...inbound, media: effect.media, purpose: 'ballot' });
      return undefined; // the echo keeps no state
    },
    save: async () => {},
  });
}

function send(text: string): OutboundMessage & { kind: 'send' } {
  return { kind: 'send', text: [{ literal: text }] };
}
