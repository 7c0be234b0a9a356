/**
 * The observer's compact messages (`P 190 …`, `N 190 …`, `SOS 190 …`): what an SMS observer
 * types, and a shortcut on every channel. They go down the same paths as the buttons: a
 * protocol's figures into the draft, checked by the same `checkProtocol` and submitted by the
 * same effect; a violation and an SOS by the same effects. Only the observer's own precincts
 * are accepted, as the buttons offer only those.
 */
import { findProtocolLine } from '../../domain/election/election-definition';
import { nameKey } from '../compact/fold-text';
import type { TypedPrecinct } from '../compact/fold-text';
import {
  parseCompactObserver,
  type CompactObserverMessage,
  type NamedFigure,
} from '../compact/compact-observer';
import type { InboundMessage, MessageText } from '../messages';
import { compactReasons } from './check-texts';
import type { ObserverEffect, ObserverPrecinct, ObserverState, ProtocolDraft } from './observer-state';
import { say, type ObserverStep } from './observer-step';
import { figureSlots } from './protocol-figures';
import { checkDraft, submitEffect, type ProtocolScope } from './protocol-steps';
import { MAX_VIOLATION_TEXT } from './violation-steps';

type Protocol = CompactObserverMessage & { kind: 'protocol' };

/** Handles a compact message; `undefined` when the text is not one. */
export function compactObserverStep(
  state: ObserverState,
  message: InboundMessage,
  scope: ProtocolScope,
): ObserverStep | undefined {
  const { content } = message;
  const parsed = content.kind === 'text' ? parseCompactObserver(content.text) : undefined;
  if (!parsed) return undefined;
  if (parsed.kind === 'sos') return compactSos(state, message, scope, parsed);
  // A description being typed is the observer's own words, whatever letter they start with.
  if (state.stage === 'violation_text' || state.stage === 'violation_media') return undefined;
  const precinct = ownPrecinct(scope, parsed.precinct);
  const format: MessageText =
    parsed.kind === 'protocol'
      ? { key: 'observer.sms_protocol_format' }
      : { key: 'observer.sms_violation_format' };
  // One text per reply (two would be two paragraphs and, in Russian, a third SMS segment):
  // a missing precinct is answered by the format, which shows where the number goes.
  if (!precinct.ok) return say(state, [precinct.why ?? format]);
  if (parsed.kind === 'violation') return compactViolation(state, message, scope, precinct.precinct, parsed);
  return compactProtocol(state, message, scope, precinct.precinct, parsed);
}

type Found = { ok: true; precinct: ObserverPrecinct } | { ok: false; why?: MessageText };

/** The observer's precinct with the typed number; with one precinct the number may be left out. */
function ownPrecinct(scope: ProtocolScope, typed: TypedPrecinct | undefined): Found {
  if (!typed) {
    const only = scope.precincts.length === 1 ? scope.precincts[0] : undefined;
    return only ? { ok: true, precinct: only } : { ok: false };
  }
  const matches = scope.precincts.filter((precinct) => precinct.number === typed.number);
  if (matches.length === 1) return { ok: true, precinct: matches[0]! };
  const params = { number: typed.number };
  return {
    ok: false,
    why:
      matches.length === 0
        ? { key: 'observer.sms_not_your_precinct', params }
        : { key: 'observer.sms_ambiguous_precinct', params },
  };
}

function numberOf(precinct: ObserverPrecinct): string {
  return precinct.number ?? precinct.names.en;
}

// ---------- protocol ----------

function compactProtocol(
  state: ObserverState,
  message: InboundMessage,
  scope: ProtocolScope,
  precinct: ObserverPrecinct,
  parsed: Protocol,
): ObserverStep {
  const number = numberOf(precinct);
  const named = namedFigures(scope, parsed.named);
  const bad = [...parsed.bad, ...named.bad];
  // Bad input changes nothing: every token not understood is quoted back.
  if (bad.length > 0)
    return say(state, [
      { key: 'observer.sms_figures_not_understood', params: { tokens: bad.join(' ').slice(0, 40) } },
    ]);
  const draft = draftFor(state, precinct, parsed);
  const figures = { ...draft.figures, ...named.figures };
  const gaps = requiredGaps(scope, figures);
  if (parsed.positional.length > gaps.length)
    return say(state, [
      {
        key: 'observer.sms_too_many_figures',
        params: { given: parsed.positional.length, expected: gaps.length },
      },
    ]);
  // Figures without names fill the required figures still missing, in the form's order.
  parsed.positional.forEach((value, index) => (figures[gaps[index]!] = value));
  const given = new Set(Object.keys(named.figures));
  const next: ProtocolDraft = {
    ...draft,
    figures,
    skipped: draft.skipped.filter((key) => !given.has(key)),
    queue: requiredGaps(scope, figures),
  };
  if (next.queue.length > 0) {
    const lines = [...new Set(next.queue.map((key) => key.split('.')[0]))].join(', ');
    return say({ ...state, stage: 'protocol_figure', protocol: next }, [
      { key: 'observer.sms_protocol_partial', params: { number, count: next.queue.length, lines } },
    ]);
  }
  return submitCompact({ ...state, protocol: next }, message, scope, number);
}

/**
 * The draft the figures go into: the one under way or just submitted for this precinct (so
 * `P 190 L7=12` corrects one line and submits again), else a new one. Unnamed figures after a
 * submission start afresh: they are a whole protocol typed again.
 */
function draftFor(state: ObserverState, precinct: ObserverPrecinct, parsed: Protocol): ProtocolDraft {
  const current = state.protocol;
  const resent = state.stage === 'protocol_result' && parsed.positional.length > 0;
  if (current && current.precinctCode === precinct.code && !resent) return current;
  return { precinctCode: precinct.code, pages: [], figures: {}, skipped: [], queue: [] };
}

/** Required figure keys without a figure yet, in form order. */
function requiredGaps(scope: ProtocolScope, figures: Record<string, number>): string[] {
  return figureSlots(scope.election)
    .filter((slot) => slot.line.required && figures[slot.key] === undefined)
    .map((slot) => slot.key);
}

/** `L4=1000` → `{ '4': 1000 }`, `L6.2=300` → `{ '6.nur-otan': 300 }`; what names no figure is bad. */
function namedFigures(
  scope: ProtocolScope,
  named: NamedFigure[],
): { figures: Record<string, number>; bad: string[] } {
  const figures: Record<string, number> = {};
  const bad: string[] = [];
  const { choices } = scope.election;
  for (const figure of named) {
    const line = findProtocolLine(scope.election, figure.line);
    const choice = !figure.choice
      ? undefined
      : 'position' in figure.choice
        ? choices[figure.choice.position - 1]
        : choices.find((candidate) =>
            choiceKeys(candidate).includes((figure.choice as { name: string }).name),
          );
    if (!line || line.perChoice !== (figure.choice !== undefined) || (figure.choice && !choice)) {
      bad.push(figure.typed);
      continue;
    }
    figures[choice ? `${line.number}.${choice.id}` : String(line.number)] = figure.value;
  }
  return { figures, bad };
}

function choiceKeys(choice: ProtocolScope['election']['choices'][number]): string[] {
  return [choice.id, ...Object.values(choice.names), ...Object.values(choice.shortNames ?? {})].map(nameKey);
}

/** The verdict of the one check, in one short message, and the same effect as the button's. */
function submitCompact(
  state: ObserverState & { protocol: ProtocolDraft },
  message: InboundMessage,
  scope: ProtocolScope,
  number: string,
): ObserverStep {
  const report = checkDraft(state.protocol, scope, message);
  const reasons = compactReasons(report, scope.locale);
  const text: MessageText =
    report.status === 'accepted'
      ? { key: 'observer.sms_protocol_accepted', params: { number } }
      : report.status === 'rejected'
        ? { key: 'observer.sms_protocol_rejected', params: { number, reasons } }
        : { key: 'observer.sms_protocol_review', params: { number, reasons } };
  return say({ ...state, stage: 'protocol_result' }, [text], undefined, [
    submitEffect(state.protocol, message),
  ]);
}

// ---------- violation and SOS ----------

function compactViolation(
  state: ObserverState,
  message: InboundMessage,
  scope: ProtocolScope,
  precinct: ObserverPrecinct,
  parsed: CompactObserverMessage & { kind: 'violation' },
): ObserverStep {
  const categories = scope.election.violationCategories;
  const category =
    parsed.categoryNumber !== undefined ? categories[parsed.categoryNumber - 1] : fallbackCategory(scope);
  if (!category || parsed.text === '') return say(state, [{ key: 'observer.sms_violation_format' }]);
  const report: ObserverEffect = {
    kind: 'report_violation',
    precinctCode: precinct.code,
    categoryId: category.id,
    text: parsed.text.slice(0, MAX_VIOLATION_TEXT),
    media: [],
    sentAt: message.sentAt,
  };
  return say(
    state,
    [
      {
        key: 'observer.sms_violation_received',
        params: { number: numberOf(precinct), category: category.names[scope.locale] },
      },
    ],
    undefined,
    [report],
  );
}

/** A violation without a category number goes to "other" (or the form's last category). */
function fallbackCategory(scope: ProtocolScope) {
  const categories = scope.election.violationCategories;
  return categories.find((category) => category.id === 'other') ?? categories[categories.length - 1];
}

/**
 * SOS is never refused: a precinct that is not the observer's is dropped, not a reason to
 * stay silent. Words after it are kept as a violation report (the alert itself carries none).
 */
function compactSos(
  state: ObserverState,
  message: InboundMessage,
  scope: ProtocolScope,
  parsed: CompactObserverMessage & { kind: 'sos' },
): ObserverStep {
  const found = ownPrecinct(scope, parsed.precinct);
  const precinctCode = found.ok ? found.precinct.code : undefined;
  const effects: ObserverEffect[] = [
    { kind: 'raise_sos', ...(precinctCode ? { precinctCode } : {}), sentAt: message.sentAt },
  ];
  const category = fallbackCategory(scope);
  if (precinctCode && category && parsed.text !== '')
    effects.push({
      kind: 'report_violation',
      precinctCode,
      categoryId: category.id,
      text: `SOS: ${parsed.text}`.slice(0, MAX_VIOLATION_TEXT),
      media: [],
      sentAt: message.sentAt,
    });
  return say(state, [{ key: 'observer.sms_sos_sent' }], undefined, effects);
}
