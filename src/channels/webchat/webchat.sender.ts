import type { Locale } from '../../domain/locale';
import type { AddressedOutbound, MessageText } from '../../flows/messages';
import type { ChannelSender, SendResult } from '../channel-sender';

/** Where rendered messages go: the web chat's mailbox (WebchatService). */
export interface WebchatMailbox {
  deliver(
    participant: string,
    message: { text: string; buttons: Array<Array<{ label: string; data: string }>>; notice: boolean },
    panelRef: string | undefined,
  ): Promise<string>;
}

type Render = (locale: Locale, texts: readonly MessageText[]) => string;

/**
 * The outbox's sender for the web chat: renders the message in the participant's language and
 * puts it in the mailbox the page polls. `replacePanel` rewrites the panel message in place,
 * as Telegram's `editMessageText` does; a button's answer with text becomes a short notice.
 *
 * @example
 * registry.addSender(new WebchatSender(app.webchat, translateAll));
 */
export class WebchatSender implements ChannelSender {
  readonly channel = 'webchat' as const;
  readonly bot = 'voter' as const;

  constructor(
    private readonly mailbox: WebchatMailbox,
    private readonly render: Render,
  ) {}

  async send(address: string, out: AddressedOutbound, panelRef?: string): Promise<SendResult> {
    const { message, locale } = out;
    if (message.kind === 'answer_button') {
      if (!message.text) return {};
      await this.mailbox.deliver(
        address,
        { text: this.render(locale, [message.text]), buttons: [], notice: true },
        undefined,
      );
      return {};
    }
    const buttons = (message.buttons ?? []).map((row) =>
      row.map((button) => ({ label: this.render(locale, [button.label]), data: button.data })),
    );
    const rendered = { text: this.render(locale, message.text), buttons, notice: false };
    const ref = await this.mailbox.deliver(address, rendered, message.replacePanel ? panelRef : undefined);
    return { panelRef: ref };
  }
}
