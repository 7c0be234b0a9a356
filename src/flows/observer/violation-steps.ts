import type { InboundMessage } from '../messages';
import type { ObserverButton } from './observer-buttons';
import { button, pagedList, precinctButtonLabel, withSos } from './observer-keyboards';
import { renderMenu } from './menu-steps';
import type { ObserverEffect, ObserverState, ViolationDraft } from './observer-state';
import { say, type ObserverStep } from './observer-step';
import type { ProtocolScope } from './protocol-steps';

/** Longest violation description kept; a longer one is cut, not refused (it may be urgent). */
export const MAX_VIOLATION_TEXT = 4000;

export function renderViolationPrecinct(state: ObserverState, scope: ProtocolScope, page = 0): ObserverStep {
  const labels = scope.precincts.map((precinct) => precinctButtonLabel(precinct, scope.locale));
  const list = pagedList(labels, page, scope.pageSize, (index) => ({ kind: 'precinct', index }));
  return say(
    { ...state, stage: 'violation_precinct' },
    [{ key: 'observer.violation_precinct' }],
    withSos(list.rows),
  );
}

export function renderViolationCategory(state: ObserverState, scope: ProtocolScope, page = 0): ObserverStep {
  const labels = scope.election.violationCategories.map((category) => category.names[scope.locale]);
  const list = pagedList(labels, page, scope.pageSize, (index) => ({ kind: 'category', index }));
  return say(
    { ...state, stage: 'violation_category' },
    [{ key: 'observer.violation_category' }],
    withSos(list.rows),
  );
}

export function renderViolationText(state: ObserverState): ObserverStep {
  return say({ ...state, stage: 'violation_text' }, [{ key: 'observer.violation_text' }], withSos([]));
}

export function renderViolationMedia(state: ObserverState): ObserverStep {
  const count = state.violation?.media.length ?? 0;
  return say(
    { ...state, stage: 'violation_media' },
    [{ key: 'observer.violation_media', params: { count } }],
    withSos([[button('observer.violation_send', { kind: 'media_done' })]]),
  );
}

/** "Report a violation": the precinct first, unless the observer has only one. */
export function startViolation(state: ObserverState, scope: ProtocolScope): ObserverStep {
  const only = scope.precincts.length === 1 ? scope.precincts[0] : undefined;
  const violation: ViolationDraft = { media: [], ...(only ? { precinctCode: only.code } : {}) };
  const next = { ...state, violation };
  return only ? renderViolationCategory(next, scope) : renderViolationPrecinct(next, scope);
}

function mediaOf(message: InboundMessage): ViolationDraft['media'][number] | undefined {
  const content = message.content;
  if (content.kind === 'photo') return { kind: 'photo', media: content.media };
  if (content.kind === 'video') return { kind: 'video', media: content.media };
  if (content.kind === 'document' && content.media.mimeType?.startsWith('image/')) {
    return { kind: 'photo', media: content.media };
  }
  if (content.kind === 'document' && content.media.mimeType?.startsWith('video/')) {
    return { kind: 'video', media: content.media };
  }
  return undefined;
}

/** One message in a violation stage; `undefined` for input the stage does not handle. */
export function violationStep(
  state: ObserverState,
  message: InboundMessage,
  pressed: ObserverButton | undefined,
  scope: ProtocolScope,
): ObserverStep | undefined {
  const draft = state.violation;
  if (!draft) return undefined;
  const content = message.content;
  switch (state.stage) {
    case 'violation_precinct': {
      if (pressed?.kind === 'page') return renderViolationPrecinct(state, scope, pressed.page);
      const precinct = pressed?.kind === 'precinct' ? scope.precincts[pressed.index] : undefined;
      if (!precinct) return undefined;
      return renderViolationCategory(
        { ...state, violation: { ...draft, precinctCode: precinct.code } },
        scope,
      );
    }
    case 'violation_category': {
      if (pressed?.kind === 'page') return renderViolationCategory(state, scope, pressed.page);
      const category =
        pressed?.kind === 'category' ? scope.election.violationCategories[pressed.index] : undefined;
      if (!category) return undefined;
      return renderViolationText({ ...state, violation: { ...draft, categoryId: category.id } });
    }
    case 'violation_text': {
      // The report is dated by the observer's description, not by when they pressed "Send".
      const reportedAt = message.sentAt.toISOString();
      if (content.kind === 'text' && content.text.trim() !== '') {
        const text = content.text.trim().slice(0, MAX_VIOLATION_TEXT);
        return renderViolationMedia({ ...state, violation: { ...draft, text, reportedAt } });
      }
      // A photo with a caption is a description with evidence attached.
      const media = mediaOf(message);
      if (media && content.kind === 'photo' && content.caption?.trim()) {
        const text = content.caption.trim().slice(0, MAX_VIOLATION_TEXT);
        const next = { ...draft, text, reportedAt, media: [...draft.media, media] };
        return renderViolationMedia({ ...state, violation: next });
      }
      return undefined;
    }
    case 'violation_media': {
      const media = mediaOf(message);
      if (media)
        return renderViolationMedia({ ...state, violation: { ...draft, media: [...draft.media, media] } });
      if (content.kind === 'text' && content.text.trim() !== '') {
        // More words after the first message: appended, not lost.
        const text = `${draft.text ?? ''}\n${content.text.trim()}`.slice(0, MAX_VIOLATION_TEXT);
        return renderViolationMedia({ ...state, violation: { ...draft, text } });
      }
      if (pressed?.kind === 'media_done' && draft.precinctCode && draft.categoryId) {
        const { violation: _sent, ...rest } = state;
        const menu = renderMenu(rest, [
          { key: 'observer.violation_received', params: { count: draft.media.length } },
        ]);
        const report: ObserverEffect = {
          kind: 'report_violation',
          precinctCode: draft.precinctCode,
          categoryId: draft.categoryId,
          text: draft.text ?? '',
          media: draft.media,
          sentAt: draft.reportedAt ? new Date(draft.reportedAt) : message.sentAt,
        };
        return { ...menu, effects: [report] };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
