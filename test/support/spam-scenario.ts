import crypto from 'node:crypto';
import { Registry } from 'prom-client';
import { InboxWorker } from '../../src/jobs/inbox-worker';
import { pipelineMetrics } from '../../src/jobs/pipeline-metrics';
import type { ElectionDefinition } from '../../src/domain/election/election-definition';
import type { InboundContent } from '../../src/flows/messages';
import type { StoredSpamVerdict } from '../../src/services/spam/spam-scoring.service';
import { ballotVoterKey } from '../../src/services/ballot-report.service';
import type { Election } from '../../src/services/election.service';
import { WebchatRepository } from '../../src/store/repositories/webchat.repository';
import { createRng, type SeededRandom } from '../../src/simulation/seeded';
import { openConsoleTestApp, type ConsoleTestApp } from './console-test-app';
import { TINY_GEOGRAPHY_CSV, writeTinyElection } from './tiny-election';

/** Small precincts on top of the tiny geography: crowds there cross the precinct thresholds. */
const SMALL_PRECINCTS_CSV = `precinct,p6,r2-d1,203,Учаске 203,Участок 203,Precinct 203,40
precinct,p7,r2-d1,204,Учаске 204,Участок 204,Precinct 204,40
`;

export interface ScriptedVote {
  participant: string;
  /** The precinct's number as a voter types it ('101'). */
  precinct: string;
  choiceId: string;
  /** A JPEG sent as the ballot photo; none = "no photo". */
  photo?: Buffer;
  /** The first message's own date. */
  startAt: Date;
  /** Seconds between the conversation's 7 messages (6 gaps); random human pauses when absent. */
  gapsSeconds?: number[];
  /** Free text typed before choosing the precinct. */
  typed?: string;
}

/**
 * The full app on a real database (PGlite or PostgreSQL) with the tiny demo election, driven the
 * way the webhooks drive it: messages are stored in the inbox with their own dates, the inbox
 * worker runs the voter flow, the media job fetches, cleans, reads and scores the photos (web
 * chat uploads serve as the channel's files). Only the clock of the messages is scripted.
 *
 * @example
 * const scenario = await openSpamScenario('pglite');
 * scenario.vote({ participant: 'a', precinct: '101', choiceId: 'adal', startAt: scenario.t0 });
 * await scenario.drain();
 * (await scenario.report('a')).status; // 'no_photo'
 */
export class SpamScenario {
  readonly t0 = new Date(Date.now() - 10 * 60 * 60_000);
  private readonly pending: Array<{
    participant: string;
    content: InboundContent;
    sentAt: Date;
    photo?: Buffer;
  }> = [];
  private readonly worker: InboxWorker;
  private readonly rng: SeededRandom = createRng(20210110);
  private update = 0;

  constructor(
    readonly test: ConsoleTestApp,
    readonly election: Election,
  ) {
    this.worker = new InboxWorker(
      test.app.database.db,
      test.app.conversations,
      test.app.outbox,
      test.app.logger,
      pipelineMetrics(new Registry()),
    );
  }

  get app() {
    return this.test.app;
  }

  get definition(): ElectionDefinition {
    return this.election.definition;
  }

  /** A moment `minutes` after the scenario's start (10 hours ago). */
  at(minutes: number): Date {
    return new Date(this.t0.getTime() + minutes * 60_000);
  }

  /** Queues one message with its own date (sent on {@link drain}, in the order queued). */
  say(participant: string, content: InboundContent, sentAt: Date): void {
    this.pending.push({ participant, content, sentAt });
  }

  /** Queues a whole vote: /start → English → note → typed precinct → choice → photo or none → confirm. */
  vote(vote: ScriptedVote): void {
    const gaps = vote.gapsSeconds ?? Array.from({ length: 6 }, () => 4 + Math.floor(this.rng.next() * 40));
    let at = vote.startAt.getTime();
    const next = () => {
      const date = new Date(at);
      at += (gaps.shift() ?? 5) * 1000;
      return date;
    };
    const press = (data: string): InboundContent => ({ kind: 'button', data });
    this.say(vote.participant, { kind: 'command', command: 'start', args: '' }, next());
    this.say(vote.participant, press('l:en'), next());
    this.say(vote.participant, press('go'), next());
    if (vote.typed) this.say(vote.participant, { kind: 'text', text: vote.typed }, new Date(at - 500));
    this.say(vote.participant, { kind: 'text', text: vote.precinct }, next());
    this.say(vote.participant, press(`ch:${vote.choiceId}`), next());
    if (vote.photo) {
      this.pending.push({
        participant: vote.participant,
        content: { kind: 'photo', media: { fileId: '' } },
        sentAt: next(),
        photo: vote.photo,
      });
    } else this.say(vote.participant, press('np'), next());
    this.say(vote.participant, press('ok'), next());
  }

  /** Queues a correction (a vote again): change → the part → a new photo or choice → confirm. */
  correct(participant: string, change: { photo: Buffer } | { choiceId: string }, startAt: Date): void {
    const at = startAt.getTime();
    this.say(participant, { kind: 'button', data: 'chg' }, new Date(at));
    if ('photo' in change) {
      this.say(participant, { kind: 'button', data: 'ed:f' }, new Date(at + 6_000));
      this.pending.push({
        participant,
        content: { kind: 'photo', media: { fileId: '' } },
        sentAt: new Date(at + 15_000),
        photo: change.photo,
      });
    } else {
      this.say(participant, { kind: 'button', data: 'ed:c' }, new Date(at + 6_000));
      this.say(participant, { kind: 'button', data: `ch:${change.choiceId}` }, new Date(at + 15_000));
    }
    this.say(participant, { kind: 'button', data: 'ok' }, new Date(at + 21_000));
  }

  /** Stores the queued messages in the inbox and runs the worker and the media job until both are idle. */
  async drain(): Promise<void> {
    const items = [];
    for (const message of this.pending.splice(0)) {
      let content = message.content;
      if (message.photo) {
        const key = `wc_${crypto.randomBytes(12).toString('base64url')}`;
        await new WebchatRepository(this.app.database.db).saveUpload(
          key,
          message.participant,
          'image/jpeg',
          message.photo,
        );
        content = {
          kind: 'photo',
          media: { fileId: key, sizeBytes: message.photo.length, mimeType: 'image/jpeg' },
        };
      }
      if (content.kind === 'button') content = { ...content, callbackId: `cb-${++this.update}` };
      items.push({
        inbound: {
          channel: 'webchat' as const,
          bot: 'voter' as const,
          participant: message.participant,
          sentAt: message.sentAt,
          receivedAt: new Date(),
          content,
        },
        dedupeKey: `u-${++this.update}`,
        replyAddress: message.participant,
      });
    }
    if (items.length > 0) await this.app.inbox.accept(items);
    for (;;) {
      let work = 0;
      while ((await this.worker.processBatch()) > 0) work++;
      while ((await this.app.media.processDue(4)) > 0) work++;
      if (work === 0) break;
    }
    const failed = await this.app.database.db
      .selectFrom('inbox')
      .select(['id', 'last_error'])
      .where('status', '<>', 'done')
      .execute();
    if (failed.length > 0) throw new Error(`inbox rows not processed: ${JSON.stringify(failed)}`);
  }

  /** The participant's ballot report, with its stored spam verdict. */
  async report(participant: string) {
    const row = await this.app.database.db
      .selectFrom('ballot_reports')
      .selectAll()
      .where('election_id', '=', this.election.id)
      .where('voter_key', '=', ballotVoterKey(this.app.secret, this.election.slug, participant))
      .executeTakeFirstOrThrow();
    const spam = row.signals.spam as StoredSpamVerdict | undefined;
    return { ...row, spam, signalIds: (spam?.signals ?? []).map((signal) => signal.id) };
  }

  async summary(area?: string) {
    return this.app.voterTallies.summary(this.election.id, this.definition, area);
  }

  close(): Promise<void> {
    return this.test.close();
  }
}

/** Opens the full app on `database` with the tiny demo election (always open: any message date counts). */
export async function openSpamScenario(database: 'pglite' | 'postgres'): Promise<SpamScenario> {
  const test = await openConsoleTestApp(database);
  const files = await writeTinyElection((definition) => {
    definition.demo = true;
  });
  await files.write('geography.csv', TINY_GEOGRAPHY_CSV + SMALL_PRECINCTS_CSV);
  await test.app.elections.loadFile(files.electionFile);
  return new SpamScenario(test, await test.app.elections.require(files.slug));
}
