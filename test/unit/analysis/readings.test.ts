import { describe, expect, it } from 'vitest';
import { digitTestsReading, talliesReading } from '../../../src/analysis/readings';

describe('readings name things in the reader’s language', () => {
  it('names the tally source, not its id', () => {
    const official = talliesReading('official', 65_648_690, false);
    expect(official.ru).toBe('По источнику «официальный итог» учтено 65\u00a0648\u00a0690 бюллетеней.');
    expect(official.kk).toContain('«ресми нәтиже»');
    expect(official.en).toBe('"official result" counts 65,648,690 ballots.');
    const voters = talliesReading('voters', 120, true);
    expect(voters.en).toMatch(/^"voters’ own tally" is a self-selected sample of 120 people/);
    expect(talliesReading('somewhere-else', 1, false).en).toContain('"somewhere-else"');
  });

  it('names the departing digit statistics, each after its choice id', () => {
    const flagged = [
      { choice: 'united-russia', statistic: 'secondDigitMean' },
      { choice: 'united-russia', statistic: 'zeroFiveShare' },
      { choice: 'party-1', statistic: 'lastDigitMean' },
    ];
    const text = digitTestsReading(flagged);
    expect(text.en).toContain(
      '(united-russia: second-digit mean, united-russia: share of 0s and 5s, party-1: last-digit mean)',
    );
    expect(text.ru).toContain(
      'united-russia: среднее второй цифры, united-russia: доля нулей и пятёрок, party-1: среднее последней цифры',
    );
    expect(text.kk).toContain('party-1: соңғы цифр орташасы');
    expect(digitTestsReading([]).ru).toBe('Цифровые тесты согласуются с ожидаемым.');
  });
});
