import { describe, expect, it } from 'vitest';
import { parseCompactObserver } from '../../../src/flows/compact/compact-observer';
import { parseCompactVote, resolveChoice } from '../../../src/flows/compact/compact-vote';
import { foldLookalikes, nameKey } from '../../../src/flows/compact/fold-text';

const vote = (precinct: string, choice: number) => ({
  ok: true,
  vote: { precinct: { number: precinct }, choice: { position: choice } },
});

describe('folding look-alikes', () => {
  it('maps every Cyrillic capital that looks Latin to the Latin letter, in either case', () => {
    expect(foldLookalikes('АВСЕНКМОРТХ авсенкмортх')).toBe('ABCEHKMOPTX ABCEHKMOPTX');
    expect(foldLookalikes('Г Д П Ұ Қ')).toBe('Г Д П Ұ Қ');
  });

  it('reduces names to letters and digits, so quotes and hyphens do not matter', () => {
    // Cyrillic «А», «К», «О» typed on one keyboard, Latin on the other: the same key.
    expect(nameKey('«Ак жол»')).toBe(nameKey('AK-жOл'));
    expect(nameKey('Nur Otan')).toBe('NUROTAN');
  });
});

describe('parseCompactVote', () => {
  it.each([
    ['V 190 2', 'en'],
    ['v190,2', 'en'],
    ['V-190-2', 'en'],
    ['  vote: 190 ; 2 . ', 'en'],
    ['V №190 2', 'en'],
    ['V #190 2', 'en'],
    ['V 0190 2', 'en'],
    ['Г 190 2', 'ru'],
    ['г190 2', 'ru'],
    ['Голос 190 2', 'ru'],
    ['голос-190-2', 'ru'],
    ['Д 190 2', 'kk'],
    ['д.190.2', 'kk'],
    ['Дауыс 190 2', 'kk'],
    ['ДАУЫС 190, 2', 'kk'],
    ['в 190 2', 'ru'],
    ['В190/2'.replace('/', ' '), 'ru'],
  ])('%j is precinct 190, choice 2 (%s)', (typed, locale) => {
    expect(parseCompactVote(typed)).toEqual({ ...vote('190', 2), localeHint: locale });
  });

  it('reads a Latin B as the Cyrillic В it looks like, without guessing a language', () => {
    expect(parseCompactVote('B 190 2')).toEqual(vote('190', 2));
  });

  it('reads a region-qualified precinct', () => {
    expect(parseCompactVote('V 15/190 2')).toMatchObject({
      ok: true,
      vote: { precinct: { number: '190', region: '15' } },
    });
  });

  it('keeps a choice typed as a name, reduced for matching', () => {
    expect(parseCompactVote('V 190 Ak Zhol')).toMatchObject({
      ok: true,
      vote: { choice: { name: 'AKZHOL', typed: 'Ak Zhol' } },
    });
    expect(parseCompactVote('Г 190 «НПК»')).toMatchObject({
      ok: true,
      vote: { choice: { name: nameKey('НПК') } },
    });
  });

  it.each([
    ['V', 'missing_precinct'],
    ['V abc 2', 'missing_precinct'],
    ['Д 190', 'missing_choice'],
    ['Д 190 ...', 'missing_choice'],
    ['V 12345678 2', 'missing_precinct'],
  ])('%j is a vote not understood: %s', (typed, problem) => {
    expect(parseCompactVote(typed)).toMatchObject({ ok: false, problem });
  });

  it.each(['hello', 'Да', 'Vasya 190 2', 'в каком участке голосовать?', '190 2', '', 'Голосую 190 2'])(
    '%j is not a compact vote at all',
    (typed) => {
      expect(parseCompactVote(typed)).toBeUndefined();
    },
  );
});

describe('resolveChoice', () => {
  const choices = [
    { id: 'ak-zhol', names: { kk: 'Ақ жол', ru: 'Ак жол', en: 'Ak Zhol' } },
    {
      id: 'peoples-party',
      names: { kk: 'Қазақстан Халық партиясы', ru: 'Народная партия Казахстана', en: "People's Party" },
      shortNames: { kk: 'ҚХП', ru: 'НПК', en: 'PPK' },
    },
    { id: 'against-all', names: { kk: 'Барлығына қарсы', ru: 'Против всех', en: 'Against all' } },
  ];
  const named = (typed: string) => ({ name: nameKey(typed), typed });

  it('finds a choice by ballot position, voter-only choices last', () => {
    expect(resolveChoice(choices, { position: 1 })?.id).toBe('ak-zhol');
    expect(resolveChoice(choices, { position: 3 })?.id).toBe('against-all');
    expect(resolveChoice(choices, { position: 4 })).toBeUndefined();
    expect(resolveChoice(choices, { position: 0 })).toBeUndefined();
  });

  it('finds a choice by id, short name or name in any language and any keyboard', () => {
    expect(resolveChoice(choices, named('ak zhol'))?.id).toBe('ak-zhol');
    expect(resolveChoice(choices, named('АК ЖОЛ'))?.id).toBe('ak-zhol');
    expect(resolveChoice(choices, named('нпк'))?.id).toBe('peoples-party');
    expect(resolveChoice(choices, named('ppk'))?.id).toBe('peoples-party');
    expect(resolveChoice(choices, named('против всех'))?.id).toBe('against-all');
    expect(resolveChoice(choices, named('nobody'))).toBeUndefined();
  });
});

describe('parseCompactObserver', () => {
  it('reads named lines, per-choice lines and positional figures', () => {
    expect(parseCompactObserver('P 190 L1=1234 l2 = 1200, 6.2=300; L6.adal:90 1000 7')).toEqual({
      kind: 'protocol',
      precinct: { number: '190' },
      named: [
        { line: 1, value: 1234, typed: 'L1=1234' },
        { line: 2, value: 1200, typed: 'L2=1200' },
        { line: 6, choice: { position: 2 }, value: 300, typed: '6.2=300' },
        { line: 6, choice: { name: 'ADAL' }, value: 90, typed: 'L6.ADAL=90' },
      ],
      positional: [1000, 7],
      bad: [],
    });
  });

  it.each(['P 190 1 2', 'Р 190 1 2', 'п 190 1 2', 'Протокол 190 1 2', 'хаттама 190 1 2', 'PROTOCOL 190 1 2'])(
    '%j is a protocol of precinct 190',
    (typed) => {
      expect(parseCompactObserver(typed)).toMatchObject({
        kind: 'protocol',
        precinct: { number: '190' },
        positional: [1, 2],
      });
    },
  );

  it('quotes back what is neither a figure nor line=figure', () => {
    expect(parseCompactObserver('P 190 L1=12.5 abc 99999999 L3=')).toMatchObject({
      bad: ['L1=12.5', 'ABC', '99999999', 'L3='],
    });
  });

  it('keeps a violation text as typed, with an optional category number', () => {
    expect(parseCompactObserver('N 190 Наблюдателя не пустили')).toEqual({
      kind: 'violation',
      precinct: { number: '190' },
      text: 'Наблюдателя не пустили',
    });
    expect(parseCompactObserver('н-190 #3 Carousel at the door')).toEqual({
      kind: 'violation',
      precinct: { number: '190' },
      categoryNumber: 3,
      text: 'Carousel at the door',
    });
    expect(parseCompactObserver('Б 190: Бақылаушыны кіргізбеді')).toMatchObject({
      kind: 'violation',
      text: 'Бақылаушыны кіргізбеді',
    });
  });

  it('reads SOS with or without a precinct and words', () => {
    expect(parseCompactObserver('SOS 190 police took my phone')).toEqual({
      kind: 'sos',
      precinct: { number: '190' },
      text: 'police took my phone',
    });
    expect(parseCompactObserver('сос: давят')).toEqual({ kind: 'sos', text: 'давят' });
  });

  it.each(['hello', 'Привет', 'Наблюдаю', 'Павлодар', 'Sosna 1', '1234'])('%j is not compact', (typed) => {
    expect(parseCompactObserver(typed)).toBeUndefined();
  });
});
