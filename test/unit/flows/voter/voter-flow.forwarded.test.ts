import { describe, expect, it } from 'vitest';
import type { InboundContent } from '../../../../src/flows/messages';
import { Conversation, command, photo, press } from './voter-fixtures';

const forwarded = (fileId = 'fwd-1'): InboundContent =>
  ({ ...photo(fileId), forwarded: true }) as InboundContent;

/** At the photo step: language, note, North → district → precinct 3, Alpha. */
function atPhotoStep(): Conversation {
  const chat = new Conversation();
  chat.send(command('start'));
  chat.send(press('l:ru'));
  chat.send(press('go'));
  chat.send(press('a:N'));
  chat.send(press('a:N-1'));
  chat.send(press('a:N-1-3'));
  chat.send(press('ch:alpha'));
  return chat;
}

describe('a forwarded photo', () => {
  it('is refused as the ballot: the voter is told, the step stays, and the vote carries the count', () => {
    const chat = atPhotoStep();
    chat.send(forwarded());
    expect(chat.state?.stage).toBe('send_photo');
    expect(chat.state?.draft.photo).toBeUndefined();
    expect(chat.keys.slice(0, 2)).toEqual(['voter.photo_forwarded', 'voter.send_photo']);
    chat.send(photo('own-photo'));
    expect(chat.state?.stage).toBe('confirm');
    chat.send(press('ok'));
    expect(chat.effects).toEqual([
      expect.objectContaining({ kind: 'record_vote', photo: { fileId: 'own-photo' }, forwardedPhotos: 1 }),
    ]);
    // Counted once: the next vote starts from nothing.
    expect(chat.state?.forwardedPhotos).toBeUndefined();
  });

  it('is not held for later before the precinct is chosen', () => {
    const chat = new Conversation();
    chat.send(command('start'));
    chat.send(press('l:kk'));
    chat.send(forwarded());
    chat.send(forwarded('fwd-2'));
    expect(chat.state?.heldPhoto).toBeUndefined();
    expect(chat.state?.forwardedPhotos).toBe(2);
    expect(chat.keys[0]).toBe('voter.photo_forwarded');
  });
});
