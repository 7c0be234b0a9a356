import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../src/domain/locale';
import { translate } from '../../../../src/i18n/index';
import { Conversation, command, makeContext, photo, press, SENT_AT, text } from './voter-fixtures';

describe.each(LOCALES)('the voter conversation in %s', (locale) => {
  it('walks from /start to a recorded vote with a photo', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    expect(chat.state?.stage).toBe('choose_language');
    expect(chat.buttonData).toEqual(['l:kk', 'l:ru', 'l:en']);

    chat.send(press(`l:${locale}`));
    expect(chat.state).toMatchObject({ stage: 'privacy_note', locale });
    expect(chat.keys).toEqual(['voter.language_set', 'voter.welcome', 'voter.privacy_note']);
    const welcome = chat.panel.text[1]!;
    expect(translate(locale, welcome)).toContain(
      locale === 'en' ? 'Test election' : `Test election (${locale})`,
    );

    chat.send(press('go'));
    expect(chat.state?.stage).toBe('choose_area');
    expect(chat.keys[0]).toBe('voter.choose_region');
    expect(chat.buttonData).toEqual(['a:N', 'a:S']);
    expect(chat.panel.replacePanel).toBe(true);

    chat.send(press('a:S'));
    expect(chat.keys[0]).toBe('voter.choose_district');
    expect(chat.buttonData).toEqual(['a:S-1', 'a:S-2', 'bk']);

    chat.send(press('a:S-2'));
    expect(chat.keys[0]).toBe('voter.choose_precinct');
    expect(chat.buttonData).toEqual(['a:S-2-7', 'a:S-2-8', 'bk']);

    chat.send(press('a:S-2-8'));
    expect(chat.state?.stage).toBe('choose_choice');
    expect(chat.buttonData).toEqual(['ch:alpha', 'ch:beta', 'ch:against-all', 'bk']);
    expect(chat.panel.buttons?.[0]?.[0]?.label).toEqual({
      literal: `Alpha party${locale === 'en' ? '' : ` (${locale})`}`,
    });

    chat.send(press('ch:against-all'));
    expect(chat.state?.stage).toBe('send_photo');
    expect(chat.buttonData).toEqual(['np', 'bk']);

    chat.send(photo('file-9'));
    expect(chat.state?.stage).toBe('confirm');
    expect(chat.keys).toEqual([
      'voter.photo_received',
      'voter.summary_title',
      'voter.summary_precinct',
      'voter.summary_choice',
      'voter.summary_photo_yes',
    ]);
    expect(chat.effects).toEqual([]);

    const step = chat.send(press('ok'));
    expect(step.replies[0]).toMatchObject({ kind: 'answer_button' });
    expect(chat.keys).toEqual(['voter.thanks']);
    expect(chat.panel.text[0]).toEqual({ key: 'voter.thanks', params: { url: 'https://dauys.example/r' } });
    expect(chat.state).toMatchObject({ stage: 'voted', draft: {} });
    expect(chat.effects).toEqual([
      {
        kind: 'record_vote',
        electionSlug: 'test-2024',
        precinctCode: 'S-2-8',
        choiceId: 'against-all',
        photo: { fileId: 'file-9' },
        keepRecordedPhoto: false,
        sentAt: SENT_AT,
        delayed: false,
      },
    ]);
  });

  it('records a vote without a photo when the voter cannot send one', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    chat.send(press(`l:${locale}`));
    chat.send(press('go'));
    chat.send(press('a:N'));
    chat.send(press('a:N-1'));
    chat.send(press('a:N-1-2'));
    chat.send(text('2')); // the choice's number on the ballot
    chat.send(press('np'));
    expect(chat.keys).toContain('voter.summary_photo_no');
    chat.send(press('ok'));
    expect(chat.effects).toEqual([
      expect.objectContaining({
        kind: 'record_vote',
        precinctCode: 'N-1-2',
        choiceId: 'beta',
        keepRecordedPhoto: false,
      }),
    ]);
    expect(chat.effects[0]).not.toHaveProperty('photo');
  });
});

describe('returning voters', () => {
  it('shows the recorded vote on /start and lets the voter change only the choice', () => {
    const chat = new Conversation(
      makeContext({ recordedVote: { precinctCode: 'N-1-3', choiceId: 'alpha', hasPhoto: true } }),
    );
    chat.state = { version: 1, stage: 'voted', locale: 'ru', electionSlug: 'test-2024', draft: {} };
    chat.send(command('start'));
    expect(chat.state?.stage).toBe('voted');
    expect(chat.panel.text[0]).toEqual({
      key: 'voter.current_vote',
      params: { number: '3', choice: 'Alpha party (ru)' },
    });

    chat.send(press('chg'));
    expect(chat.state?.stage).toBe('correct_menu');
    chat.send(press('ed:c'));
    expect(chat.state?.stage).toBe('choose_choice');
    chat.send(press('ch:beta'));
    // A correction returns straight to the summary, keeping the recorded photo.
    expect(chat.state?.stage).toBe('confirm');
    expect(chat.keys).toContain('voter.summary_photo_yes');
    chat.send(press('ok'));
    expect(chat.effects).toEqual([
      expect.objectContaining({ precinctCode: 'N-1-3', choiceId: 'beta', keepRecordedPhoto: true }),
    ]);
  });

  it('corrects the precinct from the summary, starting in the same district', () => {
    const chat = new Conversation().toSummary();
    chat.send(press('ed'));
    chat.send(press('ed:p'));
    expect(chat.state?.stage).toBe('choose_area');
    expect(chat.state?.draft.areaCode).toBe('N-1');
    chat.send(text('№ 5'));
    expect(chat.state?.stage).toBe('confirm');
    chat.send(press('ok'));
    expect(chat.effects[0]).toMatchObject({
      precinctCode: 'N-1-5',
      choiceId: 'alpha',
      photo: { fileId: 'photo-1' },
    });
  });

  it('replaces the photo from the correction menu', () => {
    const chat = new Conversation().toSummary();
    chat.send(press('ed'));
    chat.send(press('ed:f'));
    chat.send(photo('better-photo'));
    expect(chat.state?.stage).toBe('confirm');
    chat.send(press('ok'));
    expect(chat.effects[0]).toMatchObject({ photo: { fileId: 'better-photo' } });
  });

  it('lets a voter who had no photo add one later', () => {
    const chat = new Conversation(
      makeContext({ recordedVote: { precinctCode: 'S-1-7', choiceId: 'beta', hasPhoto: false } }),
    );
    chat.state = { version: 1, stage: 'voted', locale: 'kk', electionSlug: 'test-2024', draft: {} };
    chat.send(photo('late-photo'));
    expect(chat.state?.stage).toBe('confirm');
    chat.send(press('ok'));
    expect(chat.effects[0]).toMatchObject({
      precinctCode: 'S-1-7',
      choiceId: 'beta',
      photo: { fileId: 'late-photo' },
    });
  });

  it('starts afresh when a new election replaces the one the state belongs to', () => {
    const chat = new Conversation().toSummary();
    chat.context = makeContext({ election: { ...makeContext().election!, slug: 'next-election' } });
    chat.send(press('ok'));
    expect(chat.effects).toEqual([]);
    expect(chat.state).toMatchObject({ stage: 'privacy_note', electionSlug: 'next-election', draft: {} });
  });
});
