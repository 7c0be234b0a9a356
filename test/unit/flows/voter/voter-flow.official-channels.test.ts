import { describe, expect, it } from 'vitest';
import { translateAll } from '../../../../src/i18n/index';
import { command, Conversation, election, makeContext, press } from './voter-fixtures';

const warning = {
  kk: 'Жалған боттардан сақ болыңыз.',
  ru: 'Остерегайтесь поддельных ботов.',
  en: 'Beware of impostor bots.',
};
const official = makeContext({
  election: {
    ...election,
    officialChannels: { handles: ['@dauys_kz_bot', 'WhatsApp +77001234567'], impostorWarning: warning },
  },
});

describe('the official bots, named in the bot itself (a fake copy collected votes in 2021)', () => {
  it('names them and warns of copies in the welcome, in the voter’s language', () => {
    const chat = new Conversation(official);
    chat.send(command('start'));
    chat.send(press('l:ru'));
    expect(chat.keys).toEqual([
      'voter.language_set',
      'voter.welcome',
      'voter.official_channels',
      `literal:${warning.ru}`,
      'voter.privacy_note',
    ]);
    expect(translateAll('ru', chat.panel.text)).toContain(
      'Официальные боты этого подсчёта: @dauys_kz_bot, WhatsApp +77001234567. Любой другой — не наш.',
    );
  });

  it('repeats them after /help', () => {
    const chat = new Conversation(official);
    chat.send(command('start'));
    chat.send(press('l:kk'));
    chat.send(command('help'));
    const help = translateAll(
      'kk',
      chat.last.flatMap((reply) => (reply.kind === 'send' ? reply.text : [])),
    );
    expect(help).toContain('Осы санаудың ресми боттары: @dauys_kz_bot, WhatsApp +77001234567.');
    expect(help).toContain(warning.kk);
  });

  it('says nothing of them when the election file publishes none', () => {
    const chat = new Conversation(makeContext());
    chat.send(command('start'));
    chat.send(press('l:en'));
    expect(chat.keys).toEqual(['voter.language_set', 'voter.welcome', 'voter.privacy_note']);
  });
});
