import type { Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { defineBot } from '../../../src/bots/bot-definition';
import { ConversationRunner } from '../../../src/bots/conversation-runner';
import type { Locale } from '../../../src/domain/locale';
import type { Flow } from '../../../src/flows/flow';
import type { AddressedOutbound, BotName, InboundMessage } from '../../../src/flows/messages';
import type { Database } from '../../../src/store/database-schema';
import { echoBot } from '../../support/echo-conversation';

// No bot here touches the database: the transaction is only passed along.
const tx = {} as Transaction<Database>;
const AT = new Date('2026-12-07T10:00:00Z');

interface CountState {
  count: number;
  locale?: Locale;
}

/** A tiny bot: counts a participant's messages; `/quiet` is answered without running the flow. */
const countingFlow: Flow<CountState, { step: number }, { kind: 'noted'; count: number }> = (
  state,
  inbound,
  { step },
) => {
  const count = (state?.count ?? 0) + step;
  const locale = inbound.content.kind === 'text' && inbound.content.text === 'ru' ? 'ru' : state?.locale;
  return {
    state: { count, ...(locale ? { locale } : {}) },
    replies: [{ kind: 'send', text: [{ literal: `count ${count}` }] }],
    effects: [{ kind: 'noted', count }],
  };
};

function counterBot() {
  const store = new Map<string, CountState>();
  const loads: string[][] = [];
  const effects: number[] = [];
  const bot = defineBot({
    name: 'counter',
    claims: (inbound) => inbound.bot === 'voter',
    flow: countingFlow,
    load: async (_tx, inbounds) => {
      loads.push(inbounds.map((inbound) => inbound.participant));
      return inbounds.map((inbound) => store.get(inbound.participant));
    },
    prepare: async (_tx, inbound, saved) =>
      inbound.content.kind === 'command' && inbound.content.command === 'quiet'
        ? { kind: 'answer', locale: 'en', replies: [] }
        : { kind: 'run', state: saved, context: { step: 1 } },
    apply: async (_tx, { inbound, step }) => {
      for (const effect of step.effects) effects.push(effect.count);
      return { participant: inbound.participant, state: step.state };
    },
    save: async (_tx, saved) => {
      for (const { participant, state } of saved) store.set(participant, state);
    },
  });
  return { bot, store, loads, effects };
}

function message(bot: BotName, participant: string, text: string, clientLocale?: Locale): InboundMessage {
  const content =
    text === '/quiet'
      ? { kind: 'command' as const, command: 'quiet', args: '' }
      : { kind: 'text' as const, text };
  return {
    channel: 'telegram',
    bot,
    participant,
    sentAt: AT,
    receivedAt: AT,
    content,
    ...(clientLocale ? { clientLocale } : {}),
  };
}

const texts = (replies: AddressedOutbound[]) =>
  replies.map(({ message }) => (message.kind === 'send' ? message.text : message.kind));

describe('the conversation runner', () => {
  it('runs a registered tiny bot: loads the batch at once, runs each message, saves the states', async () => {
    const counter = counterBot();
    const runner = new ConversationRunner([counter.bot]);
    const replies = await runner.run(tx, [message('voter', 'a', 'hi'), message('voter', 'b', 'hi')]);
    expect(replies.map(texts)).toEqual([[[{ literal: 'count 1' }]], [[{ literal: 'count 1' }]]]);
    expect(counter.loads).toEqual([['a', 'b']]);
    expect(counter.effects).toEqual([1, 1]);
    expect(counter.store.get('a')).toEqual({ count: 1 });
    // A single message is a batch of one, through the same path.
    const [again] = await runner.run(tx, [message('voter', 'a', 'hi')]);
    expect(texts(again!)).toEqual([[{ literal: 'count 2' }]]);
    expect(counter.loads).toEqual([['a', 'b'], ['a']]);
  });

  it('lets a participant’s second message in a batch see the state the first one saved', async () => {
    const counter = counterBot();
    const runner = new ConversationRunner([counter.bot]);
    const replies = await runner.run(tx, [
      message('voter', 'a', 'one'),
      message('voter', 'b', 'one'),
      message('voter', 'a', 'two'),
    ]);
    expect(replies.map(texts)).toEqual([
      [[{ literal: 'count 1' }]],
      [[{ literal: 'count 1' }]],
      [[{ literal: 'count 2' }]],
    ]);
    expect(counter.loads).toEqual([['a', 'b'], ['a']]);
    expect(counter.store.get('a')).toEqual({ count: 2 });
  });

  it('addresses replies in the state’s locale, else the client’s, else the default', async () => {
    const runner = new ConversationRunner([counterBot().bot]);
    const replies = await runner.run(tx, [
      message('voter', 'a', 'ru', 'en'),
      message('voter', 'b', 'hi', 'en'),
      message('voter', 'c', 'hi'),
    ]);
    expect(replies.map((one) => one.map(({ locale, participant }) => [participant, locale]))).toEqual([
      [['a', 'ru']],
      [['b', 'en']],
      [['c', 'kk']],
    ]);
  });

  it('skips the flow, the effects and the save when the bot answers in `prepare`', async () => {
    const counter = counterBot();
    const replies = await new ConversationRunner([counter.bot]).run(tx, [message('voter', 'a', '/quiet')]);
    expect(replies).toEqual([[]]);
    expect(counter.effects).toEqual([]);
    expect(counter.store.size).toBe(0);
  });

  it('gives each message to the first bot that claims it, and nothing to one no bot claims', async () => {
    const counter = counterBot();
    const alone = new ConversationRunner([counter.bot]);
    expect(await alone.run(tx, [message('observer', 'o', 'hi')])).toEqual([[]]);
    // The echo bot claims every message: registered after the counter, it gets what the counter leaves.
    const both = new ConversationRunner([counter.bot, echoBot()]);
    const replies = await both.run(tx, [message('observer', 'o', 'hi'), message('voter', 'v', 'hi')]);
    expect(replies.map(texts)).toEqual([[[{ literal: 'echo: hi' }]], [[{ literal: 'count 1' }]]]);
    expect(replies[0]![0]).toMatchObject({ bot: 'observer', participant: 'o' });
  });
});
