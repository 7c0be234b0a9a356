import { describe, expect, it } from 'vitest';
import { DauysError } from '../../../src/errors';
import {
  acceptSubmission,
  compareWithObserver,
  nextTask,
  transcriptionState,
  type TranscriptionEntry,
} from '../../../src/domain/transcription';

const FORM = ['1', '2', '6.a', '6.b', '7'];
const figures = { '1': 1000, '2': 900, '6.a': 500, '6.b': 300, '7': 10 };

function submit(
  entries: TranscriptionEntry[],
  userId: number,
  typed: Record<string, unknown>,
): TranscriptionEntry[] {
  return [...entries, acceptSubmission(transcriptionState(entries), userId, typed, FORM)];
}

describe('double-blind transcription', () => {
  it('makes two agreeing blind transcriptions final', () => {
    const entries = submit(submit([], 1, figures), 2, { ...figures });
    const state = transcriptionState(entries);
    expect(state.stage).toBe('agreed');
    expect(state.final).toEqual(figures);
    expect(nextTask(state, 3)).toEqual({ kind: 'none', reason: 'final' });
  });

  it('never lets the same moderator transcribe a protocol twice', () => {
    const entries = submit([], 1, figures);
    expect(transcriptionState(entries).stage).toBe('awaiting_second');
    expect(nextTask(transcriptionState(entries), 1)).toEqual({ kind: 'none', reason: 'already_transcribed' });
    expect(() => submit(entries, 1, figures)).toThrow(/already transcribed/);
  });

  it('sends a disagreement to a third moderator, who types only the disputed lines', () => {
    const entries = submit(submit([], 1, figures), 2, { ...figures, '6.b': 30, '7': 10 });
    const disputed = transcriptionState(entries);
    expect(disputed).toMatchObject({ stage: 'disputed', disputedKeys: ['6.b'], final: null });
    // Neither of the two may resolve their own disagreement.
    expect(nextTask(disputed, 1).kind).toBe('none');
    expect(nextTask(disputed, 2).kind).toBe('none');
    expect(nextTask(disputed, 3)).toEqual({ kind: 'resolve', disputedKeys: ['6.b'] });
    expect(() => submit(entries, 3, { '6.b': 300, '1': 5 })).toThrow(DauysError);
    expect(() => submit(entries, 3, {})).toThrow(/invalid transcription/);

    const resolved = transcriptionState(submit(entries, 3, { '6.b': 300 }));
    expect(resolved.stage).toBe('resolved');
    expect(resolved.final).toEqual(figures);
  });

  it('counts a line blank on one side as a disagreement', () => {
    const { '7': _omitted, ...withoutSeven } = figures;
    const state = transcriptionState(submit(submit([], 1, figures), 2, withoutSeven));
    expect(state.disputedKeys).toEqual(['7']);
  });

  it('refuses figures that are not whole numbers in range, or lines not on the form, naming each', () => {
    try {
      acceptSubmission(transcriptionState([]), 1, { '1': -1, '2': 1.5, '9': 3, '7': '10' }, FORM);
      expect.unreachable();
    } catch (error) {
      expect((error as DauysError).issues.map((issue) => issue.where).sort()).toEqual([
        'figures.1',
        'figures.2',
        'figures.7',
        'figures.9',
      ]);
    }
  });
});

describe('compareWithObserver', () => {
  it('flags every line the observer typed differently, blanks included', () => {
    expect(compareWithObserver(figures, { ...figures, '2': 990, '7': undefined as never })).toEqual([
      { key: '2', transcribed: 900, observer: 990 },
      { key: '7', transcribed: 10, observer: null },
    ]);
    expect(compareWithObserver(figures, { ...figures })).toEqual([]);
  });
});
