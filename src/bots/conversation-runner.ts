import type { Transaction } from 'kysely';
import { DEFAULT_LOCALE } from '../domain/locale';
import type { AddressedOutbound, InboundMessage, OutboundMessage } from '../flows/messages';
import type { Database } from '../store/database-schema';
import type { RegisteredBot } from './bot-definition';

/** The conversations as the inbox worker sees them (`app.conversations`). */
export interface ConversationHandler {
  /**
   * The rows of one inbox batch, in order (the worker claims at most one row per participant),
   * the replies of each row in its place, all inside the batch's transaction.
   */
  run(tx: Transaction<Database>, inbounds: readonly InboundMessage[]): Promise<AddressedOutbound[][]>;
}

/**
 * `app.conversations`: runs every registered bot, a batch at a time — a single message is a
 * batch of one. For each bot's part of the batch it loads what the steps need at once, then per
 * message, in order: prepares the state and context, runs the pure flow, carries out the
 * effects; then saves the states in one go — all inside the inbox rows' transaction, so a crash
 * replays the whole step or none of it. The states and votes of a batch are read in a couple of
 * statements and saved in one, instead of two reads and a write per message: per-statement round
 * trips, not the flow, were what a batch spent its time on (measured on PGlite).
 *
 * @example
 * const runner = new ConversationRunner([voterBot(services), observerBot(services)]);
 * const [replies] = await runner.run(tx, [inbound]);
 */
export class ConversationRunner implements ConversationHandler {
  constructor(private readonly bots: readonly RegisteredBot[]) {}

  async run(tx: Transaction<Database>, inbounds: readonly InboundMessage[]): Promise<AddressedOutbound[][]> {
    const replies: AddressedOutbound[][] = [];
    for (const part of partsWithOneMessagePerParticipant(inbounds)) {
      replies.push(...(await this.runPart(tx, part)));
    }
    return replies;
  }

  /** One part of a batch (no participant twice): each bot loads its messages, all run in order. */
  private async runPart(
    tx: Transaction<Database>,
    inbounds: readonly InboundMessage[],
  ): Promise<AddressedOutbound[][]> {
    const owners = inbounds.map((inbound) => this.bots.find((bot) => bot.definition.claims(inbound)));
    const loaded = new Map<RegisteredBot, Map<InboundMessage, unknown>>();
    for (const bot of new Set(owners)) {
      if (!bot) continue;
      const mine = inbounds.filter((_, index) => owners[index] === bot);
      const values = await bot.definition.load(tx, mine);
      loaded.set(bot, new Map(mine.map((inbound, index) => [inbound, values[index]])));
    }
    const saves = new Map<RegisteredBot, unknown[]>();
    const replies: AddressedOutbound[][] = [];
    for (const [index, inbound] of inbounds.entries()) {
      const bot = owners[index];
      if (!bot) {
        replies.push([]); // no bot answers this one
        continue;
      }
      const { definition } = bot;
      const prepared = await definition.prepare(tx, inbound, loaded.get(bot)?.get(inbound));
      if (prepared.kind === 'answer') {
        replies.push(address(inbound, prepared.locale, prepared.replies));
        continue;
      }
      const step = definition.flow(prepared.state, inbound, prepared.context);
      const locale = step.state.locale ?? inbound.clientLocale ?? DEFAULT_LOCALE;
      const save = await definition.apply(tx, {
        inbound,
        loaded: loaded.get(bot)?.get(inbound),
        saved: prepared.state,
        context: prepared.context,
        step,
        locale,
      });
      if (save !== undefined) saves.set(bot, [...(saves.get(bot) ?? []), save]);
      replies.push(address(inbound, locale, step.replies));
    }
    for (const [bot, saved] of saves) await bot.definition.save(tx, saved);
    return replies;
  }
}

/**
 * Cuts a batch, in order, before any message whose participant already has one in the current
 * part: two messages of one participant must see each other's state, so the second runs in a
 * later part, after the first one's state is saved. The worker's batches never repeat a
 * participant, so they are one part.
 */
function partsWithOneMessagePerParticipant(inbounds: readonly InboundMessage[]): InboundMessage[][] {
  const parts: InboundMessage[][] = [];
  let current: InboundMessage[] = [];
  let seen = new Set<string>();
  for (const inbound of inbounds) {
    const key = `${inbound.channel}\u0000${inbound.bot}\u0000${inbound.participant}`;
    if (seen.has(key)) {
      parts.push(current);
      current = [];
      seen = new Set();
    }
    seen.add(key);
    current.push(inbound);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

function address(
  inbound: InboundMessage,
  locale: AddressedOutbound['locale'],
  messages: readonly OutboundMessage[],
): AddressedOutbound[] {
  return messages.map((message) => ({
    channel: inbound.channel,
    bot: inbound.bot,
    participant: inbound.participant,
    locale,
    message,
  }));
}
