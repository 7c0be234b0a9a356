import { describe, expect, it } from 'vitest';
import { readingWithNames } from '../../../web/dashboard/analysis/reading-names';

const NAMES = { tihanovkaja: 'Святлана Ціханоўская', against: 'Против всех', cherechen: 'Черечень' };

describe('readingWithNames', () => {
  it('replaces quoted choice ids in every quoting style', () => {
    expect(readingWithNames('At 425 stations more ballots for "tihanovkaja" were photographed', NAMES)).toBe(
      'At 425 stations more ballots for "Святлана Ціханоўская" were photographed',
    );
    expect(readingWithNames('за «tihanovkaja» больше', NAMES)).toBe('за «Святлана Ціханоўская» больше');
  });

  it('replaces ids listed before a colon but leaves the same word in running text', () => {
    expect(
      readingWithNames(
        'Digit tests depart (cherechen: zeroFiveShare, against: lastDigitMean): votes against',
        NAMES,
      ),
    ).toBe('Digit tests depart (Черечень: zeroFiveShare, Против всех: lastDigitMean): votes against');
  });

  it('leaves a reading without choice ids unchanged', () => {
    expect(readingWithNames('No turnout difference (95%: −1.4 to 4.0 points).', NAMES)).toBe(
      'No turnout difference (95%: −1.4 to 4.0 points).',
    );
  });
});
