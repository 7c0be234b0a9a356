import type { InboundMessage, OutboundMessage } from './messages';

/**
 * A conversation is a pure function: the participant's saved state and one inbound message
 * in, the new state, the replies and the effects out. Services persist the state, carry out
 * the effects (record a vote, attach a photo, raise an SOS) and queue the replies, all in the
 * transaction that marks the inbox row processed — so a crash replays the whole step or none.
 *
 * @example
 * const step = voterFlow(undefined, startMessage, context);
 * // step.state.stage === 'choose_language'; step.replies[0].kind === 'send'
 */
export type Flow<State, Context, Effect> = (
  state: State | undefined,
  message: InboundMessage,
  context: Context,
) => FlowStep<State, Effect>;

export interface FlowStep<State, Effect> {
  state: State;
  replies: OutboundMessage[];
  effects: Effect[];
}
