import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_TELEGRAM, type TestServer } from '../support/start-test-server';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { writeTinyElection } from '../support/tiny-election';
import { BREAKING, CONSISTENT } from '../support/observer-protocols';
import { TelegramObserverDriver } from './telegram-observer-driver';
import { TEST_ACTOR } from '../support/test-actor';

const COORDINATORS_CHAT = '-100500';
const OBSERVER_TOKEN = TEST_TELEGRAM.observerToken;

describe('the observer bot through the Telegram webhook', () => {
  let server: TestServer;
  let slug: string;
  const updates = telegramUpdates({ firstUpdateId: 700_000 });
  let nextUser = 9100;

  beforeAll(async () => {
    server = await startTestServer({
      conversations: 'app',
      env: { TELEGRAM_OBSERVER_TOKEN: OBSERVER_TOKEN, COORDINATORS_TELEGRAM_CHAT_ID: COORDINATORS_CHAT },
      // Telegram's one-message-a-second per chat is the sender's business, tested with it; an
      // observer's protocol is twenty exchanges, so the gap is shortened here.
      worker: { outbox: { perChatIntervalMs: 20 } },
    });
    slug = (await server.app.elections.loadFile((await writeTinyElection()).electionFile)).election.slug;
    const jpeg = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#fafafa' } })
      .jpeg()
      .toBuffer();
    for (const id of ['page-1', 'page-2', 'evidence-1', 'evidence-2']) server.fake.addFile(id, jpeg);
  });

  afterAll(async () => {
    await server?.stop();
  });

  /** A new Telegram user bound to `precincts` through a fresh invite (`/start <code>`). */
  async function observer(precincts: string[], languageCode = 'en') {
    const invite = await server.app.invites.create(TEST_ACTOR, slug, precincts);
    const chat = new TelegramObserverDriver(server, updates, telegramUser(nextUser++, { languageCode }));
    const welcome = await chat.command('start', invite.code);
    return { chat, welcome, invite };
  }

  async function observersBlock(area?: string) {
    const response = await fetch(
      `${server.url}/api/v1/elections/${slug}/summary${area ? `?area=${area}` : ''}`,
    );
    return ((await response.json()) as { observers: Record<string, unknown> | null }).observers;
  }

  const countRows = async (table: 'observers' | 'observer_protocols' | 'violations' | 'sos_alerts') =>
    Number(
      (
        await server.app.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses /start without a code, with a wrong code or with a revoked one, and stores nothing', async () => {
    const stranger = new TelegramObserverDriver(
      server,
      updates,
      telegramUser(nextUser++, { languageCode: 'ru' }),
    );
    expect(await stranger.command('start')).toContain(
      'Этот бот — для наблюдателей, приглашённых координатором',
    );
    expect(await stranger.command('start', 'NOTACODE42')).toContain('недействителен или отозван');
    const revoked = await server.app.invites.create(TEST_ACTOR, slug, ['p4']);
    await server.app.invites.revoke(TEST_ACTOR, revoked.code);
    expect(await stranger.command('start', revoked.code)).toContain('недействителен или отозван');
    expect(await stranger.text('привет')).toContain('Этот бот — для наблюдателей');
    expect(stranger.buttonData()).toEqual([]);
    expect(await countRows('observers')).toBe(0);
  });

  it('accepts a consistent protocol and counts it in the public summary', async () => {
    const { chat, welcome } = await observer(['p1']);
    expect(welcome).toContain('Precinct No. 101');
    expect(chat.buttonData()).toEqual(['mp', 'mv', 'ms', 'ml', 'sos']);
    const verdict = await chat.submitProtocol({ pages: ['page-1', 'page-2'], figures: CONSISTENT });
    expect(verdict).toContain('✅ Protocol accepted.');
    const block = await observersBlock('p1');
    expect(block).toMatchObject({
      protocolsReceived: 1,
      accepted: 1,
      ballotsCast: 600,
      registeredVoters: 1000,
      turnout: 0.6,
    });
    expect(JSON.stringify(block)).not.toContain(String(chat.user.id));
  });

  it('rejects a protocol breaking each rule of the Kazakhstan 2021 form, naming that rule', async () => {
    const names: Record<string, string> = {
      'ballots-balance': 'Ballots received = ballots issued + cancelled ballots (L2 = L3 + L8)',
      'votes-balance': 'Voters who took part = votes for all parties + invalid ballots (L4 = sum(L6) + L7)',
      'issued-covers-participation': 'Ballots issued ≥ voters who took part (L3 >= L4)',
      'list-covers-issued': 'Voters on the list ≥ ballots issued (L1 >= L3)',
      'turnout-at-most-70': 'Turnout (line 4 / line 1) at most 70% (L4 / L1 <= 0.7)',
    };
    await Promise.all(
      BREAKING.map(async ({ rule, figures }) => {
        const { chat } = await observer(['p5']);
        const verdict = await chat.submitProtocol({ pages: ['page-1', 'page-2'], figures });
        expect(verdict).toContain('❌ Protocol rejected.');
        const failed = verdict
          .split('\n')
          .filter((line) => line.startsWith('❌ ') && !line.includes('Protocol rejected'));
        expect(failed).toHaveLength(1);
        expect(failed[0]).toContain(`❌ ${names[rule]}`);
      }),
    );
    expect(await observersBlock('p5')).toMatchObject({
      rejected: 5,
      accepted: 0,
      rejectedReasons: Object.fromEntries(BREAKING.map(({ rule }) => [rule, 1])),
    });
  });

  it('rejects a protocol with a page missing, then accepts it corrected and resubmitted', async () => {
    const { chat } = await observer(['p2']);
    const verdict = await chat.submitProtocol({
      pages: ['page-1'],
      figures: { ...CONSISTENT, '1': 2000, '2': 2000, '8': 1400, '7': 11 },
    });
    expect(verdict).toContain('❌ Pages missing: 1 of 2 received.');
    expect(verdict).toContain('L4 = sum(L6) + L7');
    expect(await observersBlock('p2')).toMatchObject({
      rejected: 1,
      rejectedReasons: { pages_missing: 1, 'votes-balance': 1 },
    });

    await chat.press('cor');
    await chat.press('rpg');
    await chat.photo('page-1');
    expect(await chat.photo('page-2')).toContain('Pages: 2 of 2');
    await chat.press('cor');
    expect(await chat.press('cl:7')).toContain('Currently: 11');
    expect(await chat.text('10')).toContain('the protocol will be accepted');
    expect(await chat.press('sub')).toContain('✅ Protocol accepted.');
    expect(await observersBlock('p2')).toMatchObject({
      protocolsReceived: 1,
      accepted: 1,
      rejected: 0,
      rejectedReasons: {},
    });
  });

  it('shows coordinators a conflict when two observers disagree on a line, and counts neither version', async () => {
    const first = await observer(['p3']);
    const second = await observer(['p3']);
    expect(await first.chat.submitProtocol({ pages: ['page-1', 'page-2'], figures: CONSISTENT })).toContain(
      'accepted',
    );
    const disagreeing = { ...CONSISTENT, '6.nur-otan': 290, '7': 20 };
    expect(await second.chat.submitProtocol({ pages: ['page-1', 'page-2'], figures: disagreeing })).toContain(
      'accepted',
    );
    const election = await server.app.elections.require(slug);
    const conflict = (await server.app.protocols.conflicts(election)).find(
      (row) => row.precinctCode === 'p3',
    );
    expect(conflict?.conflicts).toEqual([
      {
        key: '6.nur-otan',
        values: [expect.objectContaining({ value: 300 }), expect.objectContaining({ value: 290 })],
      },
      { key: '7', values: [expect.objectContaining({ value: 10 }), expect.objectContaining({ value: 20 })] },
    ]);
    expect(await observersBlock('p3')).toMatchObject({ accepted: 2, precinctsCounted: 0, ballotsCast: null });
  });

  it('records a violation with photos and the time it was described', async () => {
    const { chat } = await observer(['p1', 'p2']);
    await chat.press('mv');
    await chat.press('p:1');
    expect(await chat.press('c:4')).toContain('Describe what happened');
    await chat.text('A man put a stack of ballots into the box at 14:05');
    await chat.photo('evidence-1');
    expect(await chat.photo('evidence-2')).toContain('2 so far');
    expect(await chat.press('vd')).toContain('Violation report received (2 photos or videos)');
    const row = await server.app.database.db.selectFrom('violations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ precinct_code: 'p2', category_id: 'ballot-stuffing', status: 'new' });
    expect(row.media_ids).toHaveLength(2);
    const media = await server.app.database.db
      .selectFrom('media_items')
      .select('purpose')
      .where('id', 'in', row.media_ids)
      .execute();
    expect(media.map((item) => item.purpose)).toEqual(['violation', 'violation']);
  });

  it('sends an SOS from the middle of a protocol to the coordinators’ chat and flags it for the console', async () => {
    const { chat } = await observer(['p4'], 'kk');
    await chat.press('mp');
    expect(chat.buttonData()).toContain('sos');
    expect(await chat.press('sos')).toContain('Үйлестірушілерге хабар берілді');
    await server.fake.waitFor(
      () =>
        server.fake
          .successfulCalls('sendMessage')
          .some((call) => String(call.params.chat_id) === COORDINATORS_CHAT),
      30_000,
      'the SOS in the coordinators’ chat',
    );
    const alert = server.fake
      .successfulCalls('sendMessage')
      .find((call) => String(call.params.chat_id) === COORDINATORS_CHAT);
    expect(String(alert?.params.text)).toContain('🆘 SOS от наблюдателя');
    expect(String(alert?.params.text)).toContain('[p4]');
    const election = await server.app.elections.require(slug);
    expect(await server.app.sos.openAlerts(election)).toEqual([
      expect.objectContaining({ precinctCode: 'p4', acknowledged: false }),
    ]);
    await chat.press('sk:detention');
    expect((await server.app.sos.openAlerts(election))[0]?.kind).toBe('detention');
    expect(await chat.press('rs')).toContain('Хаттаманың 2 бетінің 1-бетін');
  });
});
