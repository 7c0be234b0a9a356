import { describe, expect, it } from 'vitest';
import { translateAll } from '../../../../src/i18n/index';
import { Conversation, election, makeContext, SENT_AT } from './voter-fixtures';

const fake = (args: string) => ({ kind: 'command' as const, command: 'fake', args });

describe('reporting a bot that pretends to be this one (/fake)', () => {
  it('records the handle as typed, thanks the voter and names the official bots again', () => {
    const chat = new Conversation(
      makeContext({ election: { ...election, officialChannels: { handles: ['@dauys_kz_bot'] } } }),
    );
    const step = chat.send(fake('  @dauys_kz_bott \n  (asked for my passport)  '));
    expect(step.effects).toEqual([
      { kind: 'report_impostor', handle: '@dauys_kz_bott (asked for my passport)', sentAt: SENT_AT },
    ]);
    expect(chat.keys).toEqual(['voter.impostor_thanks', 'voter.official_channels']);
  });

  it('says how when no handle is given, recording nothing; /impostor works the same', () => {
    const chat = new Conversation();
    expect(chat.send(fake('')).effects).toEqual([]);
    expect(translateAll('en', chat.panel.text)).toContain('send /fake and its name');
    const alias = chat.send({ kind: 'command', command: 'impostor', args: '@copy' });
    expect(alias.effects).toEqual([expect.objectContaining({ kind: 'report_impostor', handle: '@copy' })]);
  });

  it('keeps at most 64 characters of what was typed', () => {
    const chat = new Conversation();
    const step = chat.send(fake('x'.repeat(200)));
    expect(step.effects[0]).toMatchObject({ handle: 'x'.repeat(64) });
  });
});
