import { describe, expect, it } from 'vitest';
import { WebchatSender, type WebchatMailbox } from '../../../src/channels/webchat/webchat.sender';
import type { AddressedOutbound, OutboundMessage } from '../../../src/flows/messages';
import { translateAll } from '../../../src/i18n/index';

function mailbox() {
  const delivered: Array<{
    participant: string;
    text: string;
    buttons: unknown;
    notice: boolean;
    panelRef?: string;
  }> = [];
  const box: WebchatMailbox = {
    deliver: async (participant, message, panelRef) => {
      delivered.push({ participant, ...message, ...(panelRef ? { panelRef } : {}) });
      return panelRef ?? String(delivered.length);
    },
  };
  return { box, delivered };
}

const out = (message: OutboundMessage): AddressedOutbound => ({
  channel: 'webchat',
  bot: 'voter',
  participant: 'p',
  locale: 'ru',
  message,
});

describe('WebchatSender', () => {
  it('renders texts and button labels in the participant’s language', async () => {
    const { box, delivered } = mailbox();
    const sender = new WebchatSender(box, translateAll);
    const result = await sender.send(
      'p',
      out({
        kind: 'send',
        text: [{ key: 'voter.choose_region' }],
        buttons: [[{ label: { key: 'voter.back' }, data: 'bk' }]],
      }),
    );
    expect(result).toEqual({ panelRef: '1' });
    expect(delivered[0]).toEqual({
      participant: 'p',
      text: 'Выберите область.',
      buttons: [[{ label: '↩ Вернуться', data: 'bk' }]],
      notice: false,
    });
  });

  it('edits the panel only when asked to replace it', async () => {
    const { box, delivered } = mailbox();
    const sender = new WebchatSender(box, translateAll);
    await sender.send('p', out({ kind: 'send', replacePanel: true, text: [{ literal: 'x' }] }), '7');
    await sender.send('p', out({ kind: 'send', text: [{ literal: 'y' }] }), '7');
    expect(delivered.map((d) => d.panelRef)).toEqual(['7', undefined]);
  });

  it('turns a button answer with text into a notice, and drops one without', async () => {
    const { box, delivered } = mailbox();
    const sender = new WebchatSender(box, translateAll);
    await sender.send('p', out({ kind: 'answer_button', callbackId: 'c1' }));
    await sender.send(
      'p',
      out({ kind: 'answer_button', callbackId: 'c2', text: { key: 'voter.stale_button' } }),
    );
    expect(delivered).toEqual([
      { participant: 'p', text: 'Эта кнопка больше не действует.', buttons: [], notice: true },
    ]);
  });
});
