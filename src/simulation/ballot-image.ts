/**
 * Realistic, reproducible photos of marked ballots for any election: the sheet of
 * `ballot-sheet-svg.ts` with a hand mark, photographed under the conditions of
 * `photo-conditions.ts`. The simulator sends these to the bots; the ballot reader is measured on
 * them (bench/ballot-check.ts).
 */
import type { ElectionDefinition, Locale } from '../domain/election/election-definition';
import { ballotSheetSvg } from './ballot-sheet-svg';
import { randomPhotoConditions, type PhotoConditions } from './photo-conditions';
import { photographSvg } from './photograph';
import { createRng, pick } from './seeded';

/** What the voter did on the sheet: one choice, nothing (a blank ballot) or two (spoiled). */
export type BallotMarking =
  { kind: 'one'; choiceId: string } | { kind: 'none' } | { kind: 'two'; choiceIds: [string, string] };

export interface BallotPhotoOptions {
  seed: number;
  marking: BallotMarking;
  locale?: Locale;
  /** Pins some photo conditions (a test's hard case); the rest are drawn from the seed. */
  conditions?: Partial<PhotoConditions>;
}

export interface BallotPhoto {
  jpeg: Buffer;
  /** The truth the reader should recover: the marked choices in ballot order. */
  markedChoiceIds: string[];
  conditions: PhotoConditions;
}

/**
 * A JPEG photo of this election's ballot marked as `marking` says; same seed, same bytes.
 *
 * @example
 * const photo = await generateBallotPhoto(election, { seed: 12, marking: { kind: 'one', choiceId: 'adal' } });
 * photo.jpeg; // a 1280×960-ish JPEG of a tilted, unevenly lit ballot with a cross in Adal's box
 */
export async function generateBallotPhoto(
  election: ElectionDefinition,
  options: BallotPhotoOptions,
): Promise<BallotPhoto> {
  const rng = createRng(options.seed);
  const ids = election.choices.map((choice) => choice.id);
  const marked =
    options.marking.kind === 'one'
      ? [options.marking.choiceId]
      : options.marking.kind === 'two'
        ? options.marking.choiceIds
        : [];
  const indices = marked.map((id) => {
    const index = ids.indexOf(id);
    if (index < 0) throw new Error(`generateBallotPhoto: "${id}" is not a ballot choice of ${election.slug}`);
    return index;
  });
  const locale = options.locale ?? pick(rng, ['kk', 'ru', 'ru', 'en'] as const);
  const sheet = ballotSheetSvg(election, locale, indices, rng);
  const conditions = { ...randomPhotoConditions(rng), ...options.conditions };
  const photo = await photographSvg(sheet.svg, sheet.height / sheet.width, conditions, rng);
  return {
    jpeg: photo.jpeg,
    markedChoiceIds: ids.filter((id) => marked.includes(id)),
    conditions,
  };
}

/**
 * A seeded mix of markings as voters produce them: mostly one box, a few blank or spoiled.
 *
 * @example
 * randomMarking(election, createRng(1)); // { kind: 'one', choiceId: 'nur-otan' }
 */
export function randomMarking(
  election: ElectionDefinition,
  rng: ReturnType<typeof createRng>,
): BallotMarking {
  const ids = election.choices.map((choice) => choice.id);
  const roll = rng.next();
  if (roll < 0.05 || ids.length < 2) return { kind: 'none' };
  if (roll < 0.1) {
    const first = rng.nextInt(ids.length);
    const second = (first + 1 + rng.nextInt(ids.length - 1)) % ids.length;
    return { kind: 'two', choiceIds: [ids[first]!, ids[second]!] };
  }
  return { kind: 'one', choiceId: pick(rng, ids) };
}
