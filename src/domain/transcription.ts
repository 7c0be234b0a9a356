import { invalidInput, type InputIssue } from '../errors';

/**
 * Double-blind transcription of a protocol photo, as a pure state machine. Two moderators type
 * the figures without seeing each other's or the observer's; if they agree line for line the
 * transcription is final; if not, a third moderator (neither of the two) types the disputed
 * lines and those become final. Nobody transcribes the same protocol twice.
 */
export type TranscriptionRole = 'blind' | 'resolver';

export interface TranscriptionEntry {
  userId: number;
  role: TranscriptionRole;
  /** Figures keyed as protocols store them (`"4"`, `"6.nur-otan"`); a key left out was blank on the form. */
  figures: Record<string, number>;
}

export type TranscriptionStage = 'awaiting_first' | 'awaiting_second' | 'disputed' | 'agreed' | 'resolved';

export interface TranscriptionState {
  stage: TranscriptionStage;
  /** Who has transcribed it, in order (never offered it again). */
  transcribers: number[];
  /** Keys the two blind transcriptions differ on (blank on one side counts as a difference). */
  disputedKeys: string[];
  /** The final figures once agreed or resolved, else null. */
  final: Record<string, number> | null;
}

/** What a moderator may do with a protocol now. */
export type TranscriptionTask =
  | { kind: 'blind' }
  | { kind: 'resolve'; disputedKeys: string[] }
  | { kind: 'none'; reason: 'already_transcribed' | 'final' };

/** The largest figure accepted (as in the observer bot): no precinct has ten million of anything. */
export const MAX_TRANSCRIBED_FIGURE = 9_999_999;

/**
 * Folds the entries (in the order they were saved) into the protocol's stage.
 *
 * @example
 * transcriptionState([{ userId: 1, role: 'blind', figures: { '1': 900 } }, { userId: 2, role: 'blind', figures: { '1': 900 } }]);
 * // { stage: 'agreed', transcribers: [1, 2], disputedKeys: [], final: { '1': 900 } }
 */
export function transcriptionState(entries: readonly TranscriptionEntry[]): TranscriptionState {
  const blind = entries.filter((entry) => entry.role === 'blind');
  const resolver = entries.find((entry) => entry.role === 'resolver');
  const transcribers = entries.map((entry) => entry.userId);
  const [first, second] = blind;
  if (!first) return { stage: 'awaiting_first', transcribers, disputedKeys: [], final: null };
  if (!second) return { stage: 'awaiting_second', transcribers, disputedKeys: [], final: null };
  const disputedKeys = differingKeys(first.figures, second.figures);
  if (disputedKeys.length === 0) {
    return { stage: 'agreed', transcribers, disputedKeys, final: { ...first.figures } };
  }
  if (!resolver) return { stage: 'disputed', transcribers, disputedKeys, final: null };
  const final: Record<string, number> = {};
  for (const [key, value] of Object.entries(first.figures)) {
    if (!disputedKeys.includes(key)) final[key] = value;
  }
  for (const key of disputedKeys) {
    const value = resolver.figures[key];
    if (value !== undefined) final[key] = value;
  }
  return { stage: 'resolved', transcribers, disputedKeys, final: sortFigures(final) };
}

/**
 * What `userId` may do: a blind transcription while fewer than two exist, resolving a dispute,
 * or nothing (they already typed this protocol, or it is final).
 *
 * @example
 * nextTask(transcriptionState([{ userId: 1, role: 'blind', figures: {} }]), 1); // { kind: 'none', reason: 'already_transcribed' }
 */
export function nextTask(state: TranscriptionState, userId: number): TranscriptionTask {
  if (state.stage === 'agreed' || state.stage === 'resolved') return { kind: 'none', reason: 'final' };
  if (state.transcribers.includes(userId)) return { kind: 'none', reason: 'already_transcribed' };
  if (state.stage === 'disputed') return { kind: 'resolve', disputedKeys: state.disputedKeys };
  return { kind: 'blind' };
}

/**
 * Checks a submission against the task the moderator may do and the form's keys; returns the
 * entry to store. Every problem names its key; nothing is stored on an error.
 *
 * @example
 * acceptSubmission(state, 7, { '1': 900 }, ['1', '2']); // { userId: 7, role: 'blind', figures: { '1': 900 } }
 */
export function acceptSubmission(
  state: TranscriptionState,
  userId: number,
  figures: Record<string, unknown>,
  formKeys: readonly string[],
): TranscriptionEntry {
  const task = nextTask(state, userId);
  if (task.kind === 'none') {
    throw invalidInput(
      task.reason === 'final'
        ? 'this protocol is already transcribed'
        : 'you already transcribed this protocol; another moderator must do the next step',
      [{ where: 'protocol', message: task.reason }],
    );
  }
  const allowed = task.kind === 'resolve' ? task.disputedKeys : formKeys;
  const issues: InputIssue[] = [];
  const clean: Record<string, number> = {};
  for (const [key, value] of Object.entries(figures)) {
    if (!allowed.includes(key)) {
      issues.push({
        where: `figures.${key}`,
        message: task.kind === 'resolve' ? 'not a disputed line' : 'not a line of this form',
      });
    } else if (
      !Number.isInteger(value) ||
      (value as number) < 0 ||
      (value as number) > MAX_TRANSCRIBED_FIGURE
    ) {
      issues.push({
        where: `figures.${key}`,
        message: `must be a whole number from 0 to ${MAX_TRANSCRIBED_FIGURE}`,
      });
    } else {
      clean[key] = value as number;
    }
  }
  if (task.kind === 'resolve') {
    for (const key of task.disputedKeys) {
      if (!(key in figures))
        issues.push({ where: `figures.${key}`, message: 'a disputed line needs a figure' });
    }
  }
  if (issues.length > 0) throw invalidInput('invalid transcription', issues);
  return { userId, role: task.kind === 'resolve' ? 'resolver' : 'blind', figures: sortFigures(clean) };
}

/** One line where the final transcription and the observer's typed figure differ. */
export interface FigureDifference {
  key: string;
  transcribed: number | null;
  observer: number | null;
}

/**
 * Lines where the observer typed something other than what the photo shows (per the final
 * transcription); blank on one side and not the other counts.
 *
 * @example
 * compareWithObserver({ '1': 900, '7': 5 }, { '1': 900, '7': 50 }); // [{ key: '7', transcribed: 5, observer: 50 }]
 */
export function compareWithObserver(
  final: Record<string, number>,
  observer: Record<string, number>,
): FigureDifference[] {
  return differingKeys(final, observer).map((key) => ({
    key,
    transcribed: final[key] ?? null,
    observer: observer[key] ?? null,
  }));
}

function differingKeys(a: Record<string, number>, b: Record<string, number>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => a[key] !== b[key]).sort(compareFigureKeys);
}

/** Form order: line number, then the choice id (`"6.adal"` after `"6"`, before `"7"`). */
export function compareFigureKeys(a: string, b: string): number {
  const lineA = Number.parseInt(a, 10);
  const lineB = Number.parseInt(b, 10);
  return lineA !== lineB ? lineA - lineB : a.localeCompare(b);
}

function sortFigures(figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).sort(([a], [b]) => compareFigureKeys(a, b)));
}
