import { describe, expect, it } from 'vitest';
import type { VoterStage } from '../../../../src/flows/voter/voter-state';
import { Conversation, command, photo, press, UNEXPECTED } from './voter-fixtures';

/** Brings a conversation to each stage the voter can be at. */
const AT_STAGE: Record<VoterStage, () => Conversation> = {
  choose_language: () => {
    const chat = new Conversation();
    chat.send(command('start'));
    return chat;
  },
  privacy_note: () => {
    const chat = AT_STAGE.choose_language();
    chat.send(press('l:en'));
    return chat;
  },
  choose_area: () => {
    const chat = AT_STAGE.privacy_note();
    chat.send(press('go'));
    chat.send(press('a:N'));
    return chat;
  },
  choose_choice: () => {
    const chat = AT_STAGE.choose_area();
    chat.send(press('a:N-1'));
    chat.send(press('a:N-1-4'));
    return chat;
  },
  send_photo: () => {
    const chat = AT_STAGE.choose_choice();
    chat.send(press('ch:beta'));
    return chat;
  },
  confirm: () => new Conversation().toSummary(),
  correct_menu: () => {
    const chat = AT_STAGE.confirm();
    chat.send(press('ed'));
    return chat;
  },
  voted: () => {
    const chat = AT_STAGE.confirm();
    chat.send(press('ok'));
    chat.context = {
      ...chat.context,
      recordedVote: { precinctCode: 'N-1-3', choiceId: 'alpha', hasPhoto: true },
    };
    chat.effects = [];
    chat.send(command('start'));
    return chat;
  },
  confirm_delete: () => {
    const chat = AT_STAGE.send_photo();
    chat.send(command('delete'));
    return chat;
  },
};

const REPROMPT_KEY: Record<string, string> = {
  text: 'voter.unexpected_text',
  sticker: 'voter.unexpected_sticker',
  document: 'voter.unexpected_document',
  video: 'voter.unexpected_video',
  location: 'voter.unexpected_location',
  contact: 'voter.unexpected_contact',
  other: 'voter.unexpected_other',
};

describe.each(Object.keys(AT_STAGE) as VoterStage[])('at %s', (stage) => {
  it.each(Object.keys(UNEXPECTED))('a %s gets a reprompt and the same panel, and nothing changes', (kind) => {
    const chat = AT_STAGE[stage]();
    expect(chat.state?.stage).toBe(stage);
    const before = structuredClone(chat.state);
    const panelBefore = chat.buttonData;
    const step = chat.send(UNEXPECTED[kind]!);
    expect(step.state).toEqual(before);
    expect(step.effects).toEqual([]);
    expect(step.replies).toHaveLength(1);
    expect(chat.keys[0]).toBe(REPROMPT_KEY[kind]);
    // The panel comes again as a new message at the bottom, with the same buttons.
    expect(chat.panel.replacePanel).toBeUndefined();
    expect(chat.buttonData).toEqual(panelBefore);
  });

  it('a button from another step is answered as no longer active, and nothing changes', () => {
    const chat = AT_STAGE[stage]();
    const before = structuredClone(chat.state);
    const foreign = stage === 'confirm' ? 'np' : 'ok';
    const step = chat.send(press(foreign));
    expect(step.state).toEqual(before);
    expect(step.replies).toEqual([
      { kind: 'answer_button', callbackId: expect.any(String), text: { key: 'voter.stale_button' } },
    ]);
  });

  it('a forged button is answered as no longer active', () => {
    const chat = AT_STAGE[stage]();
    const before = structuredClone(chat.state);
    const step = chat.send(press('a:NOWHERE'));
    expect(step.state).toEqual(before);
    expect(step.replies[0]).toMatchObject({ kind: 'answer_button', text: { key: 'voter.stale_button' } });
  });

  it.each(['help', 'privacy'])('/%s answers and keeps the step', (name) => {
    const chat = AT_STAGE[stage]();
    const before = structuredClone(chat.state);
    const step = chat.send(command(name));
    expect(step.state).toEqual(before);
    expect(chat.keys).toEqual([`voter.${name}`]);
  });

  it('an unknown command answers and keeps the step', () => {
    const chat = AT_STAGE[stage]();
    const before = structuredClone(chat.state);
    chat.send(command('vote_for_me'));
    expect(chat.state).toEqual(before);
    expect(chat.keys).toEqual(['common.unknown_command']);
  });
});

describe('photos at the wrong moment', () => {
  it('keeps a photo sent before the precinct and attaches it once the precinct is chosen', () => {
    const chat = AT_STAGE.privacy_note();
    chat.send(photo('early'));
    expect(chat.keys[0]).toBe('voter.photo_kept_for_later');
    expect(chat.state?.stage).toBe('privacy_note');
    chat.send(press('go'));
    chat.send(press('a:S'));
    chat.send(press('a:S-1'));
    chat.send(press('a:S-1-7'));
    chat.send(press('ch:alpha'));
    // The photo question is already answered: straight to the summary.
    expect(chat.state?.stage).toBe('confirm');
    expect(chat.keys).toContain('voter.summary_photo_yes');
    chat.send(press('ok'));
    expect(chat.effects[0]).toMatchObject({ precinctCode: 'S-1-7', photo: { fileId: 'early' } });
  });

  it('keeps the first of two early photos', () => {
    const chat = AT_STAGE.choose_area();
    chat.send(photo('first'));
    const step = chat.send(photo('second'));
    expect(chat.keys[0]).toBe('voter.extra_photo_ignored');
    expect(step.state.heldPhoto?.media.fileId).toBe('first');
  });

  it('answers the rest of an album once, keeping the first photo', () => {
    const chat = AT_STAGE.send_photo();
    chat.send(photo('a1', 'album-1'));
    expect(chat.state?.stage).toBe('confirm');
    chat.send(photo('a2', 'album-1'));
    expect(chat.keys[0]).toBe('voter.extra_photo_ignored');
    const third = chat.send(photo('a3', 'album-1'));
    expect(third.replies).toEqual([]);
    chat.send(press('ok'));
    expect(chat.effects[0]).toMatchObject({ photo: { fileId: 'a1' } });
  });

  it('answers a second photo at the summary and keeps the first', () => {
    const chat = AT_STAGE.confirm();
    const before = structuredClone(chat.state);
    const step = chat.send(photo('other'));
    expect(chat.keys[0]).toBe('voter.extra_photo_ignored');
    expect(step.state).toEqual(before);
  });

  it('takes a photo at the summary when the voter had said there was none', () => {
    const chat = AT_STAGE.send_photo();
    chat.send(press('np'));
    chat.send(photo('found-it'));
    expect(chat.keys).toContain('voter.summary_photo_yes');
  });

  it('answers a second photo after voting with the way to replace it', () => {
    const chat = AT_STAGE.voted();
    const before = structuredClone(chat.state);
    chat.send(photo('again'));
    expect(chat.state).toEqual(before);
    expect(chat.keys).toEqual(['voter.extra_photo_ignored', 'voter.current_vote']);
  });
});
