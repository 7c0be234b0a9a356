/**
 * bench/sms — SMS handled per second through the SMS adapter, black-box (issue 21).
 *
 *   npx tsx bench/sms.ts [--phones 2000] [--concurrency 32] [--db pglite|postgres|both]
 *                        [--max-seconds 300] [--json]
 *
 * For each database and each provider it spawns the real `dauys start --demo --port 0` (a temp
 * DAUYS_DATA_DIR; PostgreSQL: a throwaway database of BENCH_DATABASE_URL or TEST_DATABASE_URL)
 * with both bots' numbers on that provider, whose fake (test/support/fake-twilio.ts,
 * fake-android-sms-gateway.ts) runs in this process on 127.0.0.1, and SMS_MAX_SENDS_PER_SECOND
 * raised so replies reach the fake at once. One server per provider because a bot has one number:
 * `dauys start` refuses the voter bot on both providers (channel-config-check.ts).
 *
 * Traffic: `--phones` distinct numbers, half posted as Twilio's webhook, half as the Android app's,
 * each signed as that provider signs, each sending one compact vote `<word> <region>/<precinct>
 * <choice>` (docs/sms-grammar.md; the word V, Г or Д by turns, so replies come in en, ru, kk) for
 * a real demo precinct, closed loop at `--concurrency`, each resent until answered 2xx.
 * It prints per database: the load client's ceiling (the same signed requests against a raw TCP
 * answerer), acknowledged SMS/s and ack p50/p99, SMS handled/s end to end (first post → the
 * confirming reply SMS at the fake, for every phone), the lag from the last post to the last reply,
 * votes counted per the public summary, CPU-ms per SMS of the server process, its peak RSS, and
 * the segments of the confirming replies per language (src/shared/sms-segments.ts).
 * Loopback only; bounded by `--max-seconds` per server; children are killed on exit or error.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { androidGatewaySignature } from '../src/channels/sms/android-gateway-signature';
import { twilioSignature } from '../src/channels/sms/twilio-signature';
import { DEMO_ELECTION_FILE } from '../src/cli/paths';
import { en } from '../src/i18n/catalogs/voter/en';
import { kk } from '../src/i18n/catalogs/voter/kk';
import { ru } from '../src/i18n/catalogs/voter/ru';
import { parseCsvTable } from '../src/services/csv-table';
import { smsSegments } from '../src/shared/sms-segments';
import {
  androidPhone,
  fakeAndroidGatewayEnv,
  startFakeAndroidGateway,
  TEST_ANDROID,
} from '../test/support/fake-android-sms-gateway';
import type { FakeSmsSend, FakeSmsServer } from '../test/support/fake-sms-provider';
import { fakeTwilioEnv, startFakeTwilio, TEST_TWILIO, twilioPhone } from '../test/support/fake-twilio';
import { TEST_TELEGRAM } from '../test/support/start-test-server';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';
import * as bench from './bench-process';
import { LoadClient, newAcks, postUntilAcked, type Acks } from './load-client';

const { values: args } = parseArgs({
  options: {
    phones: { type: 'string', default: '2000' },
    ...bench.BLACK_BOX_OPTIONS,
  },
});
const PHONES = Number(args.phones);
const CONCURRENCY = Number(args.concurrency);
const MAX_SECONDS = Number(args['max-seconds']);
/** Segments a second per bot, raised far past any real sender (see SENDERS_NOTE). */
const SENDS_PER_SECOND = '2000';
const MAX_ATTEMPTS = 20;
/** What Twilio signs: the public URL it calls (SMS_TWILIO_WEBHOOK_BASE_URL), not our loopback one. */
const SIGNED_BASE = 'https://dauys.example.org';
const SENDERS_NOTE =
  'A real sender is far slower than SMS_MAX_SENDS_PER_SECOND=2000 here: an unrooted Android phone may send ' +
  '30 SMS per 30 minutes per app (SmsUsageMonitor DEFAULT_SMS_MAX_COUNT; android.googlesource.com/platform/' +
  'frameworks/opt/telephony, SmsUsageMonitor.java; the gateway asks for limits in its settings, ' +
  'docs.sms-gate.app/faq/errors/#result_error_limit_exceeded-error), and a Twilio long code about 1 ' +
  'segment/s (docs/sms.md, Limits). What is measured is Dauys, not the phone network.';

type Database = bench.BenchDatabase;
type Language = 'en' | 'ru' | 'kk';
/** The vote word of each language (docs/sms-grammar.md) and the start of its confirming reply. */
const LANGUAGES: Array<{ language: Language; word: string; recorded: string }> = (
  [
    ['en', 'V', en['voter.sms_vote_recorded']],
    ['ru', 'Г', ru['voter.sms_vote_recorded']],
    ['kk', 'Д', kk['voter.sms_vote_recorded']],
  ] as const
).map(([language, word, reply]) => ({ language, word, recorded: reply.split('{')[0]! }));

/** One SMS as the provider posts it: the body made before the clock, headers per attempt. */
interface Sms {
  phone: string;
  language: Language;
  body: string;
  headers(): Record<string, string>;
}

interface Provider {
  name: 'twilio' | 'android';
  path: string;
  contentType: string;
  start(): Promise<FakeSmsServer>;
  env(fake: FakeSmsServer): Record<string, string>;
  sms(phone: string, text: string, index: number): Omit<Sms, 'language'>;
}

const PROVIDERS: Provider[] = [
  {
    name: 'twilio',
    path: '/webhooks/sms/twilio/voter',
    contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    start: () => startFakeTwilio(),
    env: (fake) => fakeTwilioEnv(fake.url, SIGNED_BASE),
    sms(phone, text) {
      const form = twilioPhone(phone, TEST_TWILIO.voterFrom).form(text);
      const signature = twilioSignature(TEST_TWILIO.authToken, `${SIGNED_BASE}${this.path}`, form);
      return { phone, body: form.toString(), headers: () => ({ 'x-twilio-signature': signature }) };
    },
  },
  {
    name: 'android',
    path: '/webhooks/sms/android/voter',
    contentType: 'application/json; charset=utf-8',
    start: () => startFakeAndroidGateway(),
    env: (fake) => fakeAndroidGatewayEnv(fake.url),
    sms(phone, text, index) {
      const delivery = androidPhone(phone).received(text);
      // The fake's messageId is time-based; the app's is a hash per message: unique per phone here.
      delivery.payload.messageId = (0x10000000 + index).toString(16);
      const body = JSON.stringify(delivery);
      // The phone signs each attempt anew, with the time of that attempt.
      return {
        phone,
        body,
        headers: () => {
          const timestamp = String(Math.floor(Date.now() / 1000));
          return {
            'x-timestamp': timestamp,
            'x-signature': androidGatewaySignature(body, timestamp, TEST_ANDROID.signingKey),
          };
        },
      };
    },
  },
];

/** `<region number>/<precinct number>` of every demo precinct (numbers repeat across regions). */
async function demoPrecincts(geographyFile: string): Promise<string[]> {
  const table = parseCsvTable(await fs.readFile(geographyFile, 'utf8'), geographyFile);
  const areas = new Map(table.records.map(({ values }) => [values.code ?? '', values]));
  const regionOf = (code: string): Record<string, string> | undefined => {
    const area = areas.get(code);
    return area?.parent ? regionOf(area.parent) : area;
  };
  return table.records
    .filter(({ values }) => values.level === 'precinct')
    .map(({ values }) => `${regionOf(values.code ?? '')?.number}/${values.number}`);
}

/** Every phone's one vote, for one provider; the phones of the two providers never overlap. */
function votes(provider: Provider, count: number, precincts: string[], choices: number): Sms[] {
  const prefix = provider.name === 'twilio' ? '+7701' : '+7702';
  return Array.from({ length: count }, (_, i) => {
    const { language, word } = LANGUAGES[i % LANGUAGES.length]!;
    const precinct = precincts[(i * 7919) % precincts.length]!;
    const text = `${word} ${precinct} ${(i % choices) + 1}`;
    return { ...provider.sms(`${prefix}${String(i).padStart(7, '0')}`, text, i), language };
  });
}

/** Posts every SMS, `CONCURRENCY` at a time, each resent until answered 2xx (bounded). */
async function postAll(client: LoadClient, all: Sms[], deadline: number): Promise<Acks> {
  const posted = newAcks();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < all.length && Date.now() < deadline)
        await postUntilAcked(client, posted, all[next++]!, deadline, MAX_ATTEMPTS);
    }),
  );
  return posted;
}

/** The replies the fake receives, kept per phone: when the confirming one came, and its text. */
function watchReplies(fake: FakeSmsServer, all: Sms[]) {
  const expected = new Map(all.map((sms) => [sms.phone, sms.language]));
  const seen = {
    confirmed: new Map<string, string>(),
    other: [] as string[],
    lastReplyAt: 0,
  };
  // Kept out of the fake's own log, so memory stays bounded by the phones.
  fake.sends.push = (...sends: FakeSmsSend[]) => {
    for (const send of sends) {
      seen.lastReplyAt = performance.now();
      const language = expected.get(send.to);
      const recorded = LANGUAGES.find((each) => each.language === language)?.recorded;
      if (recorded && send.text.startsWith(recorded)) seen.confirmed.set(send.to, send.text);
      else if (seen.other.length < 5) seen.other.push(send.text);
    }
    return 0;
  };
  return seen;
}

async function countedVotes(url: string, slug: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/elections/${slug}/summary`);
  return ((await response.json()) as { voters: { counted: number } }).voters.counted;
}

interface Row {
  database: Database;
  provider: Provider['name'];
  phones: number;
  clientCeiling: number;
  ackedPerSecond: number;
  ackP50: number;
  ackP99: number;
  resent: number;
  handledPerSecond: number;
  confirmed: number;
  lagSeconds: number;
  counted: number;
  cpuMsPerSms: number;
  peakRssMb: number;
  segments: Record<Language, string>;
  unexpectedReplies: string[];
}

/** The client against a raw TCP answerer, with the same signed requests: no server can be cheaper. */
async function clientCeiling(rawUrl: string, provider: Provider, all: Sms[]): Promise<number> {
  const client = new LoadClient(rawUrl, { 'content-type': provider.contentType }, CONCURRENCY);
  try {
    const posted = await postAll(client, all, Date.now() + MAX_SECONDS * 1000);
    return posted.acked / ((posted.lastAckAt - posted.firstPostAt) / 1000);
  } finally {
    client.close();
  }
}

/** Segments of the confirming replies in one language: "GSM-7 1 (95–104 units)". */
function segmentsOf(texts: string[]): string {
  if (texts.length === 0) return '-';
  const counted = texts.map(smsSegments);
  const range = (values: number[]) =>
    Math.min(...values) === Math.max(...values)
      ? String(values[0])
      : `${Math.min(...values)}–${Math.max(...values)}`;
  const encodings = [...new Set(counted.map((each) => each.encoding))].join('/');
  return `${encodings} ${range(counted.map((each) => each.segments))} (${range(counted.map((each) => each.units))} units)`;
}

async function runServer(
  database: Database,
  provider: Provider,
  adminUrl: string | undefined,
  slug: string,
  all: Sms[],
  ceiling: number,
): Promise<Row> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-sms-'));
  const throwaway = adminUrl ? await createThrowawayPostgresDatabase(adminUrl) : undefined;
  const fake = await provider.start();
  try {
    const seen = watchReplies(fake, all);
    const env = {
      DAUYS_DATA_DIR: path.join(dir, 'dauys'),
      MEDIA_DIR: path.join(dir, 'dauys', 'media'),
      DAUYS_SECRET: TEST_TELEGRAM.dauysSecret,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DAUYS_DEMO_LIVE: '0',
      PUBLIC_FIGURES_CACHE_MS: '0',
      SMS_MAX_SENDS_PER_SECOND: SENDS_PER_SECOND,
      ...(throwaway ? { DATABASE_URL: throwaway.url } : {}),
      ...provider.env(fake),
    };
    const server = await bench.spawnServer(
      [bench.DAUYS_BIN, 'start', '--demo', '--port', '0'],
      env,
      /dauys listening on (http:\/\/\S+)/,
    );
    try {
      const client = new LoadClient(
        `${server.url}${provider.path}`,
        { 'content-type': provider.contentType },
        CONCURRENCY,
      );
      const cpuBefore = await bench.cpuMs(server.pid);
      const deadline = Date.now() + MAX_SECONDS * 1000;
      const posted = await postAll(client, all, deadline);
      client.close();
      while (seen.confirmed.size < all.length && Date.now() < deadline) await bench.sleep(20);
      const cpu = (await bench.cpuMs(server.pid)) - cpuBefore;
      let counted = await countedVotes(server.url, slug);
      while (counted < all.length && Date.now() < deadline) {
        await bench.sleep(200);
        counted = await countedVotes(server.url, slug);
      }
      const seconds = (at: number) => (at - posted.firstPostAt) / 1000;
      const texts = (language: Language) =>
        all.filter((sms) => sms.language === language).map((sms) => seen.confirmed.get(sms.phone) ?? '');
      return {
        database,
        provider: provider.name,
        phones: all.length,
        clientCeiling: ceiling,
        ackedPerSecond: posted.acked / seconds(posted.lastAckAt),
        ackP50: bench.percentile(posted.latencies, 0.5),
        ackP99: bench.percentile(posted.latencies, 0.99),
        resent: posted.resent,
        handledPerSecond: seen.confirmed.size / seconds(seen.lastReplyAt),
        confirmed: seen.confirmed.size,
        lagSeconds: (seen.lastReplyAt - posted.lastPostAt) / 1000,
        counted,
        cpuMsPerSms: cpu / seen.confirmed.size,
        peakRssMb: await bench.peakRssMb(server.pid),
        segments: {
          en: segmentsOf(texts('en').filter(Boolean)),
          ru: segmentsOf(texts('ru').filter(Boolean)),
          kk: segmentsOf(texts('kk').filter(Boolean)),
        },
        unexpectedReplies: seen.other,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await fake.close();
    await throwaway?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// --- the run -----------------------------------------------------------------------------------

const { databases, postgresUrl } = bench.benchDatabases(args.db, 'sms');
const election = await bench.readDemoElection();
const precincts = await demoPrecincts(
  path.resolve(path.dirname(DEMO_ELECTION_FILE), election.geography.file!),
);
const traffic = new Map(
  PROVIDERS.map((provider, i) => {
    const half = i === 0 ? Math.ceil(PHONES / 2) : Math.floor(PHONES / 2);
    return [provider.name, votes(provider, half, precincts, election.choices.length)];
  }),
);
const watchdog = setTimeout(
  () => {
    process.stderr.write('sms: over its overall time limit, stopping\n');
    process.exit(1);
  },
  (databases.length * PROVIDERS.length * (MAX_SECONDS + 240) + 2 * MAX_SECONDS + 120) * 1000,
);
watchdog.unref();

process.stderr.write(`sms: the load client's ceiling against a raw TCP answerer…\n`);
const raw = await bench.spawnServer(
  ['--import', 'tsx', path.join(import.meta.dirname, 'ingest-floor-server.ts')],
  { FLOOR_PGLITE_DIR: 'memory://', DATABASE_URL: '' },
  /raw listening on (\S+)\n/,
);
const ceilings = new Map<string, number>();
for (const provider of PROVIDERS)
  ceilings.set(provider.name, await clientCeiling(raw.url, provider, traffic.get(provider.name)!));
await raw.stop();

const rows: Row[] = [];
for (const database of databases) {
  for (const provider of PROVIDERS) {
    const all = traffic.get(provider.name)!;
    process.stderr.write(
      `sms: ${database}, ${provider.name}: ${all.length} phones at ${CONCURRENCY} clients, ≤ ${MAX_SECONDS} s…\n`,
    );
    const adminUrl = database === 'postgres' ? postgresUrl : undefined;
    rows.push(
      await runServer(database, provider, adminUrl, election.slug, all, ceilings.get(provider.name)!),
    );
  }
}
clearTimeout(watchdog);
printRows(rows);
if (rows.some((row) => row.counted !== row.phones || row.confirmed !== row.phones)) process.exitCode = 1;

function printRows(all: Row[]): void {
  if (args.json) {
    console.log(`sms-figures ${JSON.stringify(all)}`);
    return;
  }
  const n = (value: number, digits = 0) =>
    Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits }) : '-';
  console.log(
    `\nsms bench (${os.cpus().length} cores, Node ${process.version}; ${PHONES} phones, one compact vote each, ` +
      `half by Twilio's webhook, half by the Android gateway's, at ${CONCURRENCY} clients; ` +
      `SMS_MAX_SENDS_PER_SECOND=${SENDS_PER_SECOND})\n${SENDERS_NOTE}`,
  );
  for (const database of new Set(all.map((row) => row.database))) {
    const mine = all.filter((row) => row.database === database);
    const figure = (name: string, value: (row: Row) => string) =>
      Object.fromEntries([['figure', name], ...mine.map((row) => [row.provider, value(row)])]) as Record<
        string,
        string
      >;
    console.log(`\n${database} (one \`dauys start --demo\` per provider, each on its own database)`);
    console.table([
      figure('load client ceiling (raw TCP answer, same signed SMS), SMS/s', (r) => n(r.clientCeiling)),
      figure('acknowledged SMS/s', (r) => n(r.ackedPerSecond)),
      figure('ack latency p50 / p99, ms', (r) => `${n(r.ackP50, 1)} / ${n(r.ackP99, 1)}`),
      figure('SMS resent (not answered 2xx)', (r) => n(r.resent)),
      figure('SMS handled/s end to end (first post → last confirming reply)', (r) => n(r.handledPerSecond)),
      figure('confirming replies / phones', (r) => `${r.confirmed} / ${r.phones}`),
      figure('lag last post → last reply, s', (r) => n(r.lagSeconds, 2)),
      figure('votes counted (summary voters.counted) / phones', (r) => `${r.counted} / ${r.phones}`),
      figure('CPU-ms per SMS (server process)', (r) => n(r.cpuMsPerSms, 2)),
      figure('peak RSS, MB (VmHWM)', (r) => n(r.peakRssMb)),
      figure('confirming reply, en: encoding segments (units)', (r) => r.segments.en),
      figure('confirming reply, ru: encoding segments (units)', (r) => r.segments.ru),
      figure('confirming reply, kk: encoding segments (units)', (r) => r.segments.kk),
    ]);
    const total = mine.reduce((sum, row) => sum + row.counted, 0);
    console.log(
      `votes counted, both providers: ${total} of ${PHONES} phones${total === PHONES ? '' : ' — MISSING'}`,
    );
    for (const row of mine)
      if (row.unexpectedReplies.length > 0)
        console.log(
          `${row.provider}: replies that were not the confirmation, e.g. ${JSON.stringify(row.unexpectedReplies)}`,
        );
  }
}
