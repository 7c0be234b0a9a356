import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../src/domain/locale';
import type { BotMessageKey } from '../../../src/flows/messages';
import { translate } from '../../../src/i18n/index';
import { smsSegments } from '../../../src/shared/sms-segments';
import { demoElection } from '../domain/demo-election';

/**
 * What every compact (SMS) reply costs, rendered with the longest realistic parameters from
 * the demo election: a four-digit precinct, the longest short name or category, the reasons of
 * a protocol that fails two ratios and lacks its pages. Budget: one GSM-7 segment in English,
 * two UCS-2 segments in Kazakh and Russian.
 */
const election = demoElection();
const longest = (values: string[]) => values.reduce((a, b) => (b.length > a.length ? b : a), '');
const choice = (locale: Locale) =>
  longest([
    ...election.choices.map((c) => c.shortNames?.[locale] ?? c.names[locale]),
    ...election.voterOnlyChoices.map((c) => c.names[locale]),
  ]);
const category = (locale: Locale) => longest(election.violationCategories.map((c) => c.names[locale]));

const SMS_REPLIES: Record<string, (locale: Locale) => Record<string, string | number>> = {
  'voter.sms_no_precinct': () => ({}),
  'voter.sms_no_choice': () => ({}),
  'voter.sms_unknown_precinct': () => ({ number: '1234' }),
  'voter.sms_ambiguous_precinct': () => ({ number: '1234', count: 17 }),
  'voter.sms_unknown_choice': () => ({ choice: 'Nur Otan Partiyasy 20', count: 6 }),
  'voter.sms_vote_recorded': (locale) => ({ number: '1234', choice: choice(locale), position: 6 }),
  'voter.sms_vote_changed': (locale) => ({ number: '1234', choice: choice(locale), position: 6 }),
  'voter.vote_not_accepted': () => ({}),
  'observer.sms_protocol_format': () => ({}),
  // The flow quotes at most 40 characters of what it did not understand.
  'observer.sms_figures_not_understood': () => ({ tokens: 'L9=4 L6=5 L1.2=5 L6.nobody=7 abc 12.5 x' }),
  'observer.sms_not_your_precinct': () => ({ number: '1234' }),
  'observer.sms_ambiguous_precinct': () => ({ number: '1234' }),
  'observer.sms_too_many_figures': () => ({ given: 12, expected: 11 }),
  'observer.sms_protocol_partial': () => ({ number: '1234', count: 7, lines: '6, 7, 8' }),
  'observer.sms_protocol_accepted': () => ({ number: '1234' }),
  'observer.sms_protocol_rejected': () => ({
    number: '1234',
    reasons: 'pages_missing 0/2; ballots-balance 1000!=900',
  }),
  'observer.sms_protocol_review': () => ({ number: '1234', reasons: 'pages_missing 0/2' }),
  'observer.sms_violation_format': () => ({}),
  'observer.sms_violation_received': (locale) => ({ number: '1234', category: category(locale) }),
  'observer.sms_sos_sent': () => ({}),
};

const BUDGET: Record<Locale, { encoding: 'GSM-7' | 'UCS-2'; segments: number }> = {
  en: { encoding: 'GSM-7', segments: 1 },
  ru: { encoding: 'UCS-2', segments: 2 },
  kk: { encoding: 'UCS-2', segments: 2 },
};

describe('SMS replies fit their budget', () => {
  const rows: string[] = [];
  const cases: Array<[string, Locale, string]> = [];
  for (const [key, params] of Object.entries(SMS_REPLIES))
    for (const locale of LOCALES)
      cases.push([key, locale, translate(locale, { key: key as BotMessageKey, params: params(locale) })]);

  it.each(cases)('%s (%s)', (key, locale, rendered) => {
    const cost = smsSegments(rendered);
    rows.push(
      `${key.padEnd(46)} ${locale}  ${cost.encoding}  ${cost.units} units  ${cost.segments} segment(s)`,
    );
    if (BUDGET[locale].encoding === 'GSM-7') expect(cost.encoding).toBe('GSM-7');
    expect(cost.segments).toBeLessThanOrEqual(BUDGET[locale].segments);
  });

  it('prints the table', () => {
    console.log(`SMS reply costs (key, locale, encoding, units, segments):\n${rows.join('\n')}`);
    expect(rows).toHaveLength(cases.length);
  });
});
