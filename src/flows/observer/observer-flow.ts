import { DEFAULT_LOCALE, type Locale } from '../../domain/locale';
import type { Flow } from '../flow';
import type { InboundMessage, MessageText, OutboundMessage } from '../messages';
import { compactObserverStep } from './compact-steps';
import { decodeObserverButton, type ObserverButton } from './observer-buttons';
import { button, precinctText, withSos } from './observer-keyboards';
import { renderLanguageChoice, renderMenu, renderMyPrecincts } from './menu-steps';
import {
  initialObserverState,
  type ObserverContext,
  type ObserverEffect,
  type ObserverPrecinct,
  type ObserverState,
  type SosKind,
} from './observer-state';
import { prefix, say, type ObserverStep } from './observer-step';
import {
  protocolStep,
  renderCorrectMenu,
  renderFigurePrompt,
  renderPagesPrompt,
  renderPrecinctChoice,
  renderSummary,
  scopeOf,
  startProtocol,
  type ProtocolScope,
} from './protocol-steps';
import {
  renderViolationCategory,
  renderViolationMedia,
  renderViolationPrecinct,
  renderViolationText,
  startViolation,
  violationStep,
} from './violation-steps';

const SOS_KINDS: readonly SosKind[] = ['pressure', 'detention', 'violence'];

/** "SOS" typed as text counts as the SOS button (WhatsApp users type more than they tap). */
const SOS_TEXT = /^\s*(sos|сос)\s*!*\s*$/i;

/**
 * The observer bot as a pure state machine. Only participants bound by an invite get past
 * `/start <code>`; everyone else gets one polite refusal and nothing else. From every stage,
 * SOS (button, `/sos`, or "SOS" typed) raises an alert at once.
 *
 * @example
 * const step = observerFlow(undefined, startWithCode, { invite: { status: 'valid', … } });
 * step.effects; // [{ kind: 'redeem_invite', inviteId: 7 }]
 */
export const observerFlow: Flow<ObserverState, ObserverContext, ObserverEffect> = (
  saved,
  message,
  context,
) => {
  const state = saved ?? initialObserverState();
  const locale = state.locale ?? message.clientLocale ?? DEFAULT_LOCALE;
  const content = message.content;
  const pressed = content.kind === 'button' ? decodeObserverButton(content.data) : undefined;
  const step = route(state, message, pressed, context, locale);
  // A pressed Telegram button shows a spinner until it is answered.
  const answer: OutboundMessage[] =
    content.kind === 'button' && content.callbackId
      ? [{ kind: 'answer_button', callbackId: content.callbackId }]
      : [];
  return { ...step, replies: [...answer, ...step.replies] };
};

function route(
  state: ObserverState,
  message: InboundMessage,
  pressed: ObserverButton | undefined,
  context: ObserverContext,
  locale: Locale,
): ObserverStep {
  const content = message.content;
  if (content.kind === 'command' && content.command === 'start' && content.args !== '') {
    return redeemInvite(state, content.args, context, locale);
  }
  const scope = scopeOf(context, locale);
  if (!scope) return say(state, [{ key: 'observer.not_invited' }]);

  if (pressed?.kind === 'sos' || (content.kind === 'command' && content.command === 'sos')) {
    return raiseSos(state, message, scope);
  }
  if (content.kind === 'text' && SOS_TEXT.test(content.text)) return raiseSos(state, message, scope);
  const compact = compactObserverStep(state, message, scope);
  if (compact) return compact;
  if (content.kind === 'command') return command(state, content.command, scope);
  if (content.kind === 'button' && !pressed)
    return prefix(renderStage(state, scope), [{ key: 'observer.stale_button' }]);

  switch (pressed?.kind) {
    case 'menu':
      return renderMenu(state);
    case 'start_protocol':
      return startProtocol(state, scope);
    case 'start_violation':
      return startViolation(state, scope);
    case 'my_precincts':
      return renderMyPrecincts(state, scope.precincts, locale);
    case 'language_menu':
      return renderLanguageChoice({ ...state, stage: 'choose_language', resumeStage: resumable(state) });
    case 'language': {
      const next: ObserverState = { ...state, locale: pressed.locale, stage: state.resumeStage ?? 'menu' };
      delete next.resumeStage;
      return prefix(renderStage(next, { ...scope, locale: pressed.locale }), [
        { key: 'observer.language_set' },
      ]);
    }
    case 'sos_kind':
      return say(
        state,
        [{ key: 'observer.sos_described' }, { key: `observer.sos_kind_${pressed.sosKind}` }],
        withSos([[button('observer.sos_resume', { kind: 'resume' })]]),
        [{ kind: 'describe_sos', sosKind: pressed.sosKind }],
      );
    case 'resume': {
      const next: ObserverState = { ...state, stage: state.resumeStage ?? 'menu' };
      delete next.resumeStage;
      return renderStage(next, scope);
    }
    default:
      break;
  }
  const step = protocolStep(state, message, pressed, scope) ?? violationStep(state, message, pressed, scope);
  return step ?? prefix(renderStage(state, scope), [unexpectedText(message)]);
}

/** The stage to come back to after a detour (language, SOS): never the detour itself. */
function resumable(state: ObserverState) {
  return state.stage === 'choose_language' || state.stage === 'sos_raised'
    ? (state.resumeStage ?? 'menu')
    : state.stage;
}

function command(state: ObserverState, name: string, scope: ProtocolScope): ObserverStep {
  switch (name) {
    case 'start':
    case 'menu':
    case 'cancel':
      return renderMenu(state);
    case 'language':
      return renderLanguageChoice({ ...state, stage: 'choose_language', resumeStage: resumable(state) });
    case 'help':
      return renderMenu(state, [{ key: 'observer.help' }]);
    case 'precincts':
      return renderMyPrecincts(state, scope.precincts, scope.locale);
    default:
      return prefix(renderStage(state, scope), [{ key: 'observer.unknown_command' }]);
  }
}

function redeemInvite(
  state: ObserverState,
  _code: string,
  context: ObserverContext,
  locale: Locale,
): ObserverStep {
  const invite = context.invite;
  const bound = context.precincts !== undefined;
  if (invite?.status !== 'valid') {
    // A wrong code for someone not yet bound: the refusal and nothing else (no state, no effect).
    if (!bound) return say(state, [{ key: 'observer.invite_invalid' }]);
    return renderMenu(state, [{ key: 'observer.invite_invalid_kept' }]);
  }
  const known = new Set((context.precincts ?? []).map((precinct) => precinct.code));
  const precincts: ObserverPrecinct[] = [
    ...(context.precincts ?? []),
    ...invite.precincts.filter((precinct) => !known.has(precinct.code)),
  ];
  const step = renderMenu({ ...state, stage: 'menu', locale }, [
    { key: 'observer.welcome', params: { election: invite.electionNames[locale] } },
    { key: 'observer.my_precincts', params: { count: precincts.length } },
    ...precincts.map((precinct) => precinctText(precinct, locale)),
    { key: 'observer.privacy_note' },
  ]);
  return { ...step, effects: [{ kind: 'redeem_invite', inviteId: invite.inviteId }] };
}

function raiseSos(state: ObserverState, message: InboundMessage, scope: ProtocolScope): ObserverStep {
  const draftPrecinct = state.stage.startsWith('protocol')
    ? state.protocol?.precinctCode
    : state.violation?.precinctCode;
  const precinctCode = draftPrecinct ?? (scope.precincts.length === 1 ? scope.precincts[0]?.code : undefined);
  const next: ObserverState = { ...state, stage: 'sos_raised', resumeStage: resumable(state) };
  return say(next, [{ key: 'observer.sos_sent' }, { key: 'observer.sos_what' }], sosKeyboard(), [
    { kind: 'raise_sos', ...(precinctCode ? { precinctCode } : {}), sentAt: message.sentAt },
  ]);
}

function sosKeyboard() {
  return [
    ...SOS_KINDS.map((kind) => [button(`observer.sos_kind_${kind}`, { kind: 'sos_kind', sosKind: kind })]),
    [button('observer.sos_resume', { kind: 'resume' })],
  ];
}

/** Shows the current stage's question again (after a detour, bad input or a language change). */
function renderStage(state: ObserverState, scope: ProtocolScope): ObserverStep {
  const protocol = state.protocol;
  switch (state.stage) {
    case 'choose_language':
      return renderLanguageChoice(state);
    case 'protocol_precinct':
      return renderPrecinctChoice(state, scope);
    case 'protocol_pages':
      return protocol ? renderPagesPrompt({ ...state, protocol }, scope) : renderMenu(state);
    case 'protocol_figure':
      return protocol ? renderFigurePrompt({ ...state, protocol }, scope) : renderMenu(state);
    case 'protocol_summary':
      return protocol ? renderSummary({ ...state, protocol }, scope) : renderMenu(state);
    case 'protocol_correct':
    case 'protocol_result':
      return protocol ? renderCorrectMenu(state, scope) : renderMenu(state);
    case 'violation_precinct':
      return renderViolationPrecinct(state, scope);
    case 'violation_category':
      return renderViolationCategory(state, scope);
    case 'violation_text':
      return renderViolationText(state);
    case 'violation_media':
      return renderViolationMedia(state);
    case 'sos_raised':
      return say(state, [{ key: 'observer.sos_what' }], sosKeyboard());
    case 'menu':
    default:
      return renderMenu(state);
  }
}

function unexpectedText(message: InboundMessage): MessageText {
  switch (message.content.kind) {
    case 'photo':
    case 'video':
    case 'document':
      return { key: 'observer.unexpected_media' };
    case 'location':
    case 'contact':
      return { key: 'observer.unexpected_personal' };
    default:
      return { key: 'observer.use_buttons' };
  }
}
