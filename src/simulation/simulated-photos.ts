/**
 * The simulator's photos are named by what they show: the Telegram file id encodes the
 * generator and its seed, so the fake Bot API can make the JPEG when the server fetches it
 * (nothing is held in memory) and a bench can tell what the ballot reader should have read.
 */
import sharp from 'sharp';
import type { ElectionDefinition } from '../domain/election/election-definition';
import { generateBallotPhoto } from './ballot-image';
import { protocolPagePhoto } from '../media/ocr/protocol-page';
import type { PlannedObserver } from './observer-plan';
import type { PhotoSpec } from './scenario-plan';
import { generateUnrelatedImage } from './unrelated-image';

/**
 * The file id a simulated account sends for `photo`. A shared photo gets one id per account
 * (as re-uploads do on Telegram) but the same bytes.
 *
 * @example
 * photoFileId({ kind: 'ballot', seed: 7, choiceId: 'adal' }, 700000001); // 'simb.7.adal'
 */
export function photoFileId(photo: PhotoSpec, userId: number): string {
  switch (photo.kind) {
    case 'ballot':
      return `simb.${photo.seed}.${photo.choiceId}`;
    case 'unrelated':
      return `simu.${photo.seed}`;
    case 'shared':
      return `sims.${photo.seed}.${photo.choiceId}.${userId}`;
    case 'protocol':
      return `simp.${photo.observer}.${photo.page}`;
  }
}

/** What a simulated file id shows, or undefined for any other id. */
export function photoSpecOf(fileId: string): PhotoSpec | undefined {
  const [prefix, seedText, choiceId] = fileId.split('.');
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed)) return undefined;
  if (prefix === 'simb' && choiceId) return { kind: 'ballot', seed, choiceId };
  if (prefix === 'simu') return { kind: 'unrelated', seed };
  if (prefix === 'sims' && choiceId) return { kind: 'shared', seed, choiceId };
  const page = Number(choiceId);
  if (prefix === 'simp' && Number.isSafeInteger(page)) return { kind: 'protocol', observer: seed, page };
  return undefined;
}

/**
 * The JPEG behind a simulated file id (same id, same bytes), at most `longSide` pixels long.
 * Protocol pages show the figures of the plan's observer they belong to.
 *
 * @example
 * fake.setFileSource((fileId) => simulatedPhoto(fileId, election, 850, plan.observers));
 */
export async function simulatedPhoto(
  fileId: string,
  election: ElectionDefinition,
  longSide: number,
  observers: readonly PlannedObserver[] = [],
): Promise<Buffer | undefined> {
  const spec = photoSpecOf(fileId);
  if (!spec) return undefined;
  if (spec.kind === 'protocol') {
    const observer = observers[spec.observer];
    if (!observer) return undefined;
    const page = await protocolPagePhoto(
      election,
      {
        precinctNumber: observer.precinctCode,
        figures: observer.figures,
        locale: spec.page % 2 ? 'kk' : 'ru',
      },
      { rotateDegrees: 1.2, noise: 0.03, quality: 80, seed: spec.observer * 10 + spec.page + 1 },
    );
    return fitWithin(page, longSide);
  }
  if (spec.kind === 'unrelated') {
    const { jpeg } = await generateUnrelatedImage({ seed: spec.seed });
    return fitWithin(jpeg, longSide);
  }
  const photo = await generateBallotPhoto(election, {
    seed: spec.seed,
    marking: { kind: 'one', choiceId: spec.choiceId },
    conditions: { longSide },
  });
  return photo.jpeg;
}

function fitWithin(jpeg: Buffer, longSide: number): Promise<Buffer> {
  return sharp(jpeg)
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
}
