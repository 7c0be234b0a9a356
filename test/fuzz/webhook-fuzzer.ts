import http from 'node:http';
import { sql } from 'kysely';
import { whatsAppSignature } from '../../src/channels/whatsapp/whatsapp-signature';
import { startWorker } from '../../src/jobs/worker';
import { whatsappUser } from '../support/fake-whatsapp-api';
import { startTestServer, TEST_TELEGRAM, type TestServer } from '../support/start-test-server';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { writeOpenElection } from '../e2e/voter-election-files';
import { createRng, fuzzPayload, type FuzzPayload, type SeededRandom } from './payload-mutations';
import { androidFuzzRequest, FUZZ_SMS, twilioFuzzRequest } from './sms-fuzz-requests';

export const FUZZ_WHATSAPP = {
  token: 'fuzz-whatsapp-token',
  appSecret: 'fuzz-whatsapp-app-secret-0123456789',
  verifyToken: 'fuzz-verify-token',
  voterPhoneId: '1066000001',
} as const;

export type WebhookName = 'telegram' | 'whatsapp' | 'webchat' | 'sms-twilio' | 'sms-android';

export interface FuzzReport {
  webhook: WebhookName;
  cases: number;
  /** `<mutation kind> → <status class>` → count. */
  outcomes: Map<string, number>;
  /** Cases answered 5xx or with no answer at all (must be none). */
  serverErrors: string[];
  /** Refused cases (4xx) after which the inbox had grown (must be none). */
  storedWhenRefused: string[];
  accepted: number;
}

/** One prepared request: where it goes and what it carries. */
interface FuzzRequest {
  path: string;
  payload: FuzzPayload;
  headers: Record<string, string>;
}

/**
 * The real server in this process (HTTP on 127.0.0.1, its worker started later) with
 * the Telegram, WhatsApp, web-chat and both SMS webhooks configured, and an open election loaded.
 */
export async function startFuzzServer(): Promise<TestServer> {
  const server: TestServer = await startTestServer({
    // No worker while fuzzing: the loop measures the webhooks alone; `processEverything` then
    // runs the real conversation over whatever was accepted.
    worker: false,
    env: {
      LOG_LEVEL: 'warn',
      WHATSAPP_TOKEN: FUZZ_WHATSAPP.token,
      WHATSAPP_APP_SECRET: FUZZ_WHATSAPP.appSecret,
      WHATSAPP_VERIFY_TOKEN: FUZZ_WHATSAPP.verifyToken,
      // Never called: the fuzz server's worker does not send (nothing listens there anyway).
      WHATSAPP_API_ROOT: 'http://127.0.0.1:9',
      WHATSAPP_VOTER_PHONE_ID: FUZZ_WHATSAPP.voterPhoneId,
      ...FUZZ_SMS.env(),
    },
  });
  await server.app.elections.loadFile((await writeOpenElection('fuzz-open')).electionFile);
  return server;
}

/** Valid requests to mutate, a fresh update id / message id each time (so valid ones are new). */
function seedRequest(webhook: WebhookName, rng: SeededRandom, sessionCookie: string): () => FuzzRequest {
  const updates = telegramUpdates({ firstUpdateId: 50_000_000 + rng.nextInt(1_000_000) * 10 });
  let serial = 0;
  if (webhook === 'telegram') {
    return () => {
      const user = telegramUser(700_000_000 + rng.nextInt(50), { username: 'fuzz_user', languageCode: 'ru' });
      const seeds = [
        () => updates.text(user, 'hello'),
        () => updates.command(user, 'start'),
        () => updates.callback(user, 'l:ru'),
        () => updates.photo(user, { fileId: 'fuzz-photo', caption: 'c' }),
        () => updates.document(user, { fileId: 'fuzz-doc' }),
        () => updates.sticker(user),
        () => updates.location(user),
        () => updates.contact(user, '+77001234567'),
        () => updates.groupText(user, 'hi group'),
        () => updates.editedMessage(user, 'edited'),
        () => updates.myChatMember(user, 'kicked'),
      ];
      const payload = fuzzPayload(rng, seeds[rng.nextInt(seeds.length)]!());
      const headers: Record<string, string> = {
        'x-telegram-bot-api-secret-token': TEST_TELEGRAM.webhookSecret,
      };
      return { path: '/webhooks/telegram/voter', payload, headers };
    };
  }
  if (webhook === 'sms-twilio') return () => twilioFuzzRequest(rng);
  if (webhook === 'sms-android') return () => androidFuzzRequest(rng);
  if (webhook === 'whatsapp') {
    return () => {
      const user = whatsappUser(
        `7701${String(rng.nextInt(100)).padStart(7, '0')}`,
        FUZZ_WHATSAPP.voterPhoneId,
      );
      const seeds = [
        () => user.text('hello'),
        () => user.button('l:ru'),
        () => user.listRow('a:r1'),
        () => user.image('m-1'),
      ];
      const payload = fuzzPayload(rng, seeds[rng.nextInt(seeds.length)]!());
      // Mostly signed over the exact bytes sent, so the mutation reaches the parser behind the check.
      const signature =
        rng.next() < 0.9 ? whatsAppSignature(payload.body, FUZZ_WHATSAPP.appSecret) : 'sha256=00';
      return { path: '/webhooks/whatsapp', payload, headers: { 'x-hub-signature-256': signature } };
    };
  }
  return () => {
    serial += 1;
    const clientMessageId = `fz-${serial}-${rng.nextInt(1e9)}`;
    const seeds = [
      { clientMessageId, locale: 'ru', input: { kind: 'text', text: 'hello' } },
      { clientMessageId, input: { kind: 'command', command: 'start' } },
      { clientMessageId, input: { kind: 'button', data: 'l:ru' } },
    ];
    if (rng.next() < 0.15) {
      // The photo upload: random or truncated bytes under an image content type.
      const bytes = Buffer.alloc(rng.nextInt(20_000));
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = rng.nextInt(256);
      const contentType = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'][rng.nextInt(4)]!;
      return {
        path: `/webchat/api/photo?clientMessageId=${clientMessageId}`,
        payload: { kind: `photo:${contentType}`, body: bytes, contentType },
        headers: { cookie: sessionCookie },
      };
    }
    return {
      path: '/webchat/api/messages',
      payload: fuzzPayload(rng, seeds[rng.nextInt(seeds.length)]),
      headers: { cookie: sessionCookie },
    };
  };
}

/**
 * Posts `cases` fuzzed requests to one webhook, one at a time, and checks after each that a
 * refused request stored nothing: the inbox row count must not move on a 4xx.
 */
export async function fuzzWebhook(
  server: TestServer,
  webhook: WebhookName,
  cases: number,
  seed: number,
): Promise<FuzzReport> {
  const rng = createRng(seed);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(server.url);
  const session = await fetch(`${server.url}/webchat/api/session`, { method: 'POST' });
  const sessionCookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const next = seedRequest(webhook, rng, sessionCookie);
  const report: FuzzReport = {
    webhook,
    cases,
    outcomes: new Map(),
    serverErrors: [],
    storedWhenRefused: [],
    accepted: 0,
  };
  let inboxRows = await countInbox(server);
  try {
    for (let index = 0; index < cases; index += 1) {
      const request = next();
      const status = await send(agent, base, request).catch(() => 0);
      const outcome = `${request.payload.kind} → ${status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`}`;
      report.outcomes.set(outcome, (report.outcomes.get(outcome) ?? 0) + 1);
      if (status === 0 || status >= 500)
        report.serverErrors.push(`#${index} ${request.payload.kind}: ${status}`);
      const after = await countInbox(server);
      if (status >= 400 && after !== inboxRows)
        report.storedWhenRefused.push(`#${index} ${request.payload.kind}`);
      if (status >= 200 && status < 300) report.accepted += 1;
      inboxRows = after;
    }
  } finally {
    agent.destroy();
  }
  return report;
}

async function countInbox(server: TestServer): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from inbox`.execute(server.app.database.db);
  return Number(rows[0]?.n);
}

function send(agent: http.Agent, base: URL, request: FuzzRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: request.path,
        method: 'POST',
        agent,
        timeout: 30_000,
        headers: {
          ...(request.payload.contentType ? { 'content-type': request.payload.contentType } : {}),
          'content-length': request.payload.body.length,
          ...request.headers,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    // The server may answer 413 and close before reading the whole oversized body.
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    outgoing.end(request.payload.body);
  });
}

/**
 * Starts the worker with the real conversation, waits until every inbox row is settled, stops it,
 * and counts the rows it failed on at least once (`attempts` counts failures).
 */
export async function processEverything(
  server: TestServer,
  timeoutMs = 120_000,
): Promise<{ pending: number; failed: number }> {
  const worker = startWorker(server.app, { sendOutbox: false });
  try {
    return await settleAndCountFailures(server, timeoutMs);
  } finally {
    await worker.stop();
  }
}

async function settleAndCountFailures(
  server: TestServer,
  timeoutMs: number,
): Promise<{ pending: number; failed: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ pending: string; failed: string }>`
      select count(*) filter (where status = 'pending') as pending,
             count(*) filter (where attempts > 0) as failed
      from inbox`.execute(server.app.database.db);
    const pending = Number(rows[0]?.pending);
    const failed = Number(rows[0]?.failed);
    if (pending === 0 || Date.now() > deadline) return { pending, failed };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
