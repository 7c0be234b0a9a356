import type { Transaction } from 'kysely';
import type { Locale } from '../domain/locale';
import type { Flow, FlowStep } from '../flows/flow';
import type { InboundMessage, OutboundMessage } from '../flows/messages';
import type { Database } from '../store/database-schema';

/**
 * One bot as the {@link ConversationRunner} runs it: which messages it answers, its pure flow,
 * how it reads what a step needs and how it carries out the step's effects and saves the state.
 * The runner owns the order (load → per message: prepare → flow → apply → save at the end), so a
 * bot only says what is its own. A new bot is a folder with one of these plus one line in
 * `registered-bots.ts`.
 *
 * @example
 * const counter: BotDefinition<{ count: number }, undefined, never, undefined, number> = {
 *   name: 'counter', claims: () => true, flow: countingFlow,
 *   load: async (_tx, inbounds) => inbounds.map(() => undefined),
 *   prepare: async () => ({ kind: 'run', state: undefined, context: undefined }),
 *   apply: async ({ step }) => step.state.count, save: async () => {},
 * };
 */
export interface BotDefinition<State extends { locale?: Locale }, Context, Effect, Loaded, Saved> {
  /** For logs and errors. */
  name: string;
  /** Whether this bot answers `inbound` (the first registered bot that claims a message gets it). */
  claims(inbound: InboundMessage): boolean;
  flow: Flow<State, Context, Effect>;
  /**
   * What this bot's messages of one batch need, read for all of them at once — one entry per
   * message, in place. The batch holds at most one message per participant, so what is read
   * here cannot be changed by an earlier message of the same batch.
   */
  load(tx: Transaction<Database>, inbounds: readonly InboundMessage[]): Promise<Loaded[]>;
  /**
   * Just before the message's step, in the batch's order: its saved state and the flow's
   * context — or an answer that skips the flow (and saves nothing). Reads that another
   * participant's earlier message may change (an invite just redeemed) belong here, not in `load`.
   */
  prepare(
    tx: Transaction<Database>,
    inbound: InboundMessage,
    loaded: Loaded,
  ): Promise<Prepared<State, Context>>;
  /** Carries out the step's effects, in order; returns what to save of it (nothing: keep no state). */
  apply(tx: Transaction<Database>, turn: Turn<State, Context, Effect, Loaded>): Promise<Saved | undefined>;
  /** Saves what the batch's steps returned from `apply`, in one go. */
  save(tx: Transaction<Database>, saved: Saved[]): Promise<void>;
}

export type Prepared<State, Context> =
  | { kind: 'run'; state: State | undefined; context: Context }
  | { kind: 'answer'; locale: Locale; replies: OutboundMessage[] };

/** One message's step, as `apply` sees it. */
export interface Turn<State, Context, Effect, Loaded> {
  inbound: InboundMessage;
  loaded: Loaded;
  saved: State | undefined;
  context: Context;
  step: FlowStep<State, Effect>;
  /** The replies' locale: the state's, else the client's, else the default. */
  locale: Locale;
}

/**
 * A definition with its types sealed in, as the runner keeps a list of different bots. Use
 * {@link defineBot} to make one: it checks the parts fit each other.
 */
export interface RegisteredBot {
  readonly definition: BotDefinition<{ locale?: Locale }, unknown, unknown, unknown, unknown>;
}

export function defineBot<State extends { locale?: Locale }, Context, Effect, Loaded, Saved>(
  definition: BotDefinition<State, Context, Effect, Loaded, Saved>,
): RegisteredBot {
  return { definition: definition as unknown as RegisteredBot['definition'] };
}
