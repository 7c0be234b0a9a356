/**
 * Reads a ballot photo: is it a ballot of this election at all, and which box is marked? Classical
 * image processing, no trained model: find the sheet, flatten it, find the column of voting boxes
 * (one per choice, in ballot order), measure the ink in each. The result feeds the spam score
 * (`src/domain/spam`), where a mismatch with the voter's stated choice is one signal among others.
 */
import type { ElectionDefinition } from '../domain/election/election-definition';
import { ballotColumn } from './ballot-reading/ballot-column';
import { inkShare } from './ballot-reading/box-ink';
import { decodeForReading } from './ballot-reading/decode';
import { findBoxes } from './ballot-reading/find-boxes';
import { findSheet } from './ballot-reading/find-sheet';
import { rectifySheet } from './ballot-reading/rectify';
import type { Quad } from './geometry/point';
import { frameCorners } from './geometry/quad';
import { binarizeAdaptive } from './raster/binarize';
import { toGrey, type ColourImage } from './raster/image';

export interface BallotCheckResult {
  /** The photo shows a sheet with exactly one box per choice of this election. */
  isBallot: boolean;
  /** 0–1: how sure the reader is of `isBallot` and, for a ballot, of the marks it read. */
  confidence: number;
  /** The one marked choice; null when none or several boxes are marked, or not a ballot. */
  markedChoiceId: string | null;
  /** Marked boxes (0 = blank, 2+ = spoiled). */
  marks: number;
  /** What the verdict rests on, for the moderator and the spam score (invariant 4). */
  signals: string[];
  /** Ink share per box in ballot order (empty when not a ballot): the figures behind `marks`. */
  inkByChoice: number[];
}

/**
 * A box this inked (share of its interior clearly darker than its paper) is marked. On the
 * generated photos empty boxes read at most ~3% (noise, JPEG blocks), marked ones from ~9%.
 */
export const MARKED_INK_SHARE = 0.05;
/**
 * A printed table spaces its boxes evenly (measured spread ~1%); a column with gaps (boxes of a
 * longer ballot missed) or shapes that happen to line up spreads far more.
 */
const MAX_SPACING_VARIATION = 0.2;

/**
 * Checks a photo against an election's ballot.
 *
 * @example
 * const result = await checkBallotPhoto(jpeg, election);
 * // { isBallot: true, confidence: 0.93, markedChoiceId: 'adal', marks: 1,
 * //   signals: ['sheet-found', 'boxes:5/5', 'marked:adal'], inkByChoice: [0, 0.01, 0.22, 0, 0] }
 */
export async function checkBallotPhoto(
  image: Buffer,
  election: Pick<ElectionDefinition, 'choices'>,
): Promise<BallotCheckResult> {
  let colour: ColourImage;
  try {
    colour = await decodeForReading(image);
  } catch {
    return notABallot(0.99, ['unreadable-image']);
  }
  const grey = toGrey(colour);
  const expected = election.choices.length;
  const sheet = findSheet(colour);
  const attempts: Array<{ corners: Quad; aspect: number; signal: string }> = [];
  if (sheet && sheet.solidity > 0.75 && sheet.aspect > 0.9 && sheet.aspect < 2.2) {
    attempts.push({ corners: sheet.corners, aspect: sheet.aspect, signal: 'sheet-found' });
  }
  // A scan or a tight crop has no table around the sheet: read the whole frame as the sheet.
  attempts.push({
    corners: frameCorners(grey.width, grey.height),
    aspect: grey.height / grey.width,
    signal: sheet ? 'sheet-edges-unclear' : 'sheet-not-found',
  });

  let bestCount = 0;
  for (const attempt of attempts) {
    const flat = rectifySheet(grey, attempt.corners, attempt.aspect);
    const ink = binarizeAdaptive(flat);
    const column = ballotColumn(findBoxes(ink));
    bestCount = Math.max(bestCount, column.boxes.length);
    if (column.boxes.length !== expected || column.spacingVariation > MAX_SPACING_VARIATION) continue;
    const inkByChoice = column.boxes.map((box) => inkShare(flat, box));
    const marked = inkByChoice.flatMap((share, index) => (share >= MARKED_INK_SHARE ? [index] : []));
    const markedChoiceId = marked.length === 1 ? election.choices[marked[0]!]!.id : null;
    const signals = [attempt.signal, `boxes:${expected}/${expected}`];
    signals.push(marked.length === 0 ? 'no-mark' : marked.length === 1 ? `marked:${markedChoiceId}` : `several-marks:${marked.length}`);
    const layoutConfidence = Math.max(0, 1 - column.spacingVariation - column.sizeVariation * 2);
    return {
      isBallot: true,
      confidence: round(layoutConfidence * markConfidence(inkByChoice)),
      markedChoiceId,
      marks: marked.length,
      signals,
      inkByChoice: inkByChoice.map(round),
    };
  }
  return notABallot(bestCount === 0 ? 0.95 : 0.8, [attempts[0]!.signal, `boxes:${bestCount}/${expected}`]);
}

/** Far from the threshold on every box = sure; one box near it = a coin toss. */
function markConfidence(inkByChoice: readonly number[]): number {
  let closest = 1;
  for (const share of inkByChoice) {
    const distance = Math.abs(Math.log((share + 0.005) / (MARKED_INK_SHARE + 0.005)));
    closest = Math.min(closest, distance / Math.log(4));
  }
  return 0.5 + 0.5 * Math.min(1, closest);
}

function notABallot(confidence: number, signals: string[]): BallotCheckResult {
  return { isBallot: false, confidence, markedChoiceId: null, marks: 0, signals, inkByChoice: [] };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
