import { describe, expect, it } from 'vitest';
import { command, Conversation, text } from './voter-fixtures';

/** SMS shows a panel's buttons as a numbered list ("1 — Қазақша"): typing the number presses it. */
describe('a typed option number on a channel without buttons (SMS)', () => {
  const sms = { channel: 'sms' as const, textOnly: true as const };

  it('walks the whole conversation by numbers: language, continue, region, district, precinct, choice', () => {
    const chat = new Conversation();
    chat.send(command('start'), sms);
    chat.send(text('3'), sms); // kk, ru, en: the third is English
    expect(chat.state).toMatchObject({ locale: 'en', stage: 'privacy_note' });
    chat.send(text('1'), sms); // "Continue"
    expect(chat.state?.stage).toBe('choose_area');
    chat.send(text('1'), sms); // North, the first of the list (a precinct No. 1 exists too: the list wins)
    expect(chat.state?.draft.areaCode).toBe('N');
    chat.send(text('1'), sms); // its one district
    expect(chat.state?.draft.areaCode).toBe('N-1');
    chat.send(text('3'), sms); // the third precinct of the list: No. 3
    expect(chat.state?.draft.precinctCode).toBe('N-1-3');
    chat.send(text('2'), sms); // the second choice on the ballot
    expect(chat.state?.draft.choiceId).toBe('beta');
  });

  it('leaves numbers as text in chats, where the panel has real buttons', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    chat.send(text('3'));
    expect(chat.state?.stage).toBe('choose_language');
    expect(chat.keys).toContain('voter.unexpected_text');
  });

  it('reads a number beyond the list as a precinct number at the area step', () => {
    const chat = new Conversation();
    chat.send(command('start'), sms);
    chat.send(text('3'), sms);
    chat.send(text('1'), sms);
    chat.send(text('17'), sms); // two regions listed; precinct No. 17 is in North
    expect(chat.state?.draft.precinctCode).toBe('N-1-17');
  });

  it('answers an option number the panel does not have as text it did not understand', () => {
    const chat = new Conversation();
    chat.send(command('start'), sms);
    chat.send(text('9'), sms);
    expect(chat.state?.stage).toBe('choose_language');
    expect(chat.keys).toContain('voter.unexpected_text');
  });
});
