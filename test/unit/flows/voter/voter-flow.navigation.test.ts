import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton, fitsButtonData } from '../../../../src/flows/voter/button-data';
import { Conversation, command, makeContext, press, text } from './voter-fixtures';

function atDistrictN1(pageSize?: number) {
  const chat = new Conversation(makeContext(pageSize ? { pageSize } : {}));
  chat.send(command('start'));
  chat.send(press('l:en'));
  chat.send(press('go'));
  chat.send(press('a:N'));
  chat.send(press('a:N-1'));
  return chat;
}

describe('long lists', () => {
  it('shows sixteen precincts a page by default', () => {
    const chat = atDistrictN1();
    expect(chat.buttonData.filter((d) => d.startsWith('a:'))).toHaveLength(16);
    expect(chat.panel.text[1]).toEqual({ key: 'voter.page', params: { page: 1, pages: 2 } });
  });

  it('pages 20 precincts eight at a time, two to a row, with a page indicator', () => {
    const chat = atDistrictN1(8);
    expect(chat.keys).toEqual(['voter.choose_precinct', 'voter.page', 'voter.type_precinct_number']);
    expect(chat.panel.text[1]).toEqual({ key: 'voter.page', params: { page: 1, pages: 3 } });
    expect(chat.panel.buttons?.[0]?.map((b) => b.data)).toEqual(['a:N-1-1', 'a:N-1-2']);
    expect(chat.buttonData.slice(-2)).toEqual(['pg:1', 'bk']);

    chat.send(press('pg:2'));
    expect(chat.buttonData).toEqual(['a:N-1-17', 'a:N-1-18', 'a:N-1-19', 'a:N-1-20', 'pg:1', 'bk']);
    chat.send(press('pg:1'));
    expect(chat.buttonData).toContain('pg:0');
    expect(chat.buttonData).toContain('pg:2');
  });

  it('clamps a page beyond the end to the last page', () => {
    const chat = atDistrictN1(8);
    chat.send(press('pg:99'));
    expect(chat.panel.text[1]).toEqual({ key: 'voter.page', params: { page: 3, pages: 3 } });
  });

  it('goes back up one level at a time', () => {
    const chat = atDistrictN1();
    chat.send(press('bk'));
    expect(chat.buttonData).toEqual(['a:N-1', 'bk']);
    chat.send(press('bk'));
    expect(chat.buttonData).toEqual(['a:N', 'a:S']);
    expect(chat.state?.draft.areaCode).toBeUndefined();
  });

  it('returns from the choice to the precinct list', () => {
    const chat = atDistrictN1();
    chat.send(press('a:N-1-9'));
    chat.send(press('bk'));
    expect(chat.state).toMatchObject({ stage: 'choose_area', draft: { areaCode: 'N-1' } });
    expect(chat.state?.draft.precinctCode).toBeUndefined();
  });
});

describe('typed precinct numbers', () => {
  it('finds a precinct by number within the chosen district, leading zeros and "№" aside', () => {
    const chat = atDistrictN1();
    chat.send(text('№ 012'));
    expect(chat.state).toMatchObject({ stage: 'choose_choice', draft: { precinctCode: 'N-1-12' } });
  });

  it('finds a precinct typed at the top level when the number is unique', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    chat.send(press('l:ru'));
    chat.send(press('go'));
    chat.send(text('20'));
    expect(chat.state?.draft.precinctCode).toBe('N-1-20');
  });

  it('asks for the district when the number is not unique in the region', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    chat.send(press('l:kk'));
    chat.send(press('go'));
    chat.send(press('a:S'));
    const before = structuredClone(chat.state);
    chat.send(text('7'));
    expect(chat.state).toEqual(before);
    expect(chat.panel.text[0]).toEqual({ key: 'voter.precinct_number_ambiguous', params: { number: '7' } });
    chat.send(press('a:S-2'));
    chat.send(text('7'));
    expect(chat.state?.draft.precinctCode).toBe('S-2-7');
  });

  it('asks for the region, not the district, when a number is not unique and the list shows regions', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    chat.send(press('l:en'));
    chat.send(press('go'));
    chat.send(text('7'));
    expect(chat.state?.draft.areaCode).toBeUndefined();
    expect(chat.keys.slice(0, 2)).toEqual(['voter.precinct_number_ambiguous_region', 'voter.choose_region']);
    expect(chat.buttonData).toEqual(['a:N', 'a:S']);
  });

  it('takes a number from elsewhere when it exists nowhere in the area but once in the election', () => {
    const chat = atDistrictN1();
    chat.send(text('8'));
    expect(chat.state?.draft.precinctCode).toBe('N-1-8');
    chat.send(press('bk'));
    chat.send(press('bk'));
    chat.send(press('bk'));
    chat.send(press('a:S'));
    chat.send(press('a:S-1'));
    chat.send(text('15'));
    expect(chat.state?.draft.precinctCode).toBe('N-1-15');
  });

  it('names the area when a number does not exist there, and keeps the step', () => {
    const chat = atDistrictN1();
    const before = structuredClone(chat.state);
    chat.send(text('404'));
    expect(chat.state).toEqual(before);
    expect(chat.panel.text[0]).toEqual({
      key: 'voter.precinct_number_unknown',
      params: { number: '404', area: 'N-1' },
    });
    expect(chat.panel.replacePanel).toBeUndefined();
  });
});

describe('button data', () => {
  it('round-trips every button and stays within 64 bytes', () => {
    const buttons = [
      { kind: 'language', locale: 'kk' },
      { kind: 'continue' },
      { kind: 'area', code: 'KZ-ALA-0001' },
      { kind: 'area_index', index: 12 },
      { kind: 'page', page: 3 },
      { kind: 'back' },
      { kind: 'choice', id: 'nur-otan' },
      { kind: 'no_photo' },
      { kind: 'confirm' },
      { kind: 'correct' },
      { kind: 'correct_part', part: 'photo' },
      { kind: 'change_vote' },
      { kind: 'delete', confirmed: false },
    ] as const;
    for (const button of buttons) {
      const data = encodeButton(button);
      expect(fitsButtonData(data)).toBe(true);
      expect(decodeButton(data)).toEqual(button);
    }
  });

  it('rejects malformed data', () => {
    for (const data of ['', 'l:xx', 'pg:-1', 'pg:x', 'ed:z', 'del:maybe', 'go:1', `a:${'x'.repeat(80)}`]) {
      expect(decodeButton(data)).toBeUndefined();
    }
  });

  it('falls back to the position for an area code too long for Telegram', () => {
    const long = `REGION-${'X'.repeat(70)}`;
    const chat = new Conversation(
      makeContext({
        geography: (() => {
          const base = makeContext().geography!;
          const region = {
            code: long,
            level: 'region',
            depth: 0,
            parentCode: null,
            number: null,
            names: { kk: 'L', ru: 'L', en: 'L' },
          };
          return {
            ...base,
            area: (c: string) => (c === long ? region : base.area(c)),
            children: (c: string | null) => (c === null ? [region] : base.children(c)),
            isPrecinct: () => false,
          };
        })(),
      }),
    );
    chat.send(command('start'));
    chat.send(press('l:en'));
    chat.send(press('go'));
    expect(chat.buttonData).toEqual(['ai:0']);
    chat.send(press('ai:0'));
    expect(chat.state?.draft.areaCode).toBe(long);
  });
});
