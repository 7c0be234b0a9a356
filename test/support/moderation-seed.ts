import crypto from 'node:crypto';
import sharp from 'sharp';
import type { App } from '../../src/app';
import { storeContentAddressed } from '../../src/media/content-store';
import type { Election } from '../../src/services/election.service';
import { MediaRepository } from '../../src/store/repositories/media.repository';
import type { MediaPurpose } from '../../src/store/tables/messaging.tables';
import { writeTinyElection } from './tiny-election';
import { TEST_ACTOR } from './test-actor';

/** A protocol that passes every control ratio of the demo form (line 5 left blank). */
export const CLEAN_PROTOCOL: Record<string, number> = {
  '1': 1000,
  '2': 900,
  '3': 600,
  '4': 590,
  '6.ak-zhol': 100,
  '6.nur-otan': 300,
  '6.adal': 80,
  '6.auyl': 50,
  '6.peoples-party': 50,
  '7': 10,
  '8': 300,
};

export interface ModerationSeed {
  election: Election;
  /** Ballot reports waiting for a moderator, each with a stored photo. */
  ballotIds: number[];
  protocolId: number;
  violationId: number;
  sosId: number;
  observerId: number;
}

/** A stored, processed photo (a flat JPEG of `colour`) as the media pipeline would leave it. */
export async function storedPhoto(
  app: App,
  purpose: MediaPurpose,
  participant: string,
  image?: Buffer,
): Promise<number> {
  const data =
    image ??
    (await sharp({ create: { width: 120, height: 90, channels: 3, background: { r: 40, g: 90, b: 160 } } })
      .jpeg()
      .toBuffer());
  const sha256 = crypto.createHash('sha256').update(data).update(participant).digest('hex');
  const stored = await storeContentAddressed(app.config.mediaDir, { sha256, data, thumb: data });
  return app.database.db.transaction().execute(async (tx) => {
    const media = new MediaRepository(tx);
    const id = await media.insert({
      channel: 'telegram',
      bot: 'voter',
      participant,
      purpose,
      fileId: `file-${sha256.slice(0, 8)}`,
    });
    await media.settle(id, {
      status: 'ok',
      sha256,
      path: stored.path,
      thumbPath: stored.thumbPath,
      width: 120,
      height: 90,
    });
    return id;
  });
}

/**
 * The tiny election with something in every queue: `ballots` voter reports pending review (with
 * photos), one observer (through a redeemed invite for p1 and p2) with a clean protocol of two
 * pages, one violation whose text carries personal details, and one open SOS alert.
 *
 * @example
 * const seed = await seedModeration(app, { ballots: 4 });
 */
export async function seedModeration(
  app: App,
  options: { ballots?: number; protocolPages?: Buffer[] } = {},
): Promise<ModerationSeed> {
  const tiny = await writeTinyElection();
  const { election } = await app.elections.loadFile(tiny.electionFile);
  const sentAt = new Date('2021-01-10T08:00:00Z');
  const ballotIds: number[] = [];
  const choices = ['ak-zhol', 'nur-otan', 'adal', 'against-all'];
  for (let index = 0; index < (options.ballots ?? 4); index += 1) {
    const participant = `moderation-voter-${index}`;
    const mediaId = await storedPhoto(app, 'ballot', participant);
    const report = await app.database.db.transaction().execute(async (tx) => {
      const saved = await app.ballots.record(tx, {
        electionId: election.id,
        electionSlug: election.slug,
        inbound: {
          channel: 'telegram',
          bot: 'voter',
          participant,
          sentAt,
          receivedAt: sentAt,
          content: { kind: 'text', text: 'done' },
        },
        precinctCode: index % 2 === 0 ? 'p1' : 'p4',
        choiceId: choices[index % choices.length]!,
        keepRecordedPhoto: false,
        sentAt,
        delayed: false,
        // The first as the web chat sends a vote kept on the phone offline: dated by its clock.
        deviceDated: index === 0,
      });
      // Attach the stored photo and leave the report waiting for a moderator (a failed check).
      await tx
        .updateTable('ballot_reports')
        .set({
          media_id: mediaId,
          signals: JSON.stringify({ channel: 'telegram', spam: { verdict: 'suspicious', score: 3 } }),
        })
        .where('id', '=', saved.id)
        .execute();
      await app.ballots.setStatus(tx, saved.id, election.id, 'pending_review');
      return saved;
    });
    ballotIds.push(report.id);
  }

  const invite = await app.invites.create(TEST_ACTOR, election.slug, ['p1', 'p2'], {
    contact: 'Test Observer, +7 701 000 00 00',
  });
  const pages = options.protocolPages ?? [undefined, undefined];
  const pageIds: number[] = [];
  for (const [index, page] of pages.entries())
    pageIds.push(await storedPhoto(app, 'protocol', `page-${index}`, page));
  const violationPhoto = await storedPhoto(app, 'violation', 'violation-photo');
  const ids = await app.database.db.transaction().execute(async (tx) => {
    const observerId = (await app.invites.redeem(tx, invite.id, {
      channel: 'telegram',
      participant: 'moderation-observer',
      locale: 'en',
    }))!;
    const submitted = await app.protocols.submit(tx, election, {
      observerId,
      precinctCode: 'p1',
      figures: CLEAN_PROTOCOL,
      pageMediaIds: pageIds,
      sentAt,
    });
    const violationId = await app.violations.report(tx, election, {
      observerId,
      precinctCode: 'p1',
      categoryId: 'observer-removed',
      text: 'Председатель Ерлан Сапаров выгнал меня, звоните +7 701 123 45 67, ИИН 900101300123',
      mediaIds: [violationPhoto],
      reportedAt: sentAt,
    });
    const sosId = await app.sos.raise(tx, election, { observerId, precinctCode: 'p1', sentAt });
    return { observerId, protocolId: submitted!.protocolId, violationId: violationId!, sosId };
  });
  return { election, ballotIds, ...ids };
}
