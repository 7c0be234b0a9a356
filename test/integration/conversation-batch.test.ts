import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressedOutbound, InboundContent, InboundMessage } from '../../src/flows/messages';
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
const DURING_POLLS = new Date('2021-01-10T08:00:00Z');

/** /start → English → note → typed precinct number → choice → no photo → confirm. */
const SCRIPT: InboundContent[] = [
  { kind: 'command', command: 'start', args: '' },
  { kind: 'button', data: 'l:en' },
  { kind: 'button', data: 'go' },
  { kind: 'text', text: '101' },
  { kind: 'button', data: 'ch:nur-otan' },
  { kind: 'button', data: 'np' },
  { kind: 'button', data: 'ok' },
];

// The worker hands the runner a whole batch: states and votes are read and saved for all rows at
// once. It must answer and count exactly as a batch of one (one message at a time) does.
describe.each(testDatabases())('the conversation, a batch at a time, on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let conversations: ConversationRunner;
  let tallies: VoterTallyService;
  let elections: ElectionService;
  let electionId: number;
  let callback = 0;

  beforeAll(async () => {
    handle = await open();
    elections = new ElectionService(handle.db);
    const files = await writeTinyElection((definition) => {
      definition.demo = false;
    });
    electionId = (await elections.loadFile(files.electionFile)).election.id;
    conversations = new ConversationRunner([
      voterBot({
        activeElections: new ActiveElectionService(() => DURING_POLLS),
        geographies: new GeographyCacheService(),
        ballots: new BallotReportService(SECRET, undefined),
        impostors: new ImpostorReportService(handle.db, SECRET),
        publicUrl: 'https://dauys.example',
      }),
    ]);
    tallies = new VoterTallyService(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  const inbound = (participant: string, content: InboundContent): InboundMessage => ({
    channel: 'telegram',
    bot: 'voter',
    participant,
    sentAt: DURING_POLLS,
    receivedAt: DURING_POLLS,
    content: content.kind === 'button' ? { ...content, callbackId: `cb-${++callback}` } : content,
  });
  const messages = (replies: AddressedOutbound[]) =>
    replies.map(({ message }) => (message.kind === 'answer_button' ? { kind: message.kind } : message));

  it('answers and records votes in a batch as it does one message at a time', async () => {
    const single: AddressedOutbound[][] = [];
    const batched: AddressedOutbound[][][] = [];
    for (const content of SCRIPT) {
      const [alone] = await handle.db
        .transaction()
        .execute((tx) => conversations.run(tx, [inbound('one-at-a-time', content)]));
      single.push(alone!);
      batched.push(
        await handle.db
          .transaction()
          .execute((tx) => conversations.run(tx, [inbound('batch-a', content), inbound('batch-b', content)])),
      );
    }
    for (const [step, replies] of single.entries()) {
      expect(messages(batched[step]![0]!)).toEqual(messages(replies));
      expect(messages(batched[step]![1]!)).toEqual(messages(replies));
      expect(batched[step]![1]!.every((reply) => reply.participant === 'batch-b')).toBe(true);
    }
    const definition = (await elections.require('tiny-2021')).definition;
    expect((await tallies.summary(electionId, definition, 'p1')).received).toBe(3);
  });

  it('runs two messages of one participant in a batch one after the other', async () => {
    const replies = await handle.db
      .transaction()
      .execute((tx) =>
        conversations.run(tx, [
          inbound('twice', SCRIPT[0]!),
          inbound('twice', SCRIPT[1]!),
          inbound('other', SCRIPT[0]!),
        ]),
      );
    expect(replies).toHaveLength(3);
    // The language button found the state the /start before it saved: the note follows, in English.
    expect(replies[1]!.at(-1)?.locale).toBe('en');
  });

  // The compact grammar (what an SMS voter types) through the real runner, loader and ballots service.
  it('counts a one-message vote, replaces it with a second one, and counts nothing it did not understand', async () => {
    const say = async (typed: string) => {
      const [replies] = await handle.db
        .transaction()
        .execute((tx) => conversations.run(tx, [inbound('sms-voter', { kind: 'text', text: typed })]));
      return replies!.map(({ message }) => message);
    };
    const definition = (await elections.require('tiny-2021')).definition;
    const p2 = () => tallies.summary(electionId, definition, 'p2');
    const count = async (id: string) => (await p2()).choices.find((choice) => choice.id === id)?.count;

    expect(JSON.stringify(await say('Г 102 2'))).toContain('voter.sms_vote_recorded');
    expect(await p2()).toMatchObject({ received: 1, noPhoto: 1 });
    expect(await count('nur-otan')).toBe(1);

    expect(JSON.stringify(await say('v-102-ak zhol'))).toContain('voter.sms_vote_changed');
    expect((await p2()).received).toBe(1);
    expect(await count('nur-otan')).toBe(0);
    expect(await count('ak-zhol')).toBe(1);

    expect(JSON.stringify(await say('Г 999 2'))).toContain('voter.sms_unknown_precinct');
    expect(JSON.stringify(await say('Г 102 nobody'))).toContain('voter.sms_unknown_choice');
    expect((await p2()).received).toBe(1);
    expect(await count('ak-zhol')).toBe(1);
  });
});
