import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressedOutbound, InboundContent, InboundMessage } from '../../src/flows/messages';
import { createLogger } from '../../src/logger';
import { decryptField } from '../../src/security/field-encryption';
import { ElectionService, type Election } from '../../src/services/election.service';
import { InviteService } from '../../src/services/invite.service';
import { ProtocolService } from '../../src/services/protocol.service';
import { SosService } from '../../src/services/sos.service';
import { ViolationService } from '../../src/services/violation.service';
import type { DatabaseHandle } from '../../src/store/database';
import { ConversationRunner } from '../../src/bots/conversation-runner';
import { observerBot } from '../../src/bots/observer/observer.bot';
import type { Database } from '../../src/store/database-schema';
import { testDatabases } from '../support/test-databases';
import { CONSISTENT } from '../support/observer-protocols';
import { writeTinyElection } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

const SECRET = 'integration-secret-0123456789abcdef0123456789';
const SENT_AT = new Date('2021-01-10T15:30:00Z');

describe.each(testDatabases())('observers, protocols and tallies on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let election: Election;
  let elections: ElectionService;
  let invites: InviteService;
  let protocols: ProtocolService;
  let violations: ViolationService;
  let conversation: ConversationRunner;
  const queued: AddressedOutbound[] = [];
  let nextMediaId = 1;

  beforeAll(async () => {
    handle = await open();
    elections = new ElectionService(handle.db);
    const files = await writeTinyElection();
    election = (await elections.loadFile(files.electionFile)).election;
    invites = new InviteService(handle.db, elections, SECRET, { telegramUsername: 'dauys_observer_bot' });
    protocols = new ProtocolService(handle.db);
    violations = new ViolationService(handle.db);
    const sos = new SosService(
      handle.db,
      { enqueue: async (_tx, replies) => void queued.push(...replies) },
      SECRET,
      createLogger('silent'),
      { coordinatorsChatId: '-100777', coordinatorsLocale: 'en' },
    );
    conversation = new ConversationRunner([
      observerBot({ invites, protocols, violations, sos, media: { request: async () => nextMediaId++ } }),
    ]);
  });

  afterAll(async () => {
    await handle?.close();
  });

  function message(
    participant: string,
    content: InboundContent,
    overrides: Partial<InboundMessage> = {},
  ): InboundMessage {
    return {
      ...overrides,
      channel: overrides.channel ?? 'telegram',
      bot: 'observer',
      participant,
      sentAt: SENT_AT,
      receivedAt: SENT_AT,
      clientLocale: 'en',
      content,
    };
  }

  const handle1 = async (inbound: InboundMessage) => {
    const [replies] = await handle.db
      .transaction()
      .execute((tx) => conversation.run(tx as Transaction<Database>, [inbound]));
    return replies!;
  };

  async function bind(
    participant: string,
    precincts: string[],
    contact?: string,
    overrides: Partial<InboundMessage> = {},
  ): Promise<number> {
    const invite = await invites.create(TEST_ACTOR, election.slug, precincts, contact ? { contact } : {});
    await handle1(message(participant, { kind: 'command', command: 'start', args: invite.code }, overrides));
    const row = await handle.db
      .selectFrom('observers')
      .select('id')
      .where('participant', '=', participant)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const submit = (observerId: number, precinctCode: string, figures: Record<string, number>, pages = 2) =>
    handle.db.transaction().execute((tx) =>
      protocols.submit(tx, election, {
        observerId,
        precinctCode,
        figures,
        pageMediaIds: Array.from({ length: pages }, () => nextMediaId++),
        sentAt: SENT_AT,
      }),
    );

  it('creates an invite with a deep link, stores only its digest, and refuses unknown precincts', async () => {
    const invite = await invites.create(TEST_ACTOR, election.slug, ['p1', 'p2']);
    expect(invite.telegramLink).toBe(`https://t.me/dauys_observer_bot?start=${invite.code}`);
    const stored = await handle.db
      .selectFrom('observer_invites')
      .selectAll()
      .where('id', '=', invite.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(invite.code);
    await expect(invites.create(TEST_ACTOR, election.slug, ['p1', 'nowhere'])).rejects.toMatchObject({
      code: 'DAUYS_ERR_VALIDATION',
      issues: [{ where: '--precinct nowhere', message: expect.stringContaining('no precinct') }],
    });
    await expect(invites.create(TEST_ACTOR, election.slug, ['r1'])).rejects.toMatchObject({
      code: 'DAUYS_ERR_VALIDATION',
    });
  });

  it('binds an observer by invite, keeping the contact only encrypted; a second participant cannot reuse it', async () => {
    const invite = await invites.create(TEST_ACTOR, election.slug, ['p3'], {
      contact: 'Aigerim +77010000000',
    });
    const replies = await handle1(
      message('alice', { kind: 'command', command: 'start', args: invite.code.toLowerCase() }),
    );
    expect(JSON.stringify(replies)).toContain('observer.welcome');
    const observer = await handle.db
      .selectFrom('observers')
      .selectAll()
      .where('participant', '=', 'alice')
      .executeTakeFirstOrThrow();
    expect(observer.contact_encrypted).not.toContain('Aigerim');
    expect(decryptField(SECRET, observer.contact_encrypted ?? '')).toBe('Aigerim +77010000000');

    const stranger = await handle1(
      message('mallory', { kind: 'command', command: 'start', args: invite.code }),
    );
    expect(JSON.stringify(stranger)).toContain('observer.invite_invalid');
    const count = await handle.db
      .selectFrom('observers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('participant', '=', 'mallory')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('a revoked invite ends the assignment and refuses new redemptions', async () => {
    const invite = await invites.create(TEST_ACTOR, election.slug, ['p4']);
    await handle1(message('bob', { kind: 'command', command: 'start', args: invite.code }));
    await invites.revoke(TEST_ACTOR, invite.code);
    const replies = await handle1(message('bob', { kind: 'text', text: 'hello' }));
    expect(JSON.stringify(replies)).toContain('observer.not_invited');
    const again = await handle1(message('carol', { kind: 'command', command: 'start', args: invite.code }));
    expect(JSON.stringify(again)).toContain('observer.invite_invalid');
    expect((await invites.list(election.slug)).find((row) => row.id === invite.id)?.status).toBe('revoked');
  });

  it('counts an accepted protocol in the tallies of the precinct, its district, region and election', async () => {
    const observer = await bind('olga', ['p1']);
    const result = await submit(observer, 'p1', CONSISTENT);
    expect(result).toMatchObject({ status: 'accepted', reasons: [], precinctStatus: 'accepted' });
    const block = await protocols.observersBlock(election, 'r1');
    expect(block).toMatchObject({
      protocolsReceived: 1,
      accepted: 1,
      rejected: 0,
      precinctsCounted: 1,
      ballotsCast: 600,
      registeredVoters: 1000,
      turnout: 0.6,
      spoiledBallots: 10,
    });
    expect(block?.choices.find((choice) => choice.id === 'nur-otan')).toMatchObject({
      votes: 300,
      share: 300 / 590,
    });
    expect(JSON.stringify(block)).not.toMatch(/olga|participant/);
    expect(await protocols.observersBlock(election, 'r2')).toBeNull();
  });

  it('counts rejections with their reasons, and a corrected resubmission replaces the rejected one', async () => {
    const observer = await bind('pavel', ['p2']);
    const bad = await submit(
      observer,
      'p2',
      { ...CONSISTENT, '8': 300, '4': 900, '3': 900, '2': 1200, '6.nur-otan': 600 },
      1,
    );
    expect(bad?.status).toBe('rejected');
    expect(bad?.reasons).toEqual(['pages_missing', 'turnout-at-most-70']);
    let block = await protocols.observersBlock(election, 'r1-d1');
    expect(block).toMatchObject({
      protocolsReceived: 2,
      accepted: 1,
      rejected: 1,
      rejectedReasons: { pages_missing: 1, 'turnout-at-most-70': 1 },
    });

    const fixed = await submit(observer, 'p2', { ...CONSISTENT, '1': 2000, '2': 2000, '8': 1400 });
    expect(fixed?.status).toBe('accepted');
    block = await protocols.observersBlock(election, 'r1-d1');
    expect(block).toMatchObject({
      protocolsReceived: 2,
      accepted: 2,
      rejected: 0,
      rejectedReasons: {},
      registeredVoters: 3000,
      ballotsCast: 1200,
    });
  });

  it('keeps a line two observers disagree on as a conflict and takes the precinct out of the count until they agree', async () => {
    const first = await bind('quinn', ['p3']);
    const second = await bind('rosa', ['p3']);
    await submit(first, 'p3', CONSISTENT);
    const before = await protocols.observersBlock(election, 'r1-d2');
    expect(before).toMatchObject({ precinctsCounted: 1, ballotsCast: 600 });

    const disagreeing = await submit(second, 'p3', { ...CONSISTENT, '7': 20, '6.nur-otan': 290 });
    expect(disagreeing).toMatchObject({ status: 'accepted', precinctStatus: 'conflict' });
    const conflicts = await protocols.conflicts(election);
    expect(
      conflicts.find((row) => row.precinctCode === 'p3')?.conflicts.map((conflict) => conflict.key),
    ).toEqual(['6.nur-otan', '7']);
    const during = await protocols.observersBlock(election, 'r1-d2');
    expect(during).toMatchObject({
      protocolsReceived: 2,
      accepted: 2,
      precinctsCounted: 0,
      ballotsCast: null,
    });

    await submit(second, 'p3', CONSISTENT);
    const after = await protocols.observersBlock(election, 'r1-d2');
    expect(after).toMatchObject({ protocolsReceived: 2, precinctsCounted: 1, ballotsCast: 600 });
    expect((await protocols.conflicts(election)).some((row) => row.precinctCode === 'p3')).toBe(false);
  });

  it('reports a violation (new, not public until published) and sends SOS to the coordinators through the outbox', async () => {
    const observerId = await bind('sara', ['p5']);
    const id = await handle.db.transaction().execute((tx) =>
      violations.report(tx, election, {
        observerId,
        precinctCode: 'p5',
        categoryId: 'ballot-stuffing',
        text: 'stuffing',
        mediaIds: [1, 2],
        reportedAt: SENT_AT,
      }),
    );
    expect(id).toBeDefined();
    expect(await violations.violationsBlock(election)).toBeNull();
    await violations.setStatus(id as number, 'published');
    expect(await violations.violationsBlock(election)).toEqual({
      published: 1,
      byCategory: { 'ballot-stuffing': 1 },
    });

    await handle1(message('sara', { kind: 'command', command: 'sos', args: '' }));
    const alert = await handle.db
      .selectFrom('sos_alerts')
      .selectAll()
      .where('observer_id', '=', observerId)
      .executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ precinct_code: 'p5', acknowledged: false });
    expect(queued.at(-1)).toMatchObject({
      participant: 'coordinators',
      bot: 'observer',
      message: { text: [{ key: 'observer.coordinators_sos' }] },
    });
    // Sent 15:30 UTC: on the election's clock (Asia/Almaty, UTC+6 in 2021), as English writes it.
    expect(queued.at(-1)).toMatchObject({
      message: { text: [{ params: { time: expect.stringMatching(/^9:30\sPM$/) } }] },
    });
    const address = await handle.db
      .selectFrom('chat_addresses')
      .selectAll()
      .where('participant', '=', 'coordinators')
      .executeTakeFirstOrThrow();
    expect(decryptField(SECRET, address.address_encrypted)).toBe('-100777');
  });

  // The compact grammar (what an SMS observer types) through the real runner and ProtocolService.
  it('takes a protocol typed over two messages, checks it once complete, and tallies its verdict', async () => {
    await bind('sms-observer', ['p4']);
    const say = async (typed: string) =>
      JSON.stringify(await handle1(message('sms-observer', { kind: 'text', text: typed })));
    expect(await say('P 201 1000 1000 600 600')).toContain('observer.sms_protocol_partial');
    expect(await protocols.observersBlock(election, 'r2-d1')).toMatchObject({ protocolsReceived: 0 });
    const verdict = await say('п 201 100 300 90 60 40 10 400');
    // No photos by SMS: the same check names the missing pages, and nothing else.
    expect(verdict).toContain('observer.sms_protocol_rejected');
    expect(verdict).toContain('pages_missing 0/2');
    expect(await protocols.observersBlock(election, 'r2-d1')).toMatchObject({
      protocolsReceived: 1,
      rejected: 1,
      rejectedReasons: { pages_missing: 1 },
    });
    expect(await say('P 202 1 2')).toContain('observer.sms_not_your_precinct');

    // A protocol by SMS, which carries no pages: checked on its figures, and accepted.
    const bySms = { channel: 'sms', textOnly: true } as const;
    await bind('sms-phone-observer', ['p5'], undefined, bySms);
    const sms = async (typed: string) =>
      JSON.stringify(await handle1(message('sms-phone-observer', { kind: 'text', text: typed }, bySms)));
    expect(await sms('P 202 1000 1000 600 600 100 300 90 60 40 10 400')).toContain(
      'observer.sms_protocol_accepted',
    );
    expect(await protocols.observersBlock(election, 'r2-d1')).toMatchObject({
      protocolsReceived: 2,
      accepted: 1,
      rejected: 1,
    });
  });
});
