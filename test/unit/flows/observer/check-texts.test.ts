import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../src/domain/election/protocol-checks';
import { checkText } from '../../../../src/flows/observer/check-texts';

/** A ratio check that failed: the figures carry a decimal, the counts run past a thousand. */
const turnoutRatio: CheckResult = {
  ruleId: 'turnout-ratio',
  kind: 'plausibility',
  expression: 'L3 / L1 <= 0.95',
  names: { kk: 'Келу', ru: 'Явка', en: 'Turnout' },
  severity: 'warn',
  figures: { L1: 12500, L3: 12400, 'L3 / L1': 0.992 },
  left: 0.992,
  operator: '<=',
  right: 0.95,
  tolerance: 0,
  outcome: 'failed',
  passed: false,
};

describe('a check as the observer reads it', () => {
  it('writes figures ungrouped as on the form, with the language’s decimal sign', () => {
    const params = (locale: 'kk' | 'ru' | 'en') =>
      (checkText(turnoutRatio, locale) as { params: Record<string, string> }).params;
    expect(params('en')).toMatchObject({
      figures: 'L1 = 12500, L3 = 12400, L3 / L1 = 0.992',
      comparison: '0.992 > 0.95',
    });
    expect(params('ru')).toMatchObject({
      figures: 'L1 = 12500, L3 = 12400, L3 / L1 = 0,992',
      comparison: '0,992 > 0,95',
    });
    expect(params('kk')).toMatchObject({ comparison: '0,992 > 0,95' });
  });
});
