import { describe, expect, it } from 'vitest';
import { Conversation, command, makeContext, photo, press, text } from './voter-fixtures';

describe('dating votes', () => {
  it('dates a vote by the photo message and marks it delayed when the service says so', () => {
    const judged: Date[] = [];
    const chat = new Conversation(
      makeContext({
        judgeVote: (datedAt) => {
          judged.push(datedAt);
          return { accepted: true, delayed: true };
        },
      }),
    );
    chat.toPrecincts();
    chat.send(press('a:N-1-1'), { sentAt: new Date('2024-03-01T13:00:00Z') });
    chat.send(press('ch:alpha'), { sentAt: new Date('2024-03-01T13:40:00Z') });
    // Queued on the phone during a blackout at 13:55, delivered hours later.
    chat.send(photo(), {
      sentAt: new Date('2024-03-01T13:55:00Z'),
      receivedAt: new Date('2024-03-01T18:00:00Z'),
    });
    chat.send(press('ok'), {
      sentAt: new Date('2024-03-01T18:01:00Z'),
      receivedAt: new Date('2024-03-01T18:01:00Z'),
    });
    expect(judged).toEqual([new Date('2024-03-01T13:55:00Z')]);
    expect(chat.effects[0]).toMatchObject({ sentAt: new Date('2024-03-01T13:55:00Z'), delayed: true });
    expect(chat.keys).toEqual(['voter.thanks_delayed', 'voter.thanks']);
  });

  it('marks a vote device-dated when its date is a device clock (the web chat queued it offline)', () => {
    const chat = new Conversation();
    chat.toPrecincts();
    chat.send(press('a:N-1-1'), { sentAt: new Date('2024-03-01T13:00:00Z') });
    chat.send(press('ch:alpha'), { sentAt: new Date('2024-03-01T13:40:00Z'), dating: 'device' });
    chat.send(photo(), { sentAt: new Date('2024-03-01T13:55:00Z'), dating: 'device' });
    chat.send(press('ok'), { sentAt: new Date('2024-03-01T18:01:00Z') });
    expect(chat.effects[0]).toMatchObject({ sentAt: new Date('2024-03-01T13:55:00Z'), deviceDated: true });
  });

  it('does not mark a vote device-dated when a later provider-dated message dates it', () => {
    const chat = new Conversation().toAreas();
    // A photo queued offline before the precinct is chosen is held, with its device date.
    chat.send(photo(), { sentAt: new Date('2024-03-01T13:00:00Z'), dating: 'device' });
    chat.send(press('a:N'));
    chat.send(press('a:N-1'));
    chat.send(press('a:N-1-1'));
    chat.send(press('ch:alpha'), { sentAt: new Date('2024-03-01T13:40:00Z') });
    chat.send(press('ok'), { sentAt: new Date('2024-03-01T13:41:00Z') });
    expect(chat.effects[0]).toMatchObject({ sentAt: new Date('2024-03-01T13:40:00Z') });
    expect(chat.effects[0]).not.toHaveProperty('deviceDated');
  });

  it('records nothing when the vote is not accepted, and keeps the draft', () => {
    const chat = new Conversation(
      makeContext({ judgeVote: () => ({ accepted: false, delayed: true }) }),
    ).toSummary();
    const before = structuredClone(chat.state);
    chat.send(press('ok'));
    expect(chat.effects).toEqual([]);
    expect(chat.state).toEqual(before);
    expect(chat.keys).toEqual(['voter.vote_not_accepted']);
  });
});

describe('/delete', () => {
  it('asks first, then deletes the voter and the vote while polls are open', () => {
    const chat = new Conversation(
      makeContext({ recordedVote: { precinctCode: 'N-1-3', choiceId: 'alpha', hasPhoto: true } }),
    );
    chat.state = { version: 1, stage: 'voted', locale: 'ru', electionSlug: 'test-2024', draft: {} };
    chat.send(command('delete'));
    expect(chat.state?.stage).toBe('confirm_delete');
    expect(chat.buttonData).toEqual(['del:y', 'del:n']);
    chat.send(press('del:y'));
    expect(chat.effects).toEqual([{ kind: 'delete_voter', electionSlug: 'test-2024', keepVote: false }]);
    expect(chat.keys).toEqual(['voter.deleted']);
    expect(chat.state?.locale).toBe('ru');
  });

  it('keeps the vote in the count once polls have closed', () => {
    const chat = new Conversation(
      makeContext({
        recordedVote: { precinctCode: 'N-1-3', choiceId: 'alpha', hasPhoto: false },
        judgeVote: () => ({ accepted: false, delayed: false }),
      }),
    );
    chat.state = { version: 1, stage: 'voted', locale: 'en', electionSlug: 'test-2024', draft: {} };
    chat.send(command('delete'));
    chat.send(press('del:y'));
    expect(chat.effects).toEqual([{ kind: 'delete_voter', electionSlug: 'test-2024', keepVote: true }]);
    expect(chat.keys).toEqual(['voter.delete_after_close']);
  });

  it('returns to the step it interrupted when cancelled', () => {
    const chat = new Conversation().toSummary();
    const before = structuredClone(chat.state);
    chat.send(command('delete'));
    chat.send(press('del:n'));
    expect(chat.effects).toEqual([]);
    expect(chat.state).toEqual(before);
    expect(chat.keys[0]).toBe('voter.delete_cancelled');
    expect(chat.keys).toContain('voter.summary_title');
  });
});

describe('/language', () => {
  it('changes the language mid-way and returns to the same step', () => {
    const chat = new Conversation().toSummary('en');
    chat.send(command('language'));
    expect(chat.state?.stage).toBe('choose_language');
    chat.send(press('l:kk'));
    expect(chat.state).toMatchObject({ stage: 'confirm', locale: 'kk' });
    expect(chat.state?.resumeStage).toBeUndefined();
    expect(chat.keys.slice(0, 2)).toEqual(['voter.language_set', 'voter.summary_title']);
  });

  it('accepts a typed language name', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    chat.send(text('Русский'));
    expect(chat.state).toMatchObject({ stage: 'privacy_note', locale: 'ru' });
  });

  it('answers in the client language before one is chosen', () => {
    const chat = new Conversation();
    const step = chat.send(command('start'), { clientLocale: 'ru' });
    expect(step.state.locale).toBeUndefined();
    expect(chat.keys).toEqual(['voter.choose_language']);
  });
});

describe('without an active election', () => {
  it('says so, and still answers /help and the language', () => {
    const chat = new Conversation(makeContext({ election: undefined, geography: undefined }));
    chat.send(command('start'));
    chat.send(press('l:en'));
    expect(chat.keys).toEqual(['voter.language_set', 'voter.no_election']);
    chat.send(command('start'));
    expect(chat.keys).toEqual(['voter.no_election']);
    chat.send(photo());
    expect(chat.keys).toEqual(['voter.no_election']);
    chat.send(command('help'));
    expect(chat.keys).toEqual(['voter.help']);
    expect(chat.effects).toEqual([]);
  });
});

describe('the web chat', () => {
  it('skips the language question when the page already set the language', () => {
    const chat = new Conversation();
    chat.send(command('start'), { channel: 'webchat', clientLocale: 'kk' });
    expect(chat.state).toMatchObject({ stage: 'privacy_note', locale: 'kk' });
    expect(chat.keys).not.toContain('voter.choose_language');
  });

  it('still asks in a messenger, where the language is only the phone’s guess', () => {
    const chat = new Conversation();
    chat.send(command('start'), { channel: 'telegram', clientLocale: 'kk' });
    expect(chat.state?.stage).toBe('choose_language');
  });
});
