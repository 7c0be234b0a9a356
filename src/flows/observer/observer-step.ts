import type { FlowStep } from '../flow';
import type { MessageText, OutboundButton } from '../messages';
import type { ObserverEffect, ObserverState } from './observer-state';

export type ObserverStep = FlowStep<ObserverState, ObserverEffect>;

/**
 * A step that answers with one message. Every observer reply is a new message (not an edited
 * panel): a protocol's summary and verdict must stay readable in the chat history.
 */
export function say(
  state: ObserverState,
  text: MessageText[],
  buttons?: OutboundButton[][],
  effects: ObserverEffect[] = [],
): ObserverStep {
  return {
    state,
    replies: [{ kind: 'send', text, ...(buttons && buttons.length > 0 ? { buttons } : {}) }],
    effects,
  };
}

/** Prepends texts (an acknowledgement, an error) to the first reply of a step. */
export function prefix(step: ObserverStep, texts: MessageText[]): ObserverStep {
  const [first, ...rest] = step.replies;
  if (!first || first.kind !== 'send')
    return { ...step, replies: [{ kind: 'send', text: texts }, ...step.replies] };
  return { ...step, replies: [{ ...first, text: [...texts, ...first.text] }, ...rest] };
}
