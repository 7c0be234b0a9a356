import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../src/channels/sms/twilio-signature';
import type { FakeSmsServer } from '../support/fake-sms-provider';
import { androidPhone, startFakeAndroidGateway, TEST_ANDROID } from '../support/fake-android-sms-gateway';
import { startFakeTwilio, TEST_TWILIO, twilioPhone } from '../support/fake-twilio';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { createThrowawayPostgresDatabase, testDatabases } from '../support/test-databases';
import { writeOpenElection } from './voter-election-files';

/** The real server and worker, the app's own voter bot, and one SMS provider's fake on loopback. */
async function startSmsServer(
  fake: FakeSmsServer,
  env: Record<string, string>,
  databaseUrl?: string,
): Promise<TestServer> {
  const server = await startTestServer({
    ...(databaseUrl ? { databaseUrl } : {}),
    conversations: 'app',
    env: { SMS_MAX_SENDS_PER_SECOND: '50', ...env },
    worker: { outbox: { perChatIntervalMs: 20 } },
  });
  await server.app.elections.loadFile(
    (await writeOpenElection(`sms-${fake.url.split(':').at(-1)}`)).electionFile,
  );
  return server;
}

/** The bot's first answer: the language question, its three options numbered (SMS has no buttons). */
function expectLanguageQuestion(text: string | undefined) {
  expect(text).toMatch(/\n1 — .+\n2 — .+\n3 — .+$/);
}

describe('the voter bot by SMS through Twilio', () => {
  let fake: FakeSmsServer;
  let server: TestServer;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    // The server's port is known only once it listens: Twilio's signed URL is PUBLIC_URL's.
    server = await startSmsServer(fake, {
      SMS_TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid,
      SMS_TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken,
      SMS_TWILIO_VOTER_FROM: TEST_TWILIO.voterFrom,
      SMS_TWILIO_API_ROOT: fake.url,
      SMS_TWILIO_WEBHOOK_BASE_URL: 'https://dauys.example.org',
    });
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('answers "/start" with an SMS from the bot’s number', async () => {
    const phone = twilioPhone('+77010000001', TEST_TWILIO.voterFrom);
    // Twilio signs the public URL; the test posts to the loopback one with that URL's signature.
    const body = phone.form('/start');
    const signature = twilioSignature(
      TEST_TWILIO.authToken,
      'https://dauys.example.org/webhooks/sms/twilio/voter',
      body,
    );
    const answer = await phone.post(`${server.url}/webhooks/sms/twilio/voter`, body, signature);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);

    await fake.waitFor(() => fake.sentTo('+77010000001').length > 0, 30_000, 'the reply SMS');
    const [reply] = fake.sentTo('+77010000001');
    expect(reply?.from).toBe(TEST_TWILIO.voterFrom);
    expectLanguageQuestion(reply?.text);
  });

  it('refuses an SMS signed for the loopback URL Twilio never calls', async () => {
    const phone = twilioPhone('+77010000009', TEST_TWILIO.voterFrom);
    expect((await phone.text(`${server.url}/webhooks/sms/twilio/voter`, 'hello')).status).toBe(401);
  });
});

// On both databases: what the inbox stores for a late SMS is the point of the second test.
describe.each(testDatabases().map((database) => database.name))(
  'the voter bot by SMS through an Android phone (SMS Gateway for Android), on %s',
  (databaseName) => {
    let fake: FakeSmsServer;
    let server: TestServer;
    let dropDatabase: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      fake = await startFakeAndroidGateway();
      let databaseUrl: string | undefined;
      if (databaseName === 'postgres') {
        const throwaway = await createThrowawayPostgresDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = throwaway.url;
        dropDatabase = throwaway.drop;
      }
      server = await startSmsServer(
        fake,
        {
          SMS_ANDROID_API_ROOT: fake.url,
          SMS_ANDROID_SIGNING_KEY: TEST_ANDROID.signingKey,
          SMS_ANDROID_VOTER_USERNAME: TEST_ANDROID.voter.username,
          SMS_ANDROID_VOTER_PASSWORD: TEST_ANDROID.voter.password,
        },
        databaseUrl,
      );
    });

    afterAll(async () => {
      await server?.stop();
      await fake?.close();
      await dropDatabase?.();
    });

    it('answers "hello" with an SMS sent through the voter bot’s phone', async () => {
      const phone = androidPhone('+77010000002');
      const answer = await phone.post(`${server.url}/webhooks/sms/android/voter`, phone.received('hello'));
      expect(answer.status).toBe(200);
      await fake.waitFor(() => fake.sentTo('+77010000002').length > 0, 30_000, 'the reply SMS');
      const [reply] = fake.sentTo('+77010000002');
      expect(reply?.from).toBe(TEST_ANDROID.voter.username);
      expectLanguageQuestion(reply?.text);
    });

    it('keeps the phone’s receivedAt as the message’s time when the phone delivers it hours late', async () => {
      const phone = androidPhone('+77010000003');
      const onThePhone = new Date(Date.now() - 3 * 3600_000);
      onThePhone.setMilliseconds(0);
      const delivery = phone.received('/start', onThePhone);
      expect((await phone.post(`${server.url}/webhooks/sms/android/voter`, delivery)).status).toBe(200);
      const row = await server.app.database.db
        .selectFrom('inbox')
        .select(['sent_at', 'received_at'])
        .where('channel', '=', 'sms')
        .where('dedupe_key', 'like', `${delivery.payload.messageId}@%`)
        .executeTakeFirstOrThrow();
      expect(new Date(row.sent_at).toISOString()).toBe(onThePhone.toISOString());
      expect(new Date(row.received_at).getTime()).toBeGreaterThan(onThePhone.getTime() + 2 * 3600_000);
      await fake.waitFor(() => fake.sentTo('+77010000003').length > 0, 30_000, 'the reply SMS');
    });

    it('refuses a delivery signed with another key, and stores nothing from it', async () => {
      const phone = androidPhone('+77010000004', 'not-the-signing-key');
      expect(
        (await phone.post(`${server.url}/webhooks/sms/android/voter`, phone.received('hello'))).status,
      ).toBe(401);
      const rows = await server.app.database.db
        .selectFrom('inbox')
        .select('id')
        .where('channel', '=', 'sms')
        .execute();
      expect(rows).toHaveLength(2);
      expect(fake.sentTo('+77010000004')).toEqual([]);
    });
  },
);
