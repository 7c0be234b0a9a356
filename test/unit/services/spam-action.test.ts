import { describe, expect, it } from 'vitest';
import { statusForVerdict } from '../../../src/services/ballot-report.service';
import { loadConfig } from '../../../src/config';
import type { DauysError } from '../../../src/errors';

describe('what a spam verdict does to a report', () => {
  it('quarantines spam by default, and only queues it for review under SPAM_ACTION=review', () => {
    expect(statusForVerdict('spam', 'ok')).toBe('spam');
    expect(statusForVerdict('spam', 'ok', 'review')).toBe('pending_review');
    expect(statusForVerdict('spam', 'none', 'review')).toBe('pending_review');
  });

  it('leaves the other verdicts alone whatever the action', () => {
    for (const action of ['quarantine', 'review'] as const) {
      expect(statusForVerdict('suspicious', 'ok', action)).toBe('pending_review');
      expect(statusForVerdict('ok', 'ok', action)).toBe('confirmed');
      expect(statusForVerdict('ok', 'none', action)).toBe('no_photo');
      expect(statusForVerdict('ok', 'pending', action)).toBe('pending_review');
    }
  });

  it('reads SPAM_ACTION from the environment and refuses an unknown one, naming it', () => {
    expect(loadConfig({}).SPAM_ACTION).toBe('quarantine');
    expect(loadConfig({ SPAM_ACTION: 'review' }).SPAM_ACTION).toBe('review');
    const refused = (() => {
      try {
        loadConfig({ SPAM_ACTION: 'delete' });
      } catch (error) {
        return error as DauysError;
      }
    })();
    expect(refused?.issues.map((issue) => issue.where)).toEqual(['SPAM_ACTION']);
  });
});
