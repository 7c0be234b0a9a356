import type { ElectionDefinition } from '../../domain/election/election-definition';
import type { Locale, LocalizedText } from '../../domain/locale';
import type { MediaRef } from '../messages';

/**
 * Where an observer is in the conversation. Saved as JSON between messages, so it holds only
 * plain data; the election, the observer's precincts and any invite come in the context.
 */
export type ObserverStage =
  | 'menu'
  | 'choose_language'
  | 'protocol_precinct'
  | 'protocol_pages'
  | 'protocol_figure'
  | 'protocol_summary'
  | 'protocol_correct'
  | 'protocol_result'
  | 'violation_precinct'
  | 'violation_category'
  | 'violation_text'
  | 'violation_media'
  | 'sos_raised';

/**
 * A protocol being typed in. Figures are keyed like official results: `"1"` for a line,
 * `"6.nur-otan"` for a choice's figure on a per-choice line.
 */
export interface ProtocolDraft {
  precinctCode: string;
  pages: MediaRef[];
  figures: Record<string, number>;
  /** Optional lines the observer said are not on their copy. */
  skipped: string[];
  /** Figure keys still to ask, in form order; empty → the summary. */
  queue: string[];
}

export interface ViolationDraft {
  precinctCode?: string;
  categoryId?: string;
  text?: string;
  /** ISO time of the description message: when the observer reported it. */
  reportedAt?: string;
  media: Array<{ kind: 'photo' | 'video'; media: MediaRef }>;
}

export interface ObserverState {
  version: 1;
  stage: ObserverStage;
  locale?: Locale;
  protocol?: ProtocolDraft;
  violation?: ViolationDraft;
  /** Where `/language` and the SOS screen return to. */
  resumeStage?: ObserverStage;
}

/** A precinct the observer is assigned to, as the flow shows it. */
export interface ObserverPrecinct {
  code: string;
  number: string | null;
  names: LocalizedText;
}

/**
 * What the service looked up for a `/start <code>` before running the flow: the flow stays
 * pure and the reply can still say whether the code was good.
 */
export type InviteLookup =
  | {
      status: 'valid';
      inviteId: number;
      electionSlug: string;
      electionNames: LocalizedText;
      precincts: ObserverPrecinct[];
    }
  | { status: 'invalid' };

export interface ObserverContext {
  /** The observer's election; absent while the participant is not bound by an invite. */
  election?: ElectionDefinition;
  /** The bound observer's precincts; absent = not an observer (yet). */
  precincts?: ObserverPrecinct[];
  /** Present when the message is `/start <code>`. */
  invite?: InviteLookup;
  /** Rows per page in precinct and category lists (default 8). */
  pageSize?: number;
}

export type SosKind = 'pressure' | 'detention' | 'violence';

export type ObserverEffect =
  | { kind: 'redeem_invite'; inviteId: number }
  | {
      kind: 'submit_protocol';
      precinctCode: string;
      figures: Record<string, number>;
      pages: MediaRef[];
      sentAt: Date;
      /** Typed over a text-only channel (SMS): checked without pages. */
      figuresOnly?: true;
    }
  | {
      kind: 'report_violation';
      precinctCode: string;
      categoryId: string;
      text: string;
      media: Array<{ kind: 'photo' | 'video'; media: MediaRef }>;
      sentAt: Date;
    }
  | { kind: 'raise_sos'; precinctCode?: string; sentAt: Date }
  | { kind: 'describe_sos'; sosKind: SosKind };

export function initialObserverState(): ObserverState {
  return { version: 1, stage: 'menu' };
}
