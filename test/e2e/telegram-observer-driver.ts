import type { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';
import type { TestServer } from '../support/start-test-server';
import type {
  TelegramTestUser,
  TelegramUpdateFactory,
  TelegramUpdateJson,
} from '../../src/simulation/telegram-updates';
import { FORM_ORDER } from '../support/observer-protocols';

/**
 * One Telegram user talking to the observer bot through the real webhook. Every observer reply
 * is a new message; each method waits for the bot's answer before returning it.
 */
export class TelegramObserverDriver {
  constructor(
    /** An in-process test server, or anything else with a fake Bot API and a webhook to post to. */
    private readonly server: Pick<TestServer, 'fake' | 'postUpdate'>,
    private readonly updates: TelegramUpdateFactory,
    readonly user: TelegramTestUser,
  ) {}

  private get fake(): FakeTelegramApi {
    return this.server.fake;
  }

  private outputs() {
    return this.fake
      .successfulCalls('sendMessage')
      .filter((call) => String(call.params.chat_id) === String(this.user.id));
  }

  async post(update: TelegramUpdateJson): Promise<string> {
    const before = this.outputs().length;
    const response = await this.server.postUpdate(update, { bot: 'observer' });
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${response.body}`);
    await this.fake.waitFor(
      () => this.outputs().length > before,
      30_000,
      `a reply to observer ${this.user.id}`,
    );
    return this.lastText();
  }

  lastText(): string {
    return String(this.outputs().at(-1)?.params.text ?? '');
  }

  /** The `callback_data` of the last message's buttons. */
  buttonData(): string[] {
    const markup = this.outputs().at(-1)?.params.reply_markup as
      { inline_keyboard: Array<Array<{ callback_data: string }>> } | string | undefined;
    const parsed =
      typeof markup === 'string'
        ? (JSON.parse(markup) as { inline_keyboard: Array<Array<{ callback_data: string }>> })
        : markup;
    return parsed?.inline_keyboard.flat().map((button) => button.callback_data) ?? [];
  }

  command(name: string, args = '') {
    return this.post(this.updates.command(this.user, name, args));
  }

  text(text: string) {
    return this.post(this.updates.text(this.user, text));
  }

  /** Presses a button of the last message (it must be there, as for a real user). */
  async press(data: string) {
    if (!this.buttonData().includes(data))
      throw new Error(`no button "${data}" in ${JSON.stringify(this.buttonData())}`);
    return this.post(this.updates.callback(this.user, data));
  }

  photo(fileId: string, caption?: string) {
    return this.post(this.updates.photo(this.user, { fileId, ...(caption ? { caption } : {}) }));
  }

  /**
   * Submits a whole protocol from the menu: precinct, `pages` photos, every figure, then Submit.
   * Returns the verdict message.
   */
  async submitProtocol(options: {
    precinctButton?: string;
    pages: string[];
    figures: Record<string, number>;
  }) {
    await this.press('mp');
    if (options.precinctButton) await this.press(options.precinctButton);
    for (const page of options.pages) await this.photo(page);
    if (options.pages.length < 2) await this.press('pgd');
    for (const key of FORM_ORDER) {
      const value = options.figures[key];
      if (value === undefined) await this.press('skip');
      else await this.text(String(value));
    }
    return this.press('sub');
  }
}
