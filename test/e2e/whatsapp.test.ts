import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/start-test-server';
import {
  FakeWhatsAppApi,
  optionIds,
  postWhatsApp,
  shownText,
  whatsappUser,
  type FakeWhatsAppSend,
} from '../support/fake-whatsapp-api';
import { CONSISTENT, FORM_ORDER } from '../support/observer-protocols';
import { writeOpenElection } from './voter-election-files';
import { TEST_ACTOR } from '../support/test-actor';

const WHATSAPP = {
  token: 'test-whatsapp-token',
  appSecret: 'test-whatsapp-app-secret-0123456789',
  verifyToken: 'test-verify-token',
  voterPhoneId: '1055000001',
  observerPhoneId: '1055000002',
} as const;

describe('both bots on the WhatsApp Cloud API', () => {
  let server: TestServer;
  let fake: FakeWhatsAppApi;
  let slug: string;

  beforeAll(async () => {
    fake = await FakeWhatsAppApi.start(WHATSAPP.token);
    server = await startTestServer({
      conversations: 'app',
      env: {
        WHATSAPP_TOKEN: WHATSAPP.token,
        WHATSAPP_APP_SECRET: WHATSAPP.appSecret,
        WHATSAPP_VERIFY_TOKEN: WHATSAPP.verifyToken,
        WHATSAPP_API_ROOT: fake.url,
        WHATSAPP_VOTER_PHONE_ID: WHATSAPP.voterPhoneId,
        WHATSAPP_OBSERVER_PHONE_ID: WHATSAPP.observerPhoneId,
      },
      worker: { outbox: { perChatIntervalMs: 20 } },
    });
    slug = (await server.app.elections.loadFile((await writeOpenElection('wa-open')).electionFile)).election
      .slug;
    const jpeg = await sharp({ create: { width: 1000, height: 1400, channels: 3, background: '#f4f1ea' } })
      .jpeg()
      .toBuffer();
    for (const id of ['wa-ballot', 'wa-page-1', 'wa-page-2']) fake.addMedia(id, jpeg);
  });

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  /** One WhatsApp user of one bot; each step waits until the bot's answer (with its options) is sent. */
  function chat(phone: string, bot: 'voter' | 'observer') {
    const user = whatsappUser(phone, bot === 'voter' ? WHATSAPP.voterPhoneId : WHATSAPP.observerPhoneId);
    let seen = 0;
    const post = async (
      body: unknown,
      options: { expectOptions?: boolean } = {},
    ): Promise<FakeWhatsAppSend[]> => {
      const response = await postWhatsApp(server.url, body, { appSecret: WHATSAPP.appSecret });
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${response.body}`);
      await fake.waitFor(
        () => {
          const fresh = fake.sentTo(phone).slice(seen);
          return fresh.length > 0 && (options.expectOptions === false || optionIds(fresh.at(-1)).length > 0);
        },
        30_000,
        `a reply to ${phone}`,
      );
      await outboxDrained();
      const fresh = fake.sentTo(phone).slice(seen);
      seen += fresh.length;
      return fresh;
    };
    return { user, post };
  }

  /** One reply can take several API calls (long text, a paged list): wait until its outbox row is sent. */
  async function outboxDrained() {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const pending = await server.app.database.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('channel', '=', 'whatsapp')
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      if (Number(pending.n) === 0) return;
      if (Date.now() > deadline) throw new Error('the WhatsApp outbox never drained');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const inboxRows = async () =>
    Number(
      (
        await server.app.database.db
          .selectFrom('inbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers the subscription check with hub.challenge only for the right verify token', async () => {
    const ok = await fetch(
      `${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${WHATSAPP.verifyToken}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(
      `${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
  });

  it('refuses a forged or missing signature with 401 and stores nothing', async () => {
    const before = await inboxRows();
    const body = whatsappUser('77019990000', WHATSAPP.voterPhoneId).text('/start');
    const forged = await postWhatsApp(server.url, body, { appSecret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const missing = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(missing.status).toBe(401);
    // Signed correctly, but the body was altered afterwards.
    const tampered = await postWhatsApp(
      server.url,
      { ...body, object: 'tampered' },
      {
        appSecret: WHATSAPP.appSecret,
        signature: (await import('../../src/channels/whatsapp/whatsapp-signature')).whatsAppSignature(
          JSON.stringify(body),
          WHATSAPP.appSecret,
        ),
      },
    );
    expect(tampered.status).toBe(401);
    expect(await inboxRows()).toBe(before);
    expect(fake.sentTo('77019990000')).toEqual([]);
  });

  it('takes a vote through the voter flow, with reply buttons, lists and the ballot photo by media id', async () => {
    const voter = chat('77010000001', 'voter');
    const [languages] = await voter.post(voter.user.text('/start'));
    expect(languages?.payload.interactive?.type).toBe('button');
    expect(optionIds(languages)).toEqual(['l:kk', 'l:ru', 'l:en']);
    await voter.post(voter.user.button('l:en'));
    await voter.post(voter.user.button('go'));
    await voter.post(voter.user.listRow('a:r1'));
    await voter.post(voter.user.listRow('a:r1-d1'));
    const choices = await voter.post(voter.user.listRow('a:p1'));
    expect(optionIds(choices.at(-1))).toContain('ch:nur-otan');
    await voter.post(voter.user.listRow('ch:nur-otan'));
    const summary = await voter.post(voter.user.image('wa-ballot'));
    expect(optionIds(summary.at(-1))).toContain('ok');
    const thanks = await voter.post(voter.user.button('ok'), { expectOptions: false });
    expect(shownText(thanks.at(-1))).toContain('Your vote is recorded');
    const response = await fetch(`${server.url}/api/v1/elections/${slug}/summary?area=p1`);
    expect(((await response.json()) as { voters: { received: number } }).voters.received).toBe(1);
  });

  // developers.facebook.com/docs/graph-api/webhooks/reference/whatsapp-business-account/#account_update:
  // no metadata. A well-formed change the bots do not use is acknowledged, not refused (Meta retries a 400).
  it('acknowledges Meta’s documented account_update change with 200 and stores nothing', async () => {
    const before = await inboxRows();
    const response = await postWhatsApp(
      server.url,
      {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '0',
            time: 1_700_000_000,
            changes: [
              { field: 'account_update', value: { phone_number: '15550783881', event: 'VERIFIED_ACCOUNT' } },
            ],
          },
        ],
      },
      { appSecret: WHATSAPP.appSecret },
    );
    expect(response.status).toBe(200);
    expect(await inboxRows()).toBe(before);
    const malformed = await postWhatsApp(
      server.url,
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: {} }] }] },
      { appSecret: WHATSAPP.appSecret },
    );
    expect(malformed.status).toBe(400);
  });

  it('leaves one log line, without the sender’s number, for a message to a number not configured', async () => {
    const before = await inboxRows();
    const stranger = whatsappUser('77019998877', '9990000000').text('hello');
    expect((await postWhatsApp(server.url, stranger, { appSecret: WHATSAPP.appSecret })).status).toBe(200);
    expect(await inboxRows()).toBe(before);
    const lines = server.logs.lines.filter((line) => JSON.stringify(line).includes('9990000000'));
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain(
      'neither WHATSAPP_VOTER_PHONE_ID nor WHATSAPP_OBSERVER_PHONE_ID',
    );
    expect(server.logs.text()).not.toContain('77019998877');
  });

  it('ignores reactions, and refuses a forwarded image as the ballot, telling the voter why', async () => {
    const voter = chat('77010000003', 'voter');
    await voter.post(voter.user.text('/start'));
    await voter.post(voter.user.button('l:en'));
    const reaction = (emoji?: string) => {
      const body = voter.user.text('');
      const message = body.entry[0]!.changes[0]!.value.messages[0]! as Record<string, unknown>;
      delete message.text;
      Object.assign(message, {
        type: 'reaction',
        reaction: { message_id: 'wamid.out-1', ...(emoji ? { emoji } : {}) },
      });
      return body;
    };
    for (const body of [reaction('👍'), reaction()]) {
      expect((await postWhatsApp(server.url, body, { appSecret: WHATSAPP.appSecret })).status).toBe(200);
    }
    // The next answer is to the next message only: the reactions got none.
    const next = await voter.post(voter.user.button('go'));
    expect(next.map(shownText).join('\n')).not.toContain('cannot use this message');
    await voter.post(voter.user.listRow('a:r1'));
    await voter.post(voter.user.listRow('a:r1-d1'));
    await voter.post(voter.user.listRow('a:p1'));
    await voter.post(voter.user.listRow('ch:nur-otan'));
    const forwarded = voter.user.image('wa-ballot');
    Object.assign(forwarded.entry[0]!.changes[0]!.value.messages[0]!, { context: { forwarded: true } });
    const answer = await voter.post(forwarded);
    expect(answer.map(shownText).join('\n')).toContain('forwarded from another chat or channel');
    expect(optionIds(answer.at(-1))).toContain('np');
  });

  it('takes a protocol through the observer flow, paging a list of more than ten options', async () => {
    const invite = await server.app.invites.create(TEST_ACTOR, slug, ['p2']);
    const observer = chat('77010000002', 'observer');
    const [menu] = await observer.post(observer.user.text(`/start ${invite.code}`));
    // WhatsApp reports no language: the bot starts in Kazakh, the default.
    expect(shownText(menu)).toContain('№ 102 учаске');
    expect(menu?.payload.interactive?.type).toBe('list');
    expect(optionIds(menu)).toEqual(['mp', 'mv', 'ms', 'ml', 'sos']);
    await observer.post(observer.user.listRow('ml'));
    const [english] = await observer.post(observer.user.button('l:en'));
    expect(shownText(english)).toContain('Language: English.');

    await observer.post(observer.user.listRow('mp'));
    await observer.post(observer.user.image('wa-page-1'));
    await observer.post(observer.user.button('pgd'));
    for (const key of FORM_ORDER.slice(0, -1)) {
      await observer.post(
        CONSISTENT[key] === undefined
          ? observer.user.button('skip')
          : observer.user.text(String(CONSISTENT[key])),
      );
    }
    const summary = await observer.post(observer.user.text(String(CONSISTENT['8'])));
    expect(optionIds(summary.at(-1))).toEqual(['sub', 'cor', 'sos']);
    const rejected = await observer.post(observer.user.button('sub'));
    expect(rejected.map(shownText).join('\n')).toContain('❌ Pages missing: 1 of 2 received.');

    // Eight lines, "send the pages again", "back" and SOS: eleven options, two list messages.
    const correct = await observer.post(observer.user.button('cor'));
    const lists = correct.filter((send) => send.payload.interactive?.type === 'list');
    expect(lists.map((list) => optionIds(list).length)).toEqual([10, 1]);
    expect(optionIds(lists[0])).toContain('rpg');
    for (const send of fake.sentTo('77010000002')) assertWithinWhatsAppLimits(send);

    await observer.post(observer.user.listRow('rpg'));
    await observer.post(observer.user.image('wa-page-1'));
    await observer.post(observer.user.image('wa-page-2'));
    const accepted = await observer.post(observer.user.button('sub'));
    expect(accepted.map(shownText).join('\n')).toContain('✅ Protocol accepted.');
    const response = await fetch(`${server.url}/api/v1/elections/${slug}/summary?area=p2`);
    expect(((await response.json()) as { observers: unknown }).observers).toMatchObject({
      accepted: 1,
      ballotsCast: 600,
    });
  });
});

function assertWithinWhatsAppLimits(send: FakeWhatsAppSend): void {
  const { interactive, text } = send.payload;
  if (!interactive) {
    expect([...(text?.body ?? '')].length).toBeLessThanOrEqual(4096);
    return;
  }
  if (interactive.type === 'button') {
    const buttons = interactive.action.buttons ?? [];
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) expect([...b.reply.title].length).toBeLessThanOrEqual(20);
    expect([...interactive.body.text].length).toBeLessThanOrEqual(1024);
  } else {
    const rows = (interactive.action.sections ?? []).flatMap((section) => section.rows);
    expect(rows.length).toBeLessThanOrEqual(10);
    for (const row of rows) expect([...row.title].length).toBeLessThanOrEqual(24);
    expect([...(interactive.action.button ?? '')].length).toBeLessThanOrEqual(20);
  }
}
