import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './wait-until';

/** An SMS a bot sent, as the provider's API received it. */
export interface FakeSmsSend {
  to: string;
  text: string;
  /** The sender field as given (Twilio's From or MessagingServiceSid; the gateway's device). */
  from?: string;
}

/** What a provider fake answers one API request with; `undefined`: not its route (404). */
export type FakeSmsRoute = (request: {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}) => { status: number; body: unknown; send?: FakeSmsSend } | undefined;

/**
 * The loopback HTTP server both SMS provider fakes share: it records the sends a route accepts
 * and lets a test wait for them, like the fake WhatsApp API (test/support/fake-whatsapp-api.ts).
 */
export class FakeSmsServer {
  readonly sends: FakeSmsSend[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(route: FakeSmsRoute): Promise<FakeSmsServer> {
    const holder: { fake?: FakeSmsServer } = {};
    const server = http.createServer((request, response) => {
      void holder.fake?.handle(route, request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeSmsServer(server, `http://127.0.0.1:${port}`);
    return holder.fake;
  }

  sentTo(phone: string): FakeSmsSend[] {
    return this.sends.filter((send) => send.to === phone);
  }

  waitFor(predicate: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<unknown> {
    return waitUntil(predicate, { timeoutMs, what: `the fake SMS provider to see ${what}` });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(route: FakeSmsRoute, request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = route({
      method: request.method ?? 'GET',
      path: (request.url ?? '/').split('?')[0] ?? '/',
      authorization: request.headers.authorization,
      body: Buffer.concat(chunks).toString('utf8'),
    }) ?? { status: 404, body: { message: `unknown ${request.method} ${request.url}` } };
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
    if (answer.send) this.sends.push(answer.send);
  }
}

/** An HTTP Basic header, as the fakes expect it. */
export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
