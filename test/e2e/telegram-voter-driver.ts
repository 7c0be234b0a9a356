import type { FakeTelegramApi, ChatMessage } from '../../src/simulation/fake-telegram-api';
import type { TestServer } from '../support/start-test-server';
import type {
  TelegramTestUser,
  TelegramUpdateFactory,
  TelegramUpdateJson,
} from '../../src/simulation/telegram-updates';

let rawUpdateId = 5_000_000;

/**
 * One Telegram user talking to the voter bot through the real webhook, reading what the fake
 * Bot API shows in their chat. Each `do…` waits for the bot's answer(s) before returning.
 */
export class TelegramVoterDriver {
  constructor(
    private readonly server: TestServer,
    private readonly updates: TelegramUpdateFactory,
    readonly user: TelegramTestUser,
  ) {}

  private get fake(): FakeTelegramApi {
    return this.server.fake;
  }

  /** Messages sent or edited in this chat so far (each bot reply is one of them). */
  outputs() {
    return this.fake
      .successfulCalls()
      .filter(
        (c) =>
          (c.method === 'sendMessage' || c.method === 'editMessageText') &&
          String(c.params.chat_id) === String(this.user.id),
      );
  }

  /** Posts updates in order and waits for `replies` more sent/edited messages. */
  async post(updates: TelegramUpdateJson[], replies = updates.length): Promise<string[]> {
    const before = this.outputs().length;
    for (const update of updates) {
      const response = await this.server.postUpdate(update);
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${response.body}`);
    }
    await this.fake.waitFor(
      () => this.outputs().length >= before + replies,
      30_000,
      `${replies} replies to user ${this.user.id}`,
    );
    return this.outputs()
      .slice(before)
      .map((call) => String(call.params.text));
  }

  /** The newest message with buttons: the panel. */
  panel(): ChatMessage {
    const panel = this.fake
      .visibleMessages(this.user.id)
      .filter((m) => m.buttons.length > 0)
      .at(-1);
    if (!panel) throw new Error(`user ${this.user.id} sees no panel`);
    return panel;
  }

  buttonData(): string[] {
    return this.panel()
      .buttons.flat()
      .map((b) => b.data);
  }

  lastText(): string {
    return String(this.outputs().at(-1)?.params.text ?? '');
  }

  async command(name: string, options: { date?: Date } = {}) {
    const update = this.updates.command(this.user, name);
    if (options.date) (update.message as { date: number }).date = Math.floor(options.date.getTime() / 1000);
    return this.post([update]);
  }

  async text(text: string, options: { date?: Date } = {}) {
    return this.post([
      this.updates.text(
        this.user,
        text,
        options.date ? { date: Math.floor(options.date.getTime() / 1000) } : {},
      ),
    ]);
  }

  /** Presses the panel's button with this data (it must be on the panel, as for a real user). */
  async press(data: string) {
    const panel = this.panel();
    if (!panel.buttons.flat().some((b) => b.data === data)) {
      throw new Error(`no button "${data}" on the panel: ${JSON.stringify(panel.buttons)}`);
    }
    return this.post([this.updates.callback(this.user, data, { messageId: panel.messageId })]);
  }

  /** Presses the button whose label is `label`. */
  async pressLabel(label: string) {
    const button = this.panel()
      .buttons.flat()
      .find((b) => b.text === label);
    if (!button) throw new Error(`no button labelled "${label}": ${JSON.stringify(this.panel().buttons)}`);
    return this.press(button.data);
  }

  async photo(fileId: string, options: { albumId?: string; date?: Date } = {}) {
    const update = this.updates.photo(this.user, {
      fileId,
      ...(options.albumId ? { albumId: options.albumId } : {}),
    });
    if (options.date) (update.message as { date: number }).date = Math.floor(options.date.getTime() / 1000);
    return this.post([update]);
  }

  /** A message of a kind the bots have no builder for (video, voice), as Telegram posts it. */
  raw(body: Record<string, unknown>): TelegramUpdateJson {
    return {
      update_id: rawUpdateId++,
      message: {
        message_id: rawUpdateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.user.id, type: 'private', first_name: this.user.firstName },
        from: {
          id: this.user.id,
          is_bot: false,
          first_name: this.user.firstName,
          ...(this.user.languageCode ? { language_code: this.user.languageCode } : {}),
        },
        ...body,
      },
    };
  }

  /** Every kind of message a step may not expect, in one burst. */
  unexpectedBurst(): TelegramUpdateJson[] {
    return [
      this.updates.text(this.user, 'what now?'),
      this.updates.sticker(this.user),
      this.updates.document(this.user, { fileId: 'doc-1', mimeType: 'application/pdf' }),
      this.raw({
        video: { file_id: 'video-1', file_unique_id: 'uv-1', width: 640, height: 480, duration: 3 },
      }),
      this.updates.location(this.user),
      this.updates.contact(this.user, '+77001234567'),
      this.raw({ voice: { file_id: 'voice-1', file_unique_id: 'uvo-1', duration: 2 } }),
    ];
  }
}
