import { describe, expect, it } from 'vitest';
import { countedFigures, mergeProtocols } from '../../../src/services/protocol-merge';
import { parseFigure, toProtocolFigures } from '../../../src/flows/observer/protocol-figures';

describe('mergeProtocols', () => {
  it('takes lines the observers agree on and lines only one of them filled in', () => {
    const merged = mergeProtocols([
      { id: 1, figures: { '1': 1000, '5': 600, '6.adal': 90 } },
      { id: 2, figures: { '1': 1000, '6.adal': 90 } },
    ]);
    expect(merged).toEqual({
      status: 'accepted',
      figures: { '1': 1000, '5': 600, '6.adal': 90 },
      conflicts: [],
    });
    expect(countedFigures(merged)).toEqual(merged.figures);
  });

  it('turns a disagreement into a conflict with every value, and counts nothing for the precinct', () => {
    const merged = mergeProtocols([
      { id: 1, figures: { '1': 1000, '7': 5 } },
      { id: 2, figures: { '1': 1000, '7': 6 } },
    ]);
    expect(merged.status).toBe('conflict');
    expect(merged.conflicts).toEqual([
      {
        key: '7',
        values: [
          { protocolId: 1, value: 5 },
          { protocolId: 2, value: 6 },
        ],
      },
    ]);
    expect(merged.figures).toEqual({ '1': 1000 });
    expect(countedFigures(merged)).toEqual({});
  });

  it('has nothing to merge without accepted protocols', () => {
    expect(mergeProtocols([]).status).toBe('none');
  });
});

describe('figures as typed', () => {
  it('accepts digits grouped by spaces and nothing else', () => {
    expect(parseFigure(' 1 250 ')).toEqual({ ok: true, value: 1250 });
    expect(parseFigure('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['12.5', '-3', '+3', '1,5', 'сто', '', '1e3']) expect(parseFigure(bad).ok).toBe(false);
    expect(parseFigure('10000000')).toEqual({ ok: false, problem: 'out_of_range' });
  });

  it('turns flat keys into the shape checkProtocol reads', () => {
    expect(toProtocolFigures({ '1': 1000, '6.adal': 90, '6.auyl': 60 })).toEqual({
      lines: { 1: 1000 },
      choiceLines: { 6: { adal: 90, auyl: 60 } },
    });
  });
});
