import http from 'node:http';
import { TEST_TELEGRAM } from '../support/start-test-server';
import {
  telegramUpdates,
  telegramUser,
  type TelegramTestUser,
  type TelegramUpdateFactory,
  type TelegramUpdateJson,
} from '../../src/simulation/telegram-updates';

/** The demo election's parties, in the order voters are assigned to them. */
export const DEMO_CHOICES = ['nur-otan', 'ak-zhol', 'adal', 'auyl', 'peoples-party', 'against-all'] as const;
export const DEMO_SLUG = 'kz-2021-mazhilis';

/**
 * Server settings for a scripted load. Its voters press every button at machine speed with the
 * same pauses, so the spam score rightly calls them bots; with `review` their verdicts queue them
 * for a moderator but keep them counted, so that the load can check the tally against its ground
 * truth (what these tests are about). The defences have their own tests (spam-defences).
 */
export const SCRIPTED_LOAD_ENV = { SPAM_ACTION: 'review' } as const;
const DEMO_REGION = 'kz-akm';
const DEMO_DISTRICT = 'kz-akm-d01';
const DEMO_PRECINCTS = ['kz-akm-p0001', 'kz-akm-p0002'] as const;

export interface VoterLoadOptions {
  voters: number;
  /** Voters talking at once. */
  concurrency: number;
  /** Where voter `index` posts: lets a test spread voters over several API nodes, or follow a restart. */
  target: (voterIndex: number) => string;
  /** First Telegram user id (ids are consecutive). */
  firstUserId?: number;
  firstUpdateId?: number;
  /** The whole run gives up after this (every loop is bounded). */
  deadlineMs?: number;
  /** Called after every acknowledged update (a test uses it to decide when to crash the server). */
  onAcknowledged?: (count: number) => void;
  /** Who voter `index` is (default: `telegramUser(firstUserId + index)`). */
  userFor?: (index: number) => TelegramTestUser;
  /** Extra updates a voter sends right after /start (the bot reprompts; the vote goes on). */
  chatter?: (user: TelegramTestUser, updates: TelegramUpdateFactory) => TelegramUpdateJson[];
  /** Last edit to every update before it is posted (e.g. add fields Telegram sends). */
  decorate?: (update: TelegramUpdateJson, user: TelegramTestUser) => TelegramUpdateJson;
}

export interface VoterLoadResult {
  /** update_id of every update the webhook answered 2xx. */
  acknowledged: number[];
  /** Posts that failed (connection refused/reset, 5xx) and were sent again, as Telegram does. */
  resent: number;
  /** Votes per choice id among the voters whose whole conversation was acknowledged. */
  groundTruth: Map<string, number>;
  completedVoters: number;
  userIds: number[];
}

/**
 * Complete voter conversations (`/start` → language → continue → region → district → precinct →
 * choice → "no photo" → confirm: 9 updates, plus any `chatter`) posted to the real webhook as Telegram does:
 * each update is kept until it is answered 2xx and re-sent otherwise, and a chat's next update
 * is only sent once the previous one was acknowledged. Buttons are pressed without waiting for
 * the bot's panel: the inbox processes a chat in order, so the script is valid without reading
 * the replies, and the load is not throttled by the outbox's 1 message/s per chat.
 */
export async function runVoterLoad(options: VoterLoadOptions): Promise<VoterLoadResult> {
  const updates = telegramUpdates({ firstUpdateId: options.firstUpdateId ?? 1_000_000 });
  const firstUserId = options.firstUserId ?? 810_000_000;
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency * 2 });
  const result: VoterLoadResult = {
    acknowledged: [],
    resent: 0,
    groundTruth: new Map(),
    completedVoters: 0,
    userIds: [],
  };

  async function deliver(voterIndex: number, update: TelegramUpdateJson): Promise<void> {
    const body = JSON.stringify(update);
    for (let attempt = 0; ; attempt += 1) {
      if (Date.now() > deadline) throw new Error(`voter load: update ${update.update_id} never acknowledged`);
      const status = await postOnce(agent, options.target(voterIndex), body).catch(() => 0);
      if (status >= 200 && status < 300) break;
      if (status >= 400 && status < 500) throw new Error(`webhook refused a valid update: ${status}`);
      result.resent += 1;
      // Telegram backs off between redeliveries; a short pause lets a restarting server come up.
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, 20 * 2 ** Math.min(attempt, 5))));
    }
    result.acknowledged.push(update.update_id);
    options.onAcknowledged?.(result.acknowledged.length);
  }

  async function playVoter(index: number): Promise<void> {
    const user = options.userFor?.(index) ?? telegramUser(firstUserId + index);
    result.userIds.push(user.id);
    const choice = DEMO_CHOICES[index % DEMO_CHOICES.length]!;
    const precinct = DEMO_PRECINCTS[index % DEMO_PRECINCTS.length]!;
    const press = (data: string) => updates.callback(user, data, { messageId: 1 });
    const script = [
      updates.command(user, 'start'),
      ...(options.chatter?.(user, updates) ?? []),
      press('l:ru'),
      press('go'),
      press(`a:${DEMO_REGION}`),
      press(`a:${DEMO_DISTRICT}`),
      press(`a:${precinct}`),
      press(`ch:${choice}`),
      press('np'),
      press('ok'),
    ];
    for (const update of script) await deliver(index, options.decorate?.(update, user) ?? update);
    result.groundTruth.set(choice, (result.groundTruth.get(choice) ?? 0) + 1);
    result.completedVoters += 1;
  }

  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, options.voters) }, async () => {
        while (next < options.voters) await playVoter(next++);
      }),
    );
  } finally {
    agent.destroy();
  }
  return result;
}

function postOnce(agent: http.Agent, baseUrl: string, body: string): Promise<number> {
  const url = new URL('/webhooks/telegram/voter', baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-telegram-bot-api-secret-token': TEST_TELEGRAM.webhookSecret,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}

/** The voters' figures the public API shows for the whole election. */
export async function publicVoterTally(baseUrl: string): Promise<Map<string, number>> {
  const response = await fetch(`${baseUrl}/api/v1/elections/${DEMO_SLUG}/summary`);
  if (!response.ok) throw new Error(`summary answered ${response.status}`);
  const body = (await response.json()) as { voters: { choices: Array<{ id: string; count: number }> } };
  return new Map(body.voters.choices.filter((c) => c.count > 0).map((c) => [c.id, c.count]));
}

export function sortedEntries(map: Map<string, number>): Array<[string, number]> {
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Reads one unlabelled or labelled sample from the Prometheus text of `/metrics`. */
export async function metricValue(baseUrl: string, sample: string): Promise<number | undefined> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

/**
 * Waits until the worker has processed every inbox row, sent every reply and appended every
 * accepted submission to the transparency log, as `/metrics`
 * reports it (the gauges refresh every second; the same reading works on PGlite, whose files
 * a test cannot open while the server holds them).
 */
export async function waitForDrain(baseUrl: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietReadings = 0;
  while (quietReadings < 2) {
    if (Date.now() > deadline) throw new Error('the pipeline did not drain in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const inbox = await metricValue(baseUrl, 'dauys_inbox_unprocessed');
    const outbox = await metricValue(baseUrl, 'dauys_outbox_backlog{channel="telegram"}');
    const transparency = await metricValue(baseUrl, 'dauys_transparency_pending');
    // Two readings in a row, a refresh apart, so a gauge read just before new work cannot pass.
    quietReadings = inbox === 0 && outbox === 0 && transparency === 0 ? quietReadings + 1 : 0;
  }
}
