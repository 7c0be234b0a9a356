import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';
import { locatePrecinctNumber, locateRows } from '../../../src/media/ocr/locate-rows';
import type { OcrLine } from '../../../src/media/ocr/ocr-engine';
import { DEMO_ELECTION_FILE } from '../../support/tiny-election';

const election = parseElectionDefinition(JSON.parse(fs.readFileSync(DEMO_ELECTION_FILE, 'utf8')));

function line(text: string, y: number): OcrLine {
  return {
    text,
    confidence: 90,
    bbox: { x0: 70, y0: y - 20, x1: 800, y1: y + 5 },
    baseline: { x0: 70, y0: y, x1: 1600, y1: y + 10 },
  };
}

describe('locateRows', () => {
  it('finds numbered lines and, after a per-choice line, the choices by their (misread) names', () => {
    const rows = locateRows(
      [
        line('Протокол участковой избирательной комиссии', 60),
        line('Участок № 101', 120),
        line('1. Общее число избирателей', 190),
        line('4, Число избирателей, принявших участие', 330),
        line('6. Число голосов, поданных за каждую политическую партию', 420),
        line('Партия «Миг Оғап»', 515),
        line('Политическая партия «Ада!»', 560),
        line('7. Число бюллетеней, признанных недействительными', 700),
        line('Партия «Nur Otan»', 745),
      ],
      election,
    );
    // "Nur Otan" after line 7 is not a line-6 row; the misread one before it is.
    expect(rows.map((row) => [row.key, row.line.baseline.y0])).toEqual([
      ['1', 190],
      ['4', 330],
      ['6.nur-otan', 515],
      ['6.adal', 560],
      ['7', 700],
    ]);
  });

  it('ignores numbers that are not lines of the form', () => {
    expect(locateRows([line('12. Подпись председателя', 100)], election)).toEqual([]);
  });

  it('reads the precinct number from the heading in Russian or Kazakh', () => {
    expect(locatePrecinctNumber([line('Учаске № 245', 100)])).toEqual({ value: '245', confidence: 90 });
    expect(locatePrecinctNumber([line('Учаске Мг 462', 100)])).toEqual({ value: '462', confidence: 90 });
    expect(locatePrecinctNumber([line('Участок 17', 100)])).toEqual({ value: '17', confidence: 90 });
    expect(locatePrecinctNumber([line('Без номера', 100)])).toBeNull();
    expect(locatePrecinctNumber([line('Участковая комиссия 12', 100)])).toBeNull();
  });
});
