/**
 * The figures the spam score weighs, as production computes them: from the inbox and the ballot
 * reports in SQL (`SpamSignalsRepository`), gathered by `SpamScoringService` when
 * `BallotReportService` records a vote or a processed photo. Each case reads the inputs stored
 * with the verdict (`signals.spam.inputs`), so what is asserted is what the scorer was given.
 * (The score itself, figures in, verdict out, is unit-tested in score-ballot-report.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotReportSignals } from '../../src/domain/spam/score-ballot-report';
import type { InboundMessage } from '../../src/flows/messages';
import { BallotReportService } from '../../src/services/ballot-report.service';
import { ElectionService } from '../../src/services/election.service';
import { SpamScoringService, storedVerdict } from '../../src/services/spam/spam-scoring.service';
import type { DatabaseHandle } from '../../src/store/database';
import {
  BallotReportsRepository,
  type BallotReportRow,
} from '../../src/store/repositories/ballot-reports.repository';
import { InboxRepository } from '../../src/store/repositories/inbox.repository';
import { MediaRepository } from '../../src/store/repositories/media.repository';
import { SpamSignalsRepository } from '../../src/store/repositories/spam-signals.repository';
import { testDatabases } from '../support/test-databases';
import { TINY_GEOGRAPHY_CSV, writeTinyElection } from '../support/tiny-election';

const SECRET = 'spam-figures-secret-0123456789abcdef0123456789';
const T0 = Date.parse('2021-01-10T03:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);

/** Precincts of their own for the cases below, with their registered voters. */
const MORE_PRECINCTS_CSV = `precinct,p6,r2-d1,203,Учаске 203,Участок 203,Precinct 203,40
precinct,p7,r2-d1,204,Учаске 204,Участок 204,Precinct 204,900
precinct,p8,r2-d1,205,Учаске 205,Участок 205,Precinct 205,1200
precinct,p9,r2-d1,206,Учаске 206,Участок 206,Precinct 206,600
`;

/** A person's pauses: three gaps, too few for a timing fingerprint, so no two cases share one. */
const HUMAN_GAPS = [20, 30, 40];
/** A 64-bit perceptual hash, one 2 bits from it (a re-encoded copy), and its complement (unrelated). */
const PHASH = 'f0e4c2c8d8989898';
const PHASH_2_BITS_OFF = 'f0e4c2c8d8989819';
const PHASH_UNRELATED = '0f1b3d3727676767';
const confirms = (choiceId: string) => ({
  isBallot: true,
  confidence: 0.95,
  markedChoiceId: choiceId,
  marks: 1,
});

describe.each(testDatabases())(
  'spam figures from the store, as the scorer is given them, on $name',
  ({ open }) => {
    let handle: DatabaseHandle;
    let electionId: number;
    let slug: string;
    let ballots: BallotReportService;
    let update = 0;

    beforeAll(async () => {
      handle = await open();
      const files = await writeTinyElection();
      await files.write('geography.csv', TINY_GEOGRAPHY_CSV + MORE_PRECINCTS_CSV);
      const loaded = await new ElectionService(handle.db).loadFile(files.electionFile);
      electionId = loaded.election.id;
      slug = loaded.election.slug;
      ballots = new BallotReportService(
        SECRET,
        {
          request: (tx, item) =>
            new MediaRepository(tx).insert({ ...item, fileId: item.media.fileId, purpose: 'ballot' }),
        },
        new SpamScoringService(),
      );
    }, 120_000);

    afterAll(async () => {
      await handle?.close();
    });

    const repository = () => new SpamSignalsRepository(handle.db);

    /** Stores messages in the inbox with their own dates, as the webhooks do (in the order given). */
    async function messages(participant: string, dates: readonly Date[]): Promise<void> {
      const rows = dates.map((sentAt) => ({
        channel: 'telegram' as const,
        bot: 'voter' as const,
        dedupeKey: `u-${++update}`,
        participant,
        message: {},
        sentAt,
        receivedAt: new Date(),
      }));
      for (let i = 0; i < rows.length; i += 1000)
        await new InboxRepository(handle.db).insertMany(rows.slice(i, i + 1000));
    }

    const inbound = (participant: string, sentAt: Date): InboundMessage => ({
      channel: 'telegram',
      bot: 'voter',
      participant,
      sentAt,
      receivedAt: new Date(),
      content: { kind: 'button', data: 'ok', callbackId: `cb-${++update}` },
    });

    /** Records (or corrects) a vote confirmed by a message dated `sentAt`, already in the inbox. */
    function record(vote: {
      participant: string;
      precinct: string;
      sentAt: Date;
      choiceId?: string;
      photo?: boolean;
    }): Promise<BallotReportRow> {
      return handle.db.transaction().execute((tx) =>
        ballots.record(tx, {
          electionId,
          electionSlug: slug,
          inbound: inbound(vote.participant, vote.sentAt),
          precinctCode: vote.precinct,
          choiceId: vote.choiceId ?? 'adal',
          ...(vote.photo ? { photo: { fileId: `file-${++update}` } } : {}),
          keepRecordedPhoto: false,
          sentAt: vote.sentAt,
          delayed: false,
        }),
      );
    }

    /** A whole conversation ending in a vote at `sentAt`: its messages, `gapsSeconds` apart, then the report. */
    async function vote(input: Parameters<typeof record>[0] & { gapsSeconds?: number[] }) {
      const gaps = input.gapsSeconds ?? HUMAN_GAPS;
      let t = input.sentAt.getTime() - gaps.reduce((sum, gap) => sum + gap, 0) * 1000;
      const dates = [new Date(t)];
      for (const gap of gaps) dates.push(new Date((t += gap * 1000)));
      await messages(input.participant, dates);
      return record(input);
    }

    /** The media job's end for a ballot photo: settle the item, then score the report with it. */
    async function photoProcessed(report: BallotReportRow, photo: { sha256: string; phash: string }) {
      const outcome = { status: 'ok' as const, ...photo, reading: confirms(report.choice_id) };
      await handle.db.transaction().execute(async (tx) => {
        await new MediaRepository(tx).settle(report.media_id!, outcome);
        await ballots.onPhotoProcessed(tx, { id: report.media_id!, ...outcome });
      });
    }

    /** What the scorer was last given for the participant's report. */
    async function figures(participant: string): Promise<BallotReportSignals> {
      const row = await new BallotReportsRepository(handle.db).findByVoter(
        electionId,
        ballots.voterKey(slug, participant),
      );
      const verdict = storedVerdict(row?.signals);
      if (!verdict) throw new Error(`no scored report for ${participant}`);
      return verdict.inputs;
    }

    const counts = (participant: string, dates: Date[], windowMs = HOUR, cap = 1000) =>
      repository().recentMessageCounts(
        dates.map((date) => ({ channel: 'telegram' as const, bot: 'voter' as const, participant, at: date })),
        windowMs,
        cap,
      );

    it("counts an account's messages in the window (t − 1 h, t] ending at a date, apart from other accounts", async () => {
      await messages('window-a', [at(0), at(20)]);
      await messages('window-b', [at(30)]);
      expect(await counts('window-a', [at(20), at(59), at(60), at(180)])).toEqual([2, 2, 1, 0]);
      expect(await counts('window-b', [at(59)])).toEqual([1]);
    });

    it('counts a message delayed by a blackout at the time it was sent, not when it came', async () => {
      await messages('blackout', [at(120)]);
      // Sent before the message above, delivered after it once the blackout lifted.
      await messages('blackout', [at(10)]);
      expect(await counts('blackout', [at(10), at(30), at(120)])).toEqual([1, 1, 1]);
    });

    it('counts a long steady stream exactly, up to the cap asked for', async () => {
      const stream = Array.from({ length: 10_000 }, (_, i) => new Date(T0 + i * 1000));
      await messages('stream', stream);
      const last = stream.at(-1)!;
      expect(await counts('stream', [last], MINUTE)).toEqual([60]);
      expect(await counts('stream', [last], HOUR, 121)).toEqual([121]);
      // The account's figures for a vote at its last message read only its newest messages, yet
      // date its first one right.
      await record({ participant: 'stream', precinct: 'p9', sentAt: last });
      const { account } = await figures('stream');
      expect(account).toMatchObject({ messagesLastMinute: 60, secondsSinceFirstMessage: 9999 });
    });

    it('refuses a window or a cap that is not positive, naming it', async () => {
      await expect(counts('window-a', [at(20)], 0)).rejects.toThrow(/window must be positive \(got 0 ms\)/);
      await expect(counts('window-a', [at(20)], HOUR, 0)).rejects.toThrow(/cap must be positive/);
    });

    it('counts the reports at a precinct in the hour up to each and in all, other voters once, this one included', async () => {
      await vote({ participant: 'precinct-a', precinct: 'p1', sentAt: at(0) });
      await vote({ participant: 'precinct-b', precinct: 'p1', sentAt: at(20) });
      await vote({ participant: 'precinct-c', precinct: 'p1', sentAt: at(60) });
      await vote({ participant: 'precinct-d', precinct: 'p1', sentAt: at(180) });
      expect((await figures('precinct-c')).precinct).toMatchObject({
        reportsLastHour: 2, // b and c: a, an hour before, has left the window
        reportsTotal: 3,
        registeredVoters: 1000,
      });
      expect((await figures('precinct-d')).precinct).toMatchObject({ reportsLastHour: 1, reportsTotal: 4 });
      // A correction replaces a's report: its earlier one is not counted a second time.
      await vote({ participant: 'precinct-a', precinct: 'p1', sentAt: at(200) });
      expect((await figures('precinct-a')).precinct).toMatchObject({ reportsLastHour: 2, reportsTotal: 4 });
    });

    it('counts reports and messages by their own dates when a delayed vote arrives after later ones', async () => {
      await vote({ participant: 'delayed-x', precinct: 'p8', sentAt: at(120) });
      // y's vote was sent at 00:10 and delivered after x's; y has also written since.
      await messages('delayed-y', [at(125)]);
      await vote({ participant: 'delayed-y', precinct: 'p8', sentAt: at(10) });
      await vote({ participant: 'delayed-z', precinct: 'p8', sentAt: at(65) });
      const y = await figures('delayed-y');
      expect(y.precinct).toMatchObject({ reportsLastHour: 1, reportsTotal: 1 });
      // Its conversation's last two messages fall in the minute up to it; the later one does not count.
      expect(y.account).toMatchObject({
        messagesLastMinute: 2,
        secondsSinceFirstMessage: 90,
        earlierMessages: 0,
      });
      expect((await figures('delayed-z')).precinct).toMatchObject({ reportsLastHour: 2, reportsTotal: 2 });
    });

    it("counts one account's votes in the hour up to each, corrections included, forgetting older ones", async () => {
      for (const minute of [0, 10, 20])
        await vote({ participant: 'corrector', precinct: 'p2', sentAt: at(minute) });
      expect((await figures('corrector')).account.votesLastHour).toBe(3);
      await vote({ participant: 'corrector', precinct: 'p2', sentAt: at(200) });
      expect((await figures('corrector')).account.votesLastHour).toBe(1);
    });

    it('gives accounts walked by one script one timing, re-counting the first ones as the group grows', async () => {
      for (let i = 0; i < 4; i++)
        await vote({
          participant: `script-${i}`,
          precinct: 'p3',
          sentAt: at(300 + i * 7),
          gapsSeconds: [1, 1, 1, 1, 1],
        });
      await vote({ participant: 'person', precinct: 'p3', sentAt: at(330), gapsSeconds: [4, 9, 3, 12, 6] });
      for (let i = 0; i < 4; i++)
        expect((await figures(`script-${i}`)).account, `script-${i}`).toMatchObject({
          sameTimingAccounts: 3,
          secondsSinceFirstMessage: 5,
          earlierMessages: 0,
        });
      expect((await figures('person')).account.sameTimingAccounts).toBe(0);
      // Conversations too short for a fingerprint share none, however alike their pauses.
      for (const participant of ['brief-0', 'brief-1'])
        await vote({ participant, precinct: 'p3', sentAt: at(340), gapsSeconds: [1, 1, 1] });
      expect((await figures('brief-1')).account.sameTimingAccounts).toBe(0);
    });

    it('counts other accounts that sent the identical file or a near-identical picture, never the sender itself', async () => {
      const send = async (participant: string, photo: { sha256: string; phash: string }, minute: number) =>
        photoProcessed(await vote({ participant, precinct: 'p4', sentAt: at(minute), photo: true }), photo);
      const file = { sha256: 'a'.repeat(64), phash: PHASH };
      await send('copy-0', file, 400);
      expect((await figures('copy-0')).photo).toMatchObject({
        exactDuplicateAccounts: 0,
        nearDuplicateAccounts: 0,
      });
      // The sender resends its own file as a correction: still no one else's.
      await send('copy-0', file, 405);
      expect((await figures('copy-0')).photo).toMatchObject({
        exactDuplicateAccounts: 0,
        nearDuplicateAccounts: 0,
      });
      await send('copy-1', file, 410);
      await send('copy-2', file, 420);
      await send('re-encoded', { sha256: 'b'.repeat(64), phash: PHASH_2_BITS_OFF }, 430);
      await send('own-photo', { sha256: 'c'.repeat(64), phash: PHASH_UNRELATED }, 440);
      expect((await figures('copy-2')).photo).toMatchObject({
        exactDuplicateAccounts: 2,
        nearDuplicateAccounts: 3,
      });
      expect((await figures('re-encoded')).photo).toMatchObject({
        exactDuplicateAccounts: 0,
        nearDuplicateAccounts: 3,
      });
      expect((await figures('own-photo')).photo).toMatchObject({
        exactDuplicateAccounts: 0,
        nearDuplicateAccounts: 0,
      });
      // Scored alone when it came, the first sender is re-counted as the copies arrive.
      expect((await figures('copy-0')).photo).toMatchObject({
        exactDuplicateAccounts: 2,
        nearDuplicateAccounts: 3,
      });
    });

    it('counts the votes without a photo for a choice at a precinct within an hour either side, the first members re-counted', async () => {
      await vote({ participant: 'mob-0', precinct: 'p6', choiceId: 'auyl', sentAt: at(600) });
      expect((await figures('mob-0')).precinct.unconfirmedSameChoice).toBe(1);
      await vote({
        participant: 'mob-photo',
        precinct: 'p6',
        choiceId: 'auyl',
        sentAt: at(603),
        photo: true,
      });
      await vote({ participant: 'mob-other', precinct: 'p6', choiceId: 'nur-otan', sentAt: at(604) });
      // 16 more: past the limit of 15 for 40 registered voters.
      for (let i = 1; i <= 16; i++)
        await vote({ participant: `mob-${i}`, precinct: 'p6', choiceId: 'auyl', sentAt: at(600 + i * 0.5) });
      await vote({
        participant: 'mob-tomorrow',
        precinct: 'p6',
        choiceId: 'auyl',
        sentAt: at(600 + 24 * 60),
      });
      expect((await figures('mob-16')).precinct.unconfirmedSameChoice).toBe(17);
      expect((await figures('mob-0')).precinct.unconfirmedSameChoice).toBe(17);
      expect((await figures('mob-photo')).precinct.unconfirmedSameChoice).toBe(0);
      expect((await figures('mob-other')).precinct.unconfirmedSameChoice).toBe(1);
      expect((await figures('mob-tomorrow')).precinct.unconfirmedSameChoice).toBe(1);
    });

    it('counts the other accounts that typed the same longer text, not short ones, and keeps the links typed', async () => {
      const type = (participant: string, text: string) =>
        handle.db.transaction().execute((tx) => ballots.noteTyped(tx, electionId, slug, participant, text));
      const promotion = 'The real Dauys bot is t.me/dauys_official_bot so vote there';
      for (let i = 0; i < 3; i++) {
        await type(`promo-${i}`, promotion);
        await vote({ participant: `promo-${i}`, precinct: 'p7', sentAt: at(700 + i * 5) });
      }
      for (const participant of ['city-0', 'city-1']) {
        await type(participant, 'Алматы');
        await vote({ participant, precinct: 'p7', sentAt: at(720) });
      }
      await type('typist', 'Алматы, учаскe 101');
      await vote({ participant: 'typist', precinct: 'p7', sentAt: at(725) });
      const promo = await figures('promo-2');
      expect(promo.sameTextAccounts).toBe(2);
      expect(promo.texts).toContain('t.me/dauys_official_bot');
      expect((await figures('promo-0')).sameTextAccounts).toBe(2);
      expect(await figures('city-1')).toMatchObject({ texts: [], sameTextAccounts: 0 });
      expect((await figures('typist')).sameTextAccounts).toBe(0);
    });
  },
);
