import { describe, expect, it } from 'vitest';
import { buildGeography, type GeographyArea } from '../../../../src/domain/geography';
import { translateAll } from '../../../../src/i18n/index';
import { Conversation, makeContext, photo, press, text } from './voter-fixtures';

/** What an SMS voter reads: the reply rendered in the voter's language. */
function read(chat: Conversation): string {
  return translateAll(chat.state?.locale ?? 'en', chat.panel.text);
}

describe('a vote in one message (SMS)', () => {
  it('records a first message "V 3 2" at once: precinct 3, the second choice, no photo', () => {
    const chat = new Conversation();
    chat.send(text('V 3 2'), { channel: 'webchat' });
    expect(chat.effects).toEqual([
      {
        kind: 'record_vote',
        electionSlug: 'test-2024',
        precinctCode: 'N-1-3',
        choiceId: 'beta',
        keepRecordedPhoto: false,
        sentAt: new Date('2024-03-01T08:00:00Z'),
        delayed: false,
      },
    ]);
    expect(chat.state).toMatchObject({ stage: 'voted', locale: 'en', electionSlug: 'test-2024', draft: {} });
    expect(chat.keys).toEqual(['voter.sms_vote_recorded']);
    expect(read(chat)).toBe(
      'Vote recorded: precinct 3, Beta party. To change it before the polls close, send V 3 <choice> again.',
    );
  });

  it('answers in the language of the word: «Д» Kazakh, «Г» Russian', () => {
    const kazakh = new Conversation();
    kazakh.send(text('Д 3 1'));
    expect(kazakh.state?.locale).toBe('kk');
    expect(read(kazakh)).toContain('Дауыс есепке алынды: № 3 учаске, Alpha party (kk)');
    const russian = new Conversation();
    russian.send(text('голос-3-альфа'.replace('альфа', 'alpha')));
    expect(russian.state?.locale).toBe('ru');
    expect(russian.effects[0]).toMatchObject({ precinctCode: 'N-1-3', choiceId: 'alpha' });
  });

  it('keeps a language already chosen, whatever the word', () => {
    const chat = new Conversation();
    chat.state = { version: 1, stage: 'privacy_note', locale: 'ru', electionSlug: 'test-2024', draft: {} };
    chat.send(text('V 3 1'));
    expect(chat.state?.locale).toBe('ru');
    expect(read(chat)).toMatch(/^Голос учтён: участок № 3/);
  });

  it('replaces the vote with a second one, as "change vote" does, and keeps the recorded photo', () => {
    const chat = new Conversation(
      makeContext({ recordedVote: { precinctCode: 'N-1-3', choiceId: 'beta', hasPhoto: true } }),
    );
    chat.state = { version: 1, stage: 'voted', locale: 'en', electionSlug: 'test-2024', draft: {} };
    chat.send(text('v 4, against all'));
    expect(chat.effects).toEqual([
      expect.objectContaining({ precinctCode: 'N-1-4', choiceId: 'against-all', keepRecordedPhoto: true }),
    ]);
    expect(chat.keys).toEqual(['voter.sms_vote_changed']);
    expect(read(chat)).toContain('The earlier one no longer counts');
  });

  it('links a photo sent later on the same channel: the existing "add a photo" path asks to confirm', () => {
    const chat = new Conversation();
    chat.send(text('V 3 1'));
    chat.context = makeContext({
      recordedVote: { precinctCode: 'N-1-3', choiceId: 'alpha', hasPhoto: false },
    });
    chat.send(photo('later'));
    expect(chat.state?.stage).toBe('confirm');
    chat.send(press('ok'));
    expect(chat.effects.at(-1)).toMatchObject({ precinctCode: 'N-1-3', photo: { fileId: 'later' } });
  });

  it('attaches a photo held from before the vote', () => {
    const chat = new Conversation();
    chat.state = { version: 1, stage: 'choose_area', locale: 'en', electionSlug: 'test-2024', draft: {} };
    chat.send(photo('early'));
    chat.send(text('V 3 1'));
    expect(chat.effects).toEqual([
      expect.objectContaining({ photo: { fileId: 'early' }, keepRecordedPhoto: false }),
    ]);
    expect(chat.state?.heldPhoto).toBeUndefined();
  });

  it.each([
    ['V', 'voter.sms_no_precinct', 'I did not find the precinct number. Send: V <precinct> <ballot number>'],
    ['V 3', 'voter.sms_no_choice', 'I did not find your choice.'],
    ['V 99 1', 'voter.sms_unknown_precinct', 'There is no precinct number 99.'],
    ['V 3 9', 'voter.sms_unknown_choice', 'I did not understand the choice "9". Send its ballot number 1-3'],
    ['V 3 gamma', 'voter.sms_unknown_choice', 'the choice "gamma"'],
    ['V 7 1', 'voter.sms_ambiguous_precinct', 'Precinct 7 exists in 2 regions.'],
  ])('%j is answered with what was not understood and the format; nothing is counted', (typed, key, says) => {
    const chat = new Conversation();
    chat.state = { version: 1, stage: 'choose_area', locale: 'en', electionSlug: 'test-2024', draft: {} };
    const before = structuredClone(chat.state);
    chat.send(text(typed));
    expect(chat.effects).toEqual([]);
    expect(chat.keys).toEqual([key]);
    expect(read(chat)).toContain(says);
    expect(read(chat)).toContain('Nothing was counted.');
    expect(chat.state).toEqual(before);
  });

  it('takes the region of the recorded vote where a number repeats, or the region typed', () => {
    const corrected = new Conversation(
      makeContext({ recordedVote: { precinctCode: 'S-2-8', choiceId: 'alpha', hasPhoto: false } }),
    );
    corrected.state = { version: 1, stage: 'voted', locale: 'en', electionSlug: 'test-2024', draft: {} };
    corrected.send(text('V 7 2'));
    // Both S-1-7 and S-2-7 are in region S: still two, so nothing is guessed.
    expect(corrected.keys).toEqual(['voter.sms_ambiguous_precinct']);

    const areas: GeographyArea[] = [
      { code: 'R1', level: 'region', depth: 0, parentCode: null, number: '1', names: names('R1') },
      { code: 'R2', level: 'region', depth: 0, parentCode: null, number: '2', names: names('R2') },
      { code: 'R1-190', level: 'precinct', depth: 1, parentCode: 'R1', number: '190', names: names('190') },
      { code: 'R2-190', level: 'precinct', depth: 1, parentCode: 'R2', number: '190', names: names('190') },
    ];
    const geography = buildGeography(areas);
    const typed = new Conversation(makeContext({ geography }));
    typed.send(text('V 2/190 1'));
    expect(typed.effects).toEqual([expect.objectContaining({ precinctCode: 'R2-190' })]);
    const recorded = new Conversation(
      makeContext({ geography, recordedVote: { precinctCode: 'R1-190', choiceId: 'beta', hasPhoto: false } }),
    );
    recorded.send(text('V 190 1'));
    expect(recorded.effects).toEqual([
      expect.objectContaining({ precinctCode: 'R1-190', choiceId: 'alpha' }),
    ]);
  });

  it('records nothing while the polls are closed', () => {
    const chat = new Conversation(makeContext({ judgeVote: () => ({ accepted: false, delayed: false }) }));
    chat.send(text('V 3 1'));
    expect(chat.effects).toEqual([]);
    expect(chat.keys).toEqual(['voter.vote_not_accepted']);
  });

  it('leaves ordinary text alone: a typed precinct number still picks the precinct', () => {
    const chat = new Conversation();
    chat.state = { version: 1, stage: 'choose_area', locale: 'ru', electionSlug: 'test-2024', draft: {} };
    chat.send(text('3'));
    expect(chat.state?.stage).toBe('choose_choice');
    chat.send(text('в каком участке?'));
    expect(chat.effects).toEqual([]);
    expect(chat.keys).toContain('voter.unexpected_text');
  });
});

function names(en: string) {
  return { kk: en, ru: en, en };
}
