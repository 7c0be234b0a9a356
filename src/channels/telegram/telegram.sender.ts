import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Locale } from '../../domain/locale';
import type { AddressedOutbound, MessageText, OutboundButton } from '../../flows/messages';
import type { ChannelSender, SendResult } from '../channel-sender';
import type { TelegramBot } from './telegram-bot-api';
import { classifyTelegramError, toSendFailure } from './telegram-errors';

/** Renders a list of texts (message keys or literals) as one message in a locale. */
export type RenderTexts = (locale: Locale, texts: readonly MessageText[]) => string;

/** Telegram's limit on `callback_data`; longer data is refused by the API, so fail early and clearly. */
const MAX_CALLBACK_DATA_BYTES = 64;

/**
 * Delivers outbox messages through the Bot API: `answer_button` → answerCallbackQuery;
 * `send` with `replacePanel` and a known panel → editMessageText (the flow's one message,
 * edited in place, so a whole vote costs few sent messages); otherwise → sendMessage.
 *
 * @example
 * const sender = new TelegramSender(bot, translateAll);
 * await sender.send('123456789', reply, '42'); // edits message 42, or sends anew if it is gone
 */
export class TelegramSender implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly bot;

  constructor(
    private readonly telegram: TelegramBot,
    private readonly render: RenderTexts,
  ) {
    this.bot = telegram.name;
  }

  async send(address: string, out: AddressedOutbound, panelRef?: string): Promise<SendResult> {
    try {
      return await this.call(address, out, panelRef);
    } catch (error) {
      const failure = classifyTelegramError(error);
      if (failure.kind === 'retry_after') return { retryAfterMs: failure.retryAfterMs };
      throw toSendFailure(failure);
    }
  }

  private async call(
    address: string,
    out: AddressedOutbound,
    panelRef: string | undefined,
  ): Promise<SendResult> {
    const { message, locale } = out;
    if (message.kind === 'answer_button') {
      const text = message.text ? this.render(locale, [message.text]) : undefined;
      try {
        await this.telegram.api.answerCallbackQuery(message.callbackId, text ? { text } : {});
      } catch (error) {
        // A button answered late (after a restart, a backlog) is refused as "query is too old";
        // the edit that follows still shows the result, so there is nothing left to retry.
        const failure = classifyTelegramError(error);
        if (failure.kind === 'refused' && failure.status === 400) return {};
        throw error;
      }
      return {};
    }
    const text = this.render(locale, message.text);
    const markup = message.buttons?.length ? this.keyboard(locale, message.buttons) : undefined;
    if (message.replacePanel && panelRef) {
      try {
        await this.telegram.api.editMessageText(
          address,
          Number(panelRef),
          text,
          markup ? { reply_markup: markup } : {},
        );
        return { panelRef };
      } catch (error) {
        const failure = classifyTelegramError(error);
        if (failure.kind !== 'refused' || failure.status !== 400) throw error;
        // Pressing a button twice re-renders the same panel: nothing to change.
        if (/not modified/i.test(failure.description)) return { panelRef };
        // The panel was deleted or is too old to edit: send a fresh one below.
      }
    }
    const sent = await this.telegram.api.sendMessage(address, text, markup ? { reply_markup: markup } : {});
    return { panelRef: String(sent.message_id) };
  }

  private keyboard(locale: Locale, rows: OutboundButton[][]): InlineKeyboardMarkup {
    return {
      inline_keyboard: rows.map((row) =>
        row.map((button) => {
          if (Buffer.byteLength(button.data) > MAX_CALLBACK_DATA_BYTES) {
            throw new Error(
              `button data "${button.data}" is over Telegram's ${MAX_CALLBACK_DATA_BYTES} bytes`,
            );
          }
          return { text: this.render(locale, [button.label]), callback_data: button.data };
        }),
      ),
    };
  }
}
