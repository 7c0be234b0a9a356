import { checkProtocol, type ProtocolCheckReport } from '../../domain/election/protocol-checks';
import type { ElectionDefinition } from '../../domain/election/election-definition';
import type { Locale } from '../../domain/locale';
import type { InboundMessage, MessageText, OutboundButton } from '../messages';
import { allCheckTexts, reasonTexts } from './check-texts';
import type { ObserverButton } from './observer-buttons';
import {
  button,
  literalButton,
  pagedList,
  precinctButtonLabel,
  precinctText,
  withSos,
} from './observer-keyboards';
import type {
  ObserverContext,
  ObserverEffect,
  ObserverPrecinct,
  ObserverState,
  ProtocolDraft,
} from './observer-state';
import { say, prefix, type ObserverStep } from './observer-step';
import { figureSlots, parseFigure, slotsOfLine, toProtocolFigures, MAX_FIGURE } from './protocol-figures';

/** What the protocol stages need besides the state: the bound observer's election and precincts. */
export interface ProtocolScope {
  election: ElectionDefinition;
  precincts: ObserverPrecinct[];
  locale: Locale;
  pageSize: number;
}

export function scopeOf(context: ObserverContext, locale: Locale): ProtocolScope | undefined {
  if (!context.election || !context.precincts) return undefined;
  return {
    election: context.election,
    precincts: context.precincts,
    locale,
    pageSize: context.pageSize ?? 8,
  };
}

export function precinctOf(scope: ProtocolScope, code: string | undefined): ObserverPrecinct | undefined {
  return scope.precincts.find((precinct) => precinct.code === code);
}

// ---------- rendering each stage's prompt ----------

export function renderPrecinctChoice(state: ObserverState, scope: ProtocolScope, page = 0): ObserverStep {
  const labels = scope.precincts.map((precinct) => precinctButtonLabel(precinct, scope.locale));
  const list = pagedList(labels, page, scope.pageSize, (index) => ({ kind: 'precinct', index }));
  return say(state, [{ key: 'observer.choose_precinct' }], withSos(list.rows));
}

export function renderPagesPrompt(state: ObserverState & { protocol: ProtocolDraft }, scope: ProtocolScope) {
  const required = scope.election.protocol.pages;
  const received = state.protocol.pages.length;
  const precinct = precinctOf(scope, state.protocol.precinctCode);
  return say(
    state,
    [
      ...(precinct ? [precinctText(precinct, scope.locale)] : []),
      { key: 'observer.send_page', params: { page: Math.min(received + 1, required), pages: required } },
    ],
    withSos([[button('observer.pages_done', { kind: 'pages_done' })]]),
  );
}

export function renderFigurePrompt(state: ObserverState & { protocol: ProtocolDraft }, scope: ProtocolScope) {
  const key = state.protocol.queue[0];
  const slot = figureSlots(scope.election).find((candidate) => candidate.key === key);
  if (!slot) return renderSummary({ ...state, stage: 'protocol_summary' }, scope);
  const choice = scope.election.choices.find((candidate) => candidate.id === slot.choiceId);
  const text: MessageText[] = [
    {
      key: 'observer.enter_line',
      params: { number: slot.line.number, label: slot.line.labels[scope.locale] },
    },
  ];
  if (choice) text.push({ key: 'observer.enter_choice', params: { choice: choice.names[scope.locale] } });
  const current = state.protocol.figures[slot.key];
  if (current !== undefined) text.push({ key: 'observer.current_value', params: { value: current } });
  text.push({ key: 'observer.type_figure' });
  const rows: OutboundButton[][] = slot.line.required
    ? []
    : [[button('observer.skip_line', { kind: 'skip_line' })]];
  return say(state, text, withSos(rows));
}

/** Each figure as typed, then every check with the figures it used, then what submitting would give. */
export function renderSummary(state: ObserverState & { protocol: ProtocolDraft }, scope: ProtocolScope) {
  const { election, locale } = scope;
  const draft = state.protocol;
  const report = checkDraft(draft, scope);
  const figureLines = figureSlots(election).map((slot) => {
    const value = draft.figures[slot.key];
    const choice = election.choices.find((candidate) => candidate.id === slot.choiceId);
    const label = choice
      ? `${slot.line.number}. ${choice.names[locale]}`
      : `${slot.line.number}. ${slot.line.labels[locale]}`;
    return `${label}: ${value === undefined ? '—' : value}`;
  });
  const precinct = precinctOf(scope, draft.precinctCode);
  return say(
    { ...state, stage: 'protocol_summary' },
    [
      { key: 'observer.summary_title' },
      ...(precinct ? [precinctText(precinct, locale)] : []),
      {
        key: 'observer.summary_pages',
        params: { received: draft.pages.length, required: election.protocol.pages },
      },
      { literal: figureLines.join('\n') },
      { key: 'observer.summary_checks' },
      ...allCheckTexts(report, locale),
      { key: `observer.preview_${report.status}` },
    ],
    withSos([
      [button('observer.submit', { kind: 'submit' })],
      [button('observer.correct', { kind: 'correct' })],
    ]),
  );
}

export function renderCorrectMenu(state: ObserverState, scope: ProtocolScope): ObserverStep {
  const rows = scope.election.protocol.lines.map((line) => [
    literalButton(`${line.number}. ${line.labels[scope.locale]}`.slice(0, 60), {
      kind: 'correct_line',
      line: line.number,
    }),
  ]);
  rows.push([button('observer.redo_pages', { kind: 'redo_pages' })]);
  rows.push([button('observer.back_to_summary', { kind: 'summary' })]);
  return say({ ...state, stage: 'protocol_correct' }, [{ key: 'observer.correct_what' }], withSos(rows));
}

// ---------- moving through the stages ----------

function startDraft(state: ObserverState, scope: ProtocolScope, precinctCode: string): ObserverStep {
  const protocol: ProtocolDraft = {
    precinctCode,
    pages: [],
    figures: {},
    skipped: [],
    queue: figureSlots(scope.election).map((slot) => slot.key),
  };
  return renderPagesPrompt({ ...state, stage: 'protocol_pages', protocol }, scope);
}

/** "Submit a protocol": the precinct first, unless the observer has only one. */
export function startProtocol(state: ObserverState, scope: ProtocolScope): ObserverStep {
  const only = scope.precincts.length === 1 ? scope.precincts[0] : undefined;
  if (only) return startDraft(state, scope, only.code);
  return renderPrecinctChoice({ ...state, stage: 'protocol_precinct' }, scope);
}

/** After the pages: the figures still to type, or straight to the summary when none are left. */
function afterPages(state: ObserverState & { protocol: ProtocolDraft }, scope: ProtocolScope): ObserverStep {
  if (state.protocol.queue.length > 0)
    return renderFigurePrompt({ ...state, stage: 'protocol_figure' }, scope);
  return renderSummary(state, scope);
}

function withDraft(state: ObserverState): state is ObserverState & { protocol: ProtocolDraft } {
  return state.protocol !== undefined;
}

/**
 * One message in a protocol stage. Returns `undefined` for input the stage does not handle,
 * so the caller can answer "use the buttons".
 */
export function protocolStep(
  state: ObserverState,
  message: InboundMessage,
  pressed: ObserverButton | undefined,
  scope: ProtocolScope,
): ObserverStep | undefined {
  const content = message.content;
  if (state.stage === 'protocol_precinct') {
    if (pressed?.kind === 'page') return renderPrecinctChoice(state, scope, pressed.page);
    if (pressed?.kind === 'precinct') {
      const precinct = scope.precincts[pressed.index];
      return precinct ? startDraft(state, scope, precinct.code) : renderPrecinctChoice(state, scope);
    }
    return undefined;
  }
  if (!withDraft(state)) return undefined;
  const draft = state.protocol;

  switch (state.stage) {
    case 'protocol_pages': {
      if (
        content.kind === 'photo' ||
        (content.kind === 'document' && content.media.mimeType?.startsWith('image/'))
      ) {
        const pages = [...draft.pages, content.media];
        const next = { ...state, protocol: { ...draft, pages } };
        if (pages.length >= scope.election.protocol.pages) {
          return prefix(afterPages(next, scope), [{ key: 'observer.pages_complete' }]);
        }
        return renderPagesPrompt(next, scope);
      }
      if (pressed?.kind === 'pages_done') return afterPages(state, scope);
      return undefined;
    }
    case 'protocol_figure': {
      const key = draft.queue[0];
      const slot = figureSlots(scope.election).find((candidate) => candidate.key === key);
      if (!slot) return renderSummary(state, scope);
      if (pressed?.kind === 'skip_line' && !slot.line.required) {
        const { [slot.key]: _dropped, ...figures } = draft.figures;
        const next = {
          ...state,
          protocol: {
            ...draft,
            figures,
            skipped: [...new Set([...draft.skipped, slot.key])],
            queue: draft.queue.slice(1),
          },
        };
        return afterPages(next, scope);
      }
      if (content.kind !== 'text') return undefined;
      const parsed = parseFigure(content.text);
      if (!parsed.ok) {
        // Bad input changes nothing: the same line is asked again.
        const problem: MessageText =
          parsed.problem === 'out_of_range'
            ? { key: 'observer.figure_out_of_range', params: { max: MAX_FIGURE } }
            : { key: 'observer.figure_not_whole_number', params: { text: content.text.slice(0, 40) } };
        return prefix(renderFigurePrompt(state, scope), [problem]);
      }
      const next = {
        ...state,
        protocol: {
          ...draft,
          figures: { ...draft.figures, [slot.key]: parsed.value },
          skipped: draft.skipped.filter((skipped) => skipped !== slot.key),
          queue: draft.queue.slice(1),
        },
      };
      return afterPages(next, scope);
    }
    case 'protocol_summary': {
      if (pressed?.kind === 'submit') return submit(state, message, scope);
      if (pressed?.kind === 'correct') return renderCorrectMenu(state, scope);
      return undefined;
    }
    case 'protocol_correct': {
      if (pressed?.kind === 'correct_line') {
        const slots = slotsOfLine(scope.election, pressed.line);
        if (slots.length === 0) return renderCorrectMenu(state, scope);
        const next = {
          ...state,
          stage: 'protocol_figure' as const,
          protocol: { ...draft, queue: slots.map((s) => s.key) },
        };
        return renderFigurePrompt(next, scope);
      }
      if (pressed?.kind === 'redo_pages') {
        return renderPagesPrompt(
          { ...state, stage: 'protocol_pages', protocol: { ...draft, pages: [], queue: [] } },
          scope,
        );
      }
      if (pressed?.kind === 'summary') return renderSummary(state, scope);
      return undefined;
    }
    case 'protocol_result': {
      if (pressed?.kind === 'correct') return renderCorrectMenu(state, scope);
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Submits the protocol: the service records it (and checks it again, authoritatively); the
 * observer is told the verdict with every reason, and may correct and resubmit.
 */
function submit(
  state: ObserverState & { protocol: ProtocolDraft },
  message: InboundMessage,
  scope: ProtocolScope,
): ObserverStep {
  const { locale } = scope;
  const draft = state.protocol;
  const report = checkDraft(draft, scope);
  const precinct = precinctOf(scope, draft.precinctCode);
  const where = precinct ? precinctText(precinct, locale) : { literal: draft.precinctCode };
  const text: MessageText[] = [{ key: `observer.result_${report.status}` }, where];
  if (report.status !== 'accepted') {
    text.push({ key: 'observer.reasons' }, ...reasonTexts(report, locale));
  }
  text.push({ key: report.status === 'rejected' ? 'observer.resubmit_hint' : 'observer.thanks' });
  const rows: OutboundButton[][] =
    report.status === 'accepted'
      ? [[button('observer.back_to_menu', { kind: 'menu' })]]
      : [
          [button('observer.correct_and_resubmit', { kind: 'correct' })],
          [button('observer.back_to_menu', { kind: 'menu' })],
        ];
  return say({ ...state, stage: 'protocol_result' }, text, withSos(rows), [submitEffect(draft, message)]);
}

/** The draft's verdict as the service will find it: the one check, with the pages received. */
export function checkDraft(
  draft: ProtocolDraft,
  scope: ProtocolScope,
  message?: InboundMessage,
): ProtocolCheckReport {
  return checkProtocol(scope.election, toProtocolFigures(draft.figures), {
    pagesReceived: draft.pages.length,
    figuresOnly: message?.textOnly === true,
  });
}

/** Submitting a draft: the service records it and checks it again, authoritatively. */
export function submitEffect(draft: ProtocolDraft, message: InboundMessage): ObserverEffect {
  return {
    kind: 'submit_protocol',
    precinctCode: draft.precinctCode,
    figures: draft.figures,
    pages: draft.pages,
    sentAt: message.sentAt,
    ...(message.textOnly ? { figuresOnly: true as const } : {}),
  };
}
