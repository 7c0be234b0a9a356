import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of the Telegram Bot API, over real HTTP on 127.0.0.1 — what `TELEGRAM_API_ROOT`
 * points at in tests, the simulator and the bench. It speaks the subset the bots use (getMe,
 * sendMessage, editMessageText, answerCallbackQuery, getFile, sendPhoto, deleteMessage,
 * setWebhook/deleteWebhook) and serves files at `/file/bot<token>/<path>`, remembers what each
 * chat shows (so a test can read the panel a voter sees), records every call, and fails on
 * demand (429 with retry_after, 5xx, any Bot API error).
 *
 * @example
 * const fake = await FakeTelegramApi.start();
 * fake.addFile('photo-1', jpegBytes);
 * fake.failNext('sendMessage', { errorCode: 429, retryAfter: 1 });
 * // … run the server with TELEGRAM_API_ROOT=fake.url …
 * fake.callsTo('sendMessage')[0].params.text;
 * fake.visibleMessages(chatId); // [{ messageId: 1, text: 'Choose a region', buttons: [[…]] }]
 * await fake.close();
 *
 * Why it lives in src/ and not test/support (where the fake WhatsApp API is): it is part of the
 * product. `dauys simulate` posts a scripted election day through it, and `dauys start --demo`
 * (unless `--no-live`, src/simulation/live-demo.ts) runs its simulated voters against it, so it
 * ships in the package. The tests and the bench import this same fake rather than keep a copy.
 */
export interface FakeTelegramCall {
  method: string;
  token: string;
  params: Record<string, unknown>;
  /** `Date.now()` when the call arrived. */
  at: number;
  /** The HTTP status the fake answered. */
  status: number;
}

export interface InjectedFailure {
  errorCode: number;
  description?: string;
  /** Seconds, sent as `parameters.retry_after` (for 429). */
  retryAfter?: number;
}

export interface ChatMessage {
  messageId: number;
  text: string;
  /** Inline keyboard as `[{ text, data }]` rows, if any. */
  buttons: Array<Array<{ text: string; data: string }>>;
  photo?: boolean;
}

interface StoredFile {
  fileUniqueId: string;
  filePath: string;
  data: Buffer;
}

const BOT_ID = 7_000_000_001;
const MADE_FILES_KEPT = 64;

export class FakeTelegramApi {
  /** Every call, in arrival order. */
  readonly calls: FakeTelegramCall[] = [];
  private readonly files = new Map<string, StoredFile>();
  private readonly fileIdsByPath = new Map<string, string>();
  /** Files made on demand by `fileSource`, newest last; the oldest are dropped past `MADE_FILES_KEPT`. */
  private readonly madeFiles: string[] = [];
  private fileSource: ((fileId: string) => Promise<Buffer | undefined>) | undefined;
  private callCount = 0;
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly chats = new Map<string, Map<number, ChatMessage>>();
  private nextMessageId = 1;
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: http.Server,
    /** The API root: pass as `TELEGRAM_API_ROOT`. */
    readonly url: string,
    /** `false`: keep no calls and no chats (a long simulation), only `totalCalls()`. */
    private readonly record: boolean,
  ) {}

  /**
   * Listens on 127.0.0.1 (port 0 picks a free one; the simulator takes a fixed one so a server
   * can be started with `TELEGRAM_API_ROOT` pointing at it first).
   */
  static async start(options: { port?: number; record?: boolean } = {}): Promise<FakeTelegramApi> {
    // The handler needs the instance, which needs the server's port: filled in right after listen().
    const holder: { fake?: FakeTelegramApi } = {};
    const server = http.createServer((request, response) => {
      void holder.fake?.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeTelegramApi(server, `http://127.0.0.1:${port}`, options.record ?? true);
    return holder.fake;
  }

  /** Registers a file the bots may fetch by `fileId` (e.g. a photo a test user "sends"). */
  addFile(fileId: string, data: Buffer, options: { fileUniqueId?: string; filePath?: string } = {}): void {
    const filePath = options.filePath ?? `photos/${encodeURIComponent(fileId)}.jpg`;
    this.files.set(fileId, { data, fileUniqueId: options.fileUniqueId ?? `u-${fileId}`, filePath });
    this.fileIdsByPath.set(filePath, fileId);
  }

  /**
   * Makes files nobody added, when the bots ask for them: the simulator regenerates a photo from
   * its file id, so thousands of photos never sit in memory at once (the last few are kept for
   * the download that follows `getFile`).
   */
  setFileSource(source: (fileId: string) => Promise<Buffer | undefined>): void {
    this.fileSource = source;
  }

  /** Calls answered so far (counted even when `record` is off). */
  totalCalls(): number {
    return this.callCount;
  }

  /** Makes the next `times` calls of `method` (or `'*'` for any) fail with a Bot API error. */
  failNext(method: string, failure: InjectedFailure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.failures.set(method, queue);
  }

  /** Successful and failed calls of one method, in order. */
  callsTo(method: string): FakeTelegramCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Calls that succeeded (status 200), optionally of one method. */
  successfulCalls(method?: string): FakeTelegramCall[] {
    return this.calls.filter(
      (call) => call.status === 200 && (method === undefined || call.method === method),
    );
  }

  /** What the chat shows now, oldest message first (edits applied). */
  visibleMessages(chatId: number | string): ChatMessage[] {
    return [...(this.chats.get(String(chatId))?.values() ?? [])];
  }

  /** Resolves once `predicate()` holds (checked after every call), or rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake Telegram API: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Forgets calls, chats and injected failures (files stay). */
  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
    this.chats.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch && request.method === 'GET')
      return this.serveFile(decodeURIComponent(fileMatch[2] ?? ''), response);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return this.reply(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', method = ''] = match;
    const params = { ...Object.fromEntries(url.searchParams), ...(await readParams(request)) };
    const call: FakeTelegramCall = { method, token, params, at: Date.now(), status: 200 };
    this.callCount += 1;
    if (method === 'getFile') await this.makeFile(String(params.file_id ?? ''));
    if (this.record) this.calls.push(call);
    const answer = this.answer(call);
    call.status = answer.status;
    this.reply(response, answer.status, answer.body);
    for (const waiter of [...this.waiters]) waiter();
  }

  private answer(call: FakeTelegramCall): { status: number; body: unknown } {
    if (!/^\d+:[\w-]+$/.test(call.token)) return apiError(401, 'Unauthorized');
    const failure = this.failures.get(call.method)?.shift() ?? this.failures.get('*')?.shift();
    if (failure) {
      return apiError(
        failure.errorCode,
        failure.description ?? defaultDescription(failure),
        failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined,
      );
    }
    const p = call.params;
    switch (call.method) {
      case 'getMe':
        return ok({ id: BOT_ID, is_bot: true, first_name: 'Dauys test bot', username: 'dauys_test_bot' });
      case 'setWebhook':
      case 'deleteWebhook':
      case 'answerCallbackQuery':
        return ok(true);
      case 'sendMessage':
      case 'sendPhoto': {
        if (!this.record)
          return ok(
            this.messageObject(p.chat_id, {
              messageId: this.nextMessageId++,
              text: String(p.text ?? p.caption ?? ''),
              buttons: [],
            }),
          );
        const chat = this.chat(p.chat_id);
        const message: ChatMessage = {
          messageId: this.nextMessageId++,
          text: String(p.text ?? p.caption ?? ''),
          buttons: buttonsOf(p.reply_markup),
          ...(call.method === 'sendPhoto' ? { photo: true } : {}),
        };
        chat.set(message.messageId, message);
        return ok(this.messageObject(p.chat_id, message));
      }
      case 'editMessageText': {
        if (!this.record) return ok(true);
        const message = this.chat(p.chat_id).get(Number(p.message_id));
        if (!message) return apiError(400, 'Bad Request: message to edit not found');
        const text = String(p.text ?? '');
        const buttons = buttonsOf(p.reply_markup);
        if (message.text === text && JSON.stringify(message.buttons) === JSON.stringify(buttons)) {
          return apiError(
            400,
            'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          );
        }
        message.text = text;
        message.buttons = buttons;
        return ok(this.messageObject(p.chat_id, message));
      }
      case 'deleteMessage': {
        if (!this.record) return ok(true);
        const deleted = this.chat(p.chat_id).delete(Number(p.message_id));
        return deleted ? ok(true) : apiError(400, 'Bad Request: message to delete not found');
      }
      case 'getFile': {
        const fileId = String(p.file_id ?? '');
        const file = this.files.get(fileId);
        if (!file) return apiError(400, 'Bad Request: invalid file_id');
        return ok({
          file_id: fileId,
          file_unique_id: file.fileUniqueId,
          file_size: file.data.length,
          file_path: file.filePath,
        });
      }
      default:
        return apiError(404, 'Not Found: method not found');
    }
  }

  private async makeFile(fileId: string): Promise<void> {
    if (this.files.has(fileId) || !this.fileSource) return;
    const data = await this.fileSource(fileId);
    if (!data) return;
    this.addFile(fileId, data);
    this.madeFiles.push(fileId);
    while (this.madeFiles.length > MADE_FILES_KEPT) {
      const dropped = this.madeFiles.shift()!;
      const file = this.files.get(dropped);
      this.files.delete(dropped);
      if (file) this.fileIdsByPath.delete(file.filePath);
    }
  }

  private async serveFile(filePath: string, response: http.ServerResponse): Promise<void> {
    let fileId = this.fileIdsByPath.get(filePath);
    if (fileId === undefined && filePath.startsWith('photos/') && filePath.endsWith('.jpg')) {
      // Dropped since its getFile (a retried download): made again from the id in its path.
      fileId = decodeURIComponent(filePath.slice('photos/'.length, -'.jpg'.length));
      await this.makeFile(fileId);
    }
    const file = fileId === undefined ? undefined : this.files.get(fileId);
    if (!file) {
      response.statusCode = 404;
      response.end('Not Found');
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': file.data.length,
    });
    response.end(file.data);
  }

  private chat(chatId: unknown): Map<number, ChatMessage> {
    const key = String(chatId);
    let chat = this.chats.get(key);
    if (!chat) {
      chat = new Map();
      this.chats.set(key, chat);
    }
    return chat;
  }

  private messageObject(chatId: unknown, message: ChatMessage) {
    return {
      message_id: message.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: 'private' },
      from: { id: BOT_ID, is_bot: true, first_name: 'Dauys test bot' },
      text: message.text,
      ...(message.buttons.length > 0
        ? {
            reply_markup: {
              inline_keyboard: message.buttons.map((row) =>
                row.map((button) => ({ text: button.text, callback_data: button.data })),
              ),
            },
          }
        : {}),
    };
  }

  private reply(response: http.ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    });
    response.end(json);
  }
}

function ok(result: unknown) {
  return { status: 200, body: { ok: true, result } };
}

function apiError(code: number, description: string, parameters?: Record<string, unknown>) {
  return {
    status: code,
    body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
  };
}

function defaultDescription(failure: InjectedFailure): string {
  if (failure.errorCode === 429) return `Too Many Requests: retry after ${failure.retryAfter ?? 1}`;
  if (failure.errorCode >= 500) return 'Internal Server Error';
  return 'Bad Request';
}

function buttonsOf(markup: unknown): ChatMessage['buttons'] {
  const parsed = typeof markup === 'string' ? (JSON.parse(markup) as unknown) : markup;
  const rows = (
    parsed as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined
  )?.inline_keyboard;
  return (rows ?? []).map((row) =>
    row.map((button) => ({ text: button.text, data: button.callback_data ?? '' })),
  );
}

async function readParams(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (!body) return {};
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  if (type.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(body));
  // Multipart uploads (sendPhoto with a file): recorded by size only.
  return { _rawBytes: body.length };
}
