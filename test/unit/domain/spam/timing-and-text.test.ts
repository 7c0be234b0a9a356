import { describe, expect, it } from 'vitest';
import { findTextSpam } from '../../../../src/domain/spam/text-signals';
import { timingFingerprint } from '../../../../src/domain/spam/timing-fingerprint';

const T0 = Date.parse('2021-01-10T09:00:00Z');
const at = (...seconds: number[]) => seconds.map((s) => T0 + s * 1000);

describe('timingFingerprint', () => {
  it('gives one script the same fingerprint whenever it starts, at one-second resolution', () => {
    const first = timingFingerprint(at(0, 2, 4, 9, 11, 15));
    expect(first).toBe('2|2|5|2|4');
    expect(timingFingerprint(at(3600, 3602.2, 3604, 3609, 3611.4, 3615))).toBe(first);
  });

  it('gives nothing for conversations too short to tell people apart', () => {
    expect(timingFingerprint(at(0, 3, 9, 12))).toBeNull();
  });
});

describe('findTextSpam', () => {
  it('finds links and @handles', () => {
    const found = findTextSpam([
      'Голосуйте тут: t.me/dauys_kz_b0t',
      'see https://example.org/x and @dauys_real_bot',
      'fake.kz',
    ]);
    expect(found.links).toEqual(['t.me/dauys_kz_b0t', 'https://example.org/x', 'fake.kz']);
    expect(found.mentions).toEqual(['@dauys_real_bot']);
  });

  it('leaves what voters type alone: places, numbers, party names, e-mail-less text', () => {
    const found = findTextSpam(['Алматы', 'учаскe 101', 'Nur Otan', 'Ак жол!', '12.5', 'г. Шымкент']);
    expect(found).toEqual({ links: [], mentions: [] });
  });
});
