import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../src/channels/sms/twilio-signature';
import {
  androidPhone,
  fakeAndroidGatewayEnv,
  startFakeAndroidGateway,
} from '../support/fake-android-sms-gateway';
import type { FakeSmsServer } from '../support/fake-sms-provider';
import { fakeTwilioEnv, startFakeTwilio, TEST_TWILIO, twilioPhone } from '../support/fake-twilio';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { TEST_ACTOR } from '../support/test-actor';
import { writeJustClosedElection, writeOpenElection } from './voter-election-files';

/**
 * Whole conversations by SMS through each provider's fake (issue 21): the real server and worker,
 * the compact grammar of docs/sms-grammar.md, replies read at the fake as the phone gets them, the
 * tally read from the public API.
 */
type Bot = 'voter' | 'observer';
const SIGNED_BASE = 'https://dauys.example.org';

interface Provider {
  name: 'twilio' | 'android';
  start(): Promise<FakeSmsServer>;
  env(fake: FakeSmsServer): Record<string, string>;
  /** Posts one SMS from `phone` to `bot`; `onThePhone` is when the phone got it (Android reports it). */
  send(server: TestServer, bot: Bot, phone: string, text: string, onThePhone?: Date): Promise<number>;
}

const PROVIDERS: Provider[] = [
  {
    name: 'twilio',
    start: () => startFakeTwilio(),
    env: (fake) => fakeTwilioEnv(fake.url, SIGNED_BASE),
    async send(server, bot, phone, text) {
      const handset = twilioPhone(phone, bot === 'voter' ? TEST_TWILIO.voterFrom : TEST_TWILIO.observerFrom);
      const body = handset.form(text);
      const path = `/webhooks/sms/twilio/${bot}`;
      const signature = twilioSignature(TEST_TWILIO.authToken, `${SIGNED_BASE}${path}`, body);
      return (await handset.post(`${server.url}${path}`, body, signature)).status;
    },
  },
  {
    name: 'android',
    start: () => startFakeAndroidGateway(),
    env: (fake) => fakeAndroidGatewayEnv(fake.url),
    async send(server, bot, phone, text, onThePhone) {
      const handset = androidPhone(phone);
      return (
        await handset.post(`${server.url}/webhooks/sms/android/${bot}`, handset.received(text, onThePhone))
      ).status;
    },
  },
];

async function startServer(provider: Provider, fake: FakeSmsServer, electionFile: string) {
  const server = await startTestServer({
    conversations: 'app',
    env: { SMS_MAX_SENDS_PER_SECOND: '50', ...provider.env(fake) },
    worker: { outbox: { perChatIntervalMs: 20 } },
  });
  await server.app.elections.loadFile(electionFile);
  return server;
}

/** Sends one SMS and waits for the bot's answering SMS at the fake, returning its text. */
async function exchange(
  provider: Provider,
  { fake, server }: { fake: FakeSmsServer; server: TestServer },
  bot: Bot,
  phone: string,
  text: string,
  onThePhone?: Date,
): Promise<string> {
  const before = fake.sentTo(phone).length;
  expect(await provider.send(server, bot, phone, text, onThePhone)).toBe(200);
  await fake.waitFor(() => fake.sentTo(phone).length > before, 30_000, `the answer to "${text}"`);
  return fake.sentTo(phone).at(-1)!.text;
}

interface Voters {
  counted: number;
  noPhoto: number;
  delayed: number;
  choices: Array<{ id: string; count: number }>;
}
async function voters(server: TestServer, slug: string): Promise<Voters> {
  const response = await fetch(`${server.url}/api/v1/elections/${slug}/summary`);
  return ((await response.json()) as { voters: Voters }).voters;
}
const countOf = (figures: Voters, id: string) =>
  figures.choices.find((choice) => choice.id === id)?.count ?? 0;

/**
 * One provider's fake and a server with one election for the suite (registered as its
 * beforeAll/afterAll); the fields are set once the suite starts.
 */
function smsSuite<Files extends { electionFile: string }>(
  provider: Provider,
  slug: string,
  write: (slug: string) => Promise<Files>,
) {
  const suite = {
    slug,
    fake: undefined as unknown as FakeSmsServer,
    server: undefined as unknown as TestServer,
    files: undefined as unknown as Files,
  };
  beforeAll(async () => {
    suite.fake = await provider.start();
    suite.files = await write(slug);
    suite.server = await startServer(provider, suite.fake, suite.files.electionFile);
  });
  afterAll(async () => {
    await suite.server?.stop();
    await suite.fake?.close();
  });
  return suite;
}

describe.each(PROVIDERS)('a voter and an observer by SMS through $name', (provider) => {
  const suite = smsSuite(provider, `sms-open-${provider.name}`, (slug) => writeOpenElection(slug));

  it('counts a vote typed in one SMS, replaces it with a correction, and counts nothing it did not understand', async () => {
    const phone = provider.name === 'twilio' ? '+77011000001' : '+77012000001';
    // The second ballot choice at precinct 101: Nur Otan. No photo can come by SMS.
    expect(await exchange(provider, suite, 'voter', phone, 'V 101 2')).toBe(
      'Vote recorded: precinct 101, Nur Otan. To change it before the polls close, send V 101 <choice> again.',
    );
    await expect
      .poll(async () => voters(suite.server, suite.slug), { timeout: 20_000 })
      .toMatchObject({ counted: 1, noPhoto: 1 });

    expect(await exchange(provider, suite, 'voter', phone, 'v-101, adal')).toMatch(
      /^Vote changed: precinct 101, Adal/,
    );
    await expect
      .poll(async () => {
        const figures = await voters(suite.server, suite.slug);
        return [figures.counted, countOf(figures, 'nur-otan'), countOf(figures, 'adal')];
      })
      .toEqual([1, 0, 1]);

    // Malformed: a precinct that does not exist, then no choice at all. Each answer says what to send.
    expect(await exchange(provider, suite, 'voter', '+77019000001', 'V 999 2')).toContain(
      'There is no precinct number 999',
    );
    expect(await exchange(provider, suite, 'voter', '+77019000001', 'V 101')).toContain(
      'I did not find your choice. Send: V <precinct>',
    );
    expect(await voters(suite.server, suite.slug)).toMatchObject({ counted: 1 });
  });

  it('takes an observer’s protocol typed by SMS: accepted when every ratio holds, rejected with the reasons when not', async () => {
    const observer = provider.name === 'twilio' ? '+77011000100' : '+77012000100';
    const invite = await suite.server.app.invites.create(TEST_ACTOR, suite.slug, ['p1', 'p2']);
    const observe = (typed: string) => exchange(provider, suite, 'observer', observer, typed);
    await observe(`/start ${invite.code}`);
    // "P" is Latin and Cyrillic alike, so the observer bot answers in its default language, Kazakh.
    expect(await observe('P 101 1000 1000 600 600 100 300 90 60 40 10 400')).toBe(
      '№ 101 учаске хаттамасы қабылданды: барлық тексерістен өтті. Рақмет!',
    );
    expect(await observe('P 102 1000 1000 600 600 100 300 90 60 40 10 300')).toBe(
      '№ 102 учаске хаттамасы қабылданбады: ballots-balance 1000!=900. Түзету: П 102 L<жол>=<сан>.',
    );
    const observed = (
      (await (await fetch(`${suite.server.url}/api/v1/elections/${suite.slug}/summary`)).json()) as {
        observers: { protocolsReceived: number; accepted: number; rejected: number };
      }
    ).observers;
    expect(observed).toMatchObject({ protocolsReceived: 2, accepted: 1, rejected: 1 });
  });
});

describe.each(PROVIDERS)('a delayed SMS after the polls closed, through $name', (provider) => {
  const suite = smsSuite(provider, `sms-closed-${provider.name}`, (slug) => writeJustClosedElection(slug));

  it('counts an SMS by the date its phone got it, within the grace period, and refuses one sent after the close', async () => {
    if (provider.name === 'android') {
      // The gateway phone got it before the close and delivers it now: dated by the phone, counted.
      expect(
        await exchange(provider, suite, 'voter', '+77012000201', 'V 101 2', suite.files.datedBeforeClose),
      ).toContain('Vote recorded: precinct 101, Nur Otan.');
      await expect
        .poll(async () => voters(suite.server, suite.slug), { timeout: 20_000 })
        .toMatchObject({ counted: 1, delayed: 1 });
    }
    // Sent after the close (Twilio's webhook carries no date of its own: it is dated on receipt).
    expect(await exchange(provider, suite, 'voter', '+77019000201', 'V 102 2')).toBe(
      'Votes are accepted only while the polls are open. This vote was not recorded.',
    );
    expect(await voters(suite.server, suite.slug)).toMatchObject({
      counted: provider.name === 'android' ? 1 : 0,
    });
  });
});
