import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { whatsAppSignature } from '../../src/channels/whatsapp/whatsapp-signature';

/** A Cloud API `messages` request body, as far as the tests read it. */
export interface SentPayload {
  to: string;
  type: string;
  text?: { body: string };
  interactive?: {
    type: 'button' | 'list';
    body: { text: string };
    action: {
      buttons?: Array<{ type: 'reply'; reply: { id: string; title: string } }>;
      button?: string;
      sections?: Array<{ rows: Array<{ id: string; title: string; description?: string }> }>;
    };
  };
}

/** A message the bots sent, as the Cloud API received it. */
export interface FakeWhatsAppSend {
  phoneNumberId: string;
  to: string;
  payload: SentPayload;
}

/**
 * A local fake of the WhatsApp Cloud API over real HTTP on 127.0.0.1 — what `WHATSAPP_API_ROOT`
 * points at in tests: `POST /<phone-id>/messages` (recorded), `GET /<media-id>` (a URL back to
 * itself) and the download. Requests without the expected bearer token are refused, as Meta does.
 *
 * @example
 * const fake = await FakeWhatsAppApi.start('test-token');
 * fake.addMedia('m-1', jpeg);
 * await fake.waitFor(() => fake.sentTo('77010000001').length > 0);
 *
 * Why it lives in test/support while the fake Telegram API is in src/simulation: only tests use
 * it. The product's simulator (`dauys simulate`, the live demo) speaks Telegram only; if it ever
 * simulates WhatsApp voters, this fake moves beside the Telegram one, for the same reason.
 */
export class FakeWhatsAppApi {
  readonly sends: FakeWhatsAppSend[] = [];
  private readonly media = new Map<string, Buffer>();
  private readonly waiters = new Set<() => void>();
  private nextId = 1;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly token: string,
  ) {}

  static async start(token: string): Promise<FakeWhatsAppApi> {
    const holder: { fake?: FakeWhatsAppApi } = {};
    const server = http.createServer((request, response) => {
      void holder.fake?.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeWhatsAppApi(server, `http://127.0.0.1:${port}`, token);
    return holder.fake;
  }

  addMedia(id: string, data: Buffer): void {
    this.media.set(id, data);
  }

  sentTo(phone: string): FakeWhatsAppSend[] {
    return this.sends.filter((send) => send.to === phone);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
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
        reject(new Error(`fake WhatsApp API: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return this.reply(response, 401, { error: { code: 190, message: 'Invalid OAuth access token' } });
    }
    const send = /^\/([^/]+)\/messages$/.exec(path);
    if (request.method === 'POST' && send?.[1]) {
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentPayload;
      this.sends.push({ phoneNumberId: send[1], to: String(payload.to), payload });
      this.reply(response, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ wa_id: payload.to }],
        messages: [{ id: `wamid.out-${this.nextId++}` }],
      });
      for (const waiter of [...this.waiters]) waiter();
      return;
    }
    const download = /^\/download\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && download?.[1]) {
      const data = this.media.get(decodeURIComponent(download[1]));
      if (!data) return this.reply(response, 404, { error: { code: 100, message: 'no such media' } });
      response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': data.length });
      response.end(data);
      return;
    }
    const lookup = /^\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && lookup?.[1]) {
      const id = decodeURIComponent(lookup[1]);
      const data = this.media.get(id);
      if (!data) return this.reply(response, 404, { error: { code: 100, message: 'no such media' } });
      return this.reply(response, 200, {
        id,
        url: `${this.url}/download/${encodeURIComponent(id)}`,
        mime_type: 'image/jpeg',
        file_size: data.length,
      });
    }
    this.reply(response, 404, { error: { code: 100, message: `unknown ${request.method} ${path}` } });
  }

  private reply(response: http.ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }
}

/**
 * Webhook bodies as Meta posts them, one user per builder, with increasing message ids.
 *
 * @example
 * const user = whatsappUser('77010000001', '1055');
 * await post(user.text('/start CODE'));
 */
export function whatsappUser(phone: string, phoneNumberId: string) {
  let sequence = 0;
  const wrap = (message: Record<string, unknown>) => ({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'waba-test',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: 'Test user' }, wa_id: phone }],
              messages: [
                {
                  from: phone,
                  id: `wamid.in-${phone}-${++sequence}-${Date.now()}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  ...message,
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return {
    phone,
    text: (body: string) => wrap({ type: 'text', text: { body } }),
    button: (id: string) =>
      wrap({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: id } } }),
    listRow: (id: string) =>
      wrap({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title: id } } }),
    image: (mediaId: string) =>
      wrap({ type: 'image', image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'x' } }),
  };
}

/** POSTs a webhook body signed with `appSecret` (or with the signature given). */
export async function postWhatsApp(
  baseUrl: string,
  body: unknown,
  options: { appSecret: string; signature?: string },
): Promise<{ status: number; body: string }> {
  const raw = JSON.stringify(body);
  const response = await fetch(`${baseUrl}/webhooks/whatsapp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': options.signature ?? whatsAppSignature(raw, options.appSecret),
    },
    body: raw,
  });
  return { status: response.status, body: await response.text() };
}

/** The reply ids a sent payload offers (reply buttons or list rows). */
export function optionIds(send: FakeWhatsAppSend | undefined): string[] {
  const interactive = send?.payload.interactive;
  if (!interactive) return [];
  if (interactive.type === 'button') return (interactive.action.buttons ?? []).map((b) => b.reply.id);
  return (interactive.action.sections ?? []).flatMap((section) => section.rows.map((row) => row.id));
}

/** The text a sent payload shows (a text body or an interactive body). */
export function shownText(send: FakeWhatsAppSend | undefined): string {
  return String(send?.payload.text?.body ?? send?.payload.interactive?.body?.text ?? '');
}
