import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundContent, InboundMessage } from '../../src/flows/messages';
import { ActiveElectionService } from '../../src/services/active-election.service';
import { ImpostorReportService } from '../../src/services/impostor-report.service';
import { BallotReportService } from '../../src/services/ballot-report.service';
import { ElectionService } from '../../src/services/election.service';
import { GeographyCacheService } from '../../src/services/geography-cache.service';
import { VoterTallyService } from '../../src/services/voter-tally.service';
import type { DatabaseHandle } from '../../src/store/database';
import { ConversationRunner } from '../../src/bots/conversation-runner';
import { voterBot } from '../../src/bots/voter/voter.bot';
import { testDatabases } from '../support/test-databases';
import { writeTinyElection } from '../support/tiny-election';

const SECRET = 'integration-secret-0123456789abcdef0123456789';
// The tiny election is the 2021 demo's definition: polls 01:00Z–15:00Z on 10 January, 48 h grace.
const DURING_POLLS = new Date('2021-01-10T08:00:00Z');
const BEFORE_CLOSE = new Date('2021-01-10T14:30:00Z');
const NEXT_MORNING = new Date('2021-01-11T03:00:00Z');
const AFTER_GRACE = new Date('2021-01-12T16:00:00Z');

describe.each(testDatabases())('ballot reports and the voters tally on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let electionId: number;
  let clock = DURING_POLLS;
  let ballots: BallotReportService;
  let conversations: ConversationRunner;
  let tallies: VoterTallyService;
  let elections: ElectionService;
  let nextMediaId = 1;

  beforeAll(async () => {
    handle = await open();
    elections = new ElectionService(handle.db);
    const files = await writeTinyElection((definition) => {
      definition.demo = false;
    });
    electionId = (await elections.loadFile(files.electionFile)).election.id;
    ballots = new BallotReportService(SECRET, { request: async () => nextMediaId++ });
    conversations = new ConversationRunner([
      voterBot({
        activeElections: new ActiveElectionService(() => clock),
        geographies: new GeographyCacheService(),
        ballots,
        impostors: new ImpostorReportService(handle.db, SECRET),
        publicUrl: 'https://dauys.example',
      }),
    ]);
    tallies = new VoterTallyService(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  let callback = 0;
  async function say(
    participant: string,
    content: InboundContent,
    at: { sentAt?: Date; receivedAt?: Date } = {},
  ) {
    const receivedAt = at.receivedAt ?? clock;
    const inbound: InboundMessage = {
      channel: 'telegram',
      bot: 'voter',
      participant,
      sentAt: at.sentAt ?? receivedAt,
      receivedAt,
      content: content.kind === 'button' ? { ...content, callbackId: `cb-${++callback}` } : content,
    };
    const [replies] = await handle.db.transaction().execute((tx) => conversations.run(tx, [inbound]));
    return replies!;
  }
  const press = (data: string): InboundContent => ({ kind: 'button', data });
  const text = (value: string): InboundContent => ({ kind: 'text', text: value });

  /** /start → English → note → typed precinct number → choice → no photo → confirm. */
  async function vote(
    participant: string,
    precinctNumber: string,
    choiceId: string,
    at: { sentAt?: Date } = {},
  ) {
    await say(participant, { kind: 'command', command: 'start', args: '' });
    await say(participant, press('l:en'));
    await say(participant, press('go'));
    await say(participant, text(precinctNumber));
    await say(participant, press(`ch:${choiceId}`), at);
    await say(participant, press('np'));
    return say(participant, press('ok'));
  }

  const definition = async () => (await elections.require('tiny-2021')).definition;
  const summary = async (area?: string) => tallies.summary(electionId, await definition(), area);
  const choice = (block: Awaited<ReturnType<typeof summary>>, id: string) =>
    block.choices.find((c) => c.id === id);

  it('records one report per voter and counts it in every enclosing area', async () => {
    clock = DURING_POLLS;
    const replies = await vote('voter-a', '101', 'nur-otan');
    expect(replies.at(-1)?.message).toMatchObject({ kind: 'send', text: [{ key: 'voter.thanks' }] });
    for (const area of ['r1', 'r1-d1', 'p1', undefined]) {
      const block = await summary(area);
      expect(block).toMatchObject({ received: 1, counted: 1, noPhoto: 1, confirmed: 0, precinctsCovered: 1 });
      expect(choice(block, 'nur-otan')).toMatchObject({ count: 1, share: 1 });
    }
    expect((await summary('r2')).received).toBe(0);
  });

  it('keeps one vote when the same voter votes again, and the tally counts one', async () => {
    clock = DURING_POLLS;
    await vote('voter-b', '102', 'adal');
    await vote('voter-b', '102', 'adal');
    const rows = await handle.db.selectFrom('ballot_reports').select('voter_key').execute();
    expect(rows).toHaveLength(2);
    expect((await summary('p2')).received).toBe(1);
  });

  it('moves the counts when a vote is corrected to another precinct and choice', async () => {
    clock = DURING_POLLS;
    await vote('voter-c', '103', 'auyl');
    expect(choice(await summary('r1'), 'auyl')?.count).toBe(1);
    await say('voter-c', { kind: 'command', command: 'start', args: '' });
    await say('voter-c', press('chg'));
    await say('voter-c', press('ed:p'));
    await say('voter-c', text('201'));
    await say('voter-c', press('ed'));
    await say('voter-c', press('ed:c'));
    await say('voter-c', press('ch:against-all'));
    await say('voter-c', press('ok'));
    const r1 = await summary('r1');
    const r2 = await summary('r2');
    expect(choice(r1, 'auyl')?.count).toBe(0);
    expect(r2).toMatchObject({ received: 1, againstAll: 1, precinctsCovered: 1 });
    expect(choice(r2, 'against-all')).toMatchObject({ count: 1, share: 1 });
    expect((await summary()).received).toBe(3);
  });

  it('counts a vote dated before close that arrives within the grace period, marked delayed', async () => {
    clock = NEXT_MORNING;
    const replies = await vote('voter-d', '202', 'ak-zhol', { sentAt: BEFORE_CLOSE });
    expect(replies.at(-1)?.message).toMatchObject({
      text: [{ key: 'voter.thanks_delayed' }, { key: 'voter.thanks' }],
    });
    const block = await summary('p5');
    expect(block).toMatchObject({ received: 1, delayed: 1 });
    const row = await handle.db
      .selectFrom('ballot_reports')
      .select(['sent_at', 'delayed'])
      .where('precinct_code', '=', 'p5')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sent_at: BEFORE_CLOSE, delayed: true });
  });

  it('does not count a vote dated after close', async () => {
    clock = NEXT_MORNING;
    const replies = await vote('voter-e', '202', 'ak-zhol', { sentAt: new Date('2021-01-10T15:30:00Z') });
    expect(replies.at(-1)?.message).toMatchObject({ text: [{ key: 'voter.vote_not_accepted' }] });
    expect((await summary('p5')).received).toBe(1);
  });

  it('does not count anything once the grace period is over', async () => {
    clock = AFTER_GRACE;
    const replies = await vote('voter-f', '202', 'adal', { sentAt: BEFORE_CLOSE });
    expect(replies.at(-1)?.message).toMatchObject({ text: [{ key: 'voter.no_election' }] });
    expect((await summary('p5')).received).toBe(1);
  });

  it('/delete removes the vote, its counts and the conversation while polls are open', async () => {
    clock = DURING_POLLS;
    await vote('voter-g', '201', 'adal');
    expect(choice(await summary('p4'), 'adal')?.count).toBe(1);
    await say('voter-g', { kind: 'command', command: 'delete', args: '' });
    const replies = await say('voter-g', press('del:y'));
    expect(replies.at(-1)?.message).toMatchObject({ text: [{ key: 'voter.deleted' }] });
    expect(choice(await summary('p4'), 'adal')?.count).toBe(0);
    const states = await handle.db
      .selectFrom('conversations')
      .select('participant')
      .where('participant', '=', 'voter-g')
      .execute();
    expect(states).toEqual([]);
  });

  it('confirms a vote when its photo passes the checks, and excludes spam from the shares', async () => {
    clock = DURING_POLLS;
    await say('voter-h', { kind: 'command', command: 'start', args: '' });
    await say('voter-h', press('l:kk'));
    await say('voter-h', press('go'));
    await say('voter-h', text('102'));
    await say('voter-h', press('ch:nur-otan'));
    await say('voter-h', { kind: 'photo', media: { fileId: 'f-1', uniqueId: 'u-1' } });
    await say('voter-h', press('ok'));
    const report = await handle.db
      .selectFrom('ballot_reports')
      .selectAll()
      .where('media_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(report.status).toBe('pending_review');
    expect((await summary('p2')).pendingReview).toBe(1);

    await handle.db
      .transaction()
      .execute((tx) => ballots.onPhotoProcessed(tx, { id: report.media_id!, status: 'ok' }));
    expect(await summary('p2')).toMatchObject({ confirmed: 1, pendingReview: 0, received: 2 });

    await handle.db.transaction().execute((tx) => ballots.setStatus(tx, report.id, electionId, 'spam'));
    const p2 = await summary('p2');
    expect(p2).toMatchObject({ received: 2, counted: 1, spam: 1, confirmed: 0 });
    expect(choice(p2, 'nur-otan')).toMatchObject({ count: 0, share: 0 });
  });

  it('stores reports under a ballot-only key, and no vote in the conversation state', async () => {
    const keys = await handle.db.selectFrom('ballot_reports').select('voter_key').execute();
    const participants = ['voter-a', 'voter-b', 'voter-c', 'voter-d', 'voter-h'];
    for (const { voter_key } of keys) expect(participants).not.toContain(voter_key);
    const states = await handle.db.selectFrom('conversations').select('state').execute();
    for (const { state } of states) {
      if (state.stage === 'voted') expect(state.draft).toEqual({});
    }
  });

  it('lists every area of a level with its figures', async () => {
    const areas = await tallies.results(electionId, await definition(), 'district');
    expect(areas.map((a) => a.code)).toEqual(['r1-d1', 'r1-d2', 'r2-d1']);
    const r2d1 = areas.find((a) => a.code === 'r2-d1')!;
    expect(r2d1.voters).toMatchObject({ precinctsCovered: 2 });
    expect(r2d1.voters.received).toBe((await summary('r2-d1')).received);
    const precincts = await tallies.results(electionId, await definition(), 'precinct', 'r1');
    expect(precincts.map((a) => a.code)).toEqual(['p1', 'p2', 'p3']);
  });
});
