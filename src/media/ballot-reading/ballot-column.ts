/**
 * Picks the ballot's column of voting boxes out of every box-like outline on the sheet: the
 * largest set of boxes of one size stacked above each other. Read top to bottom, they are the
 * choices in ballot order.
 */
import type { DetectedBox } from './find-boxes';

export interface BallotColumn {
  /** Top to bottom. */
  boxes: DetectedBox[];
  /** Spread of the gaps between boxes relative to their mean (0 = evenly spaced, like a printed table). */
  spacingVariation: number;
  /** Spread of the box sides relative to their mean. */
  sizeVariation: number;
}

/** Boxes in one column are centred within this share of their side of each other. */
const ALIGNMENT_TOLERANCE = 0.35;
/** …and differ in side by at most this share. */
const SIZE_TOLERANCE = 0.25;

/**
 * The largest aligned column of same-size boxes (the evenly spaced one among equals).
 *
 * @example
 * const column = ballotColumn(findBoxes(ink)); // column.boxes.length === 5 on the 2021 Mazhilis ballot
 */
export function ballotColumn(boxes: readonly DetectedBox[]): BallotColumn {
  let best: BallotColumn = { boxes: [], spacingVariation: 1, sizeVariation: 1 };
  for (const seed of boxes) {
    const side = seed.right - seed.left;
    const centre = (seed.left + seed.right) / 2;
    const members = boxes
      .filter(
        (box) =>
          Math.abs((box.left + box.right) / 2 - centre) <= ALIGNMENT_TOLERANCE * side &&
          Math.abs(box.right - box.left - side) <= SIZE_TOLERANCE * side,
      )
      .sort((a, b) => a.top - b.top);
    const candidate = { boxes: members, spacingVariation: spacingVariation(members), sizeVariation: sizeVariation(members) };
    if (
      members.length > best.boxes.length ||
      (members.length === best.boxes.length && candidate.spacingVariation < best.spacingVariation)
    ) {
      best = candidate;
    }
  }
  return best;
}

function spacingVariation(boxes: readonly DetectedBox[]): number {
  if (boxes.length < 3) return 0;
  const gaps = boxes.slice(1).map((box, i) => box.top - boxes[i]!.top);
  return coefficientOfVariation(gaps);
}

function sizeVariation(boxes: readonly DetectedBox[]): number {
  if (boxes.length < 2) return 0;
  return coefficientOfVariation(boxes.map((box) => box.right - box.left));
}

function coefficientOfVariation(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean <= 0) return 1;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}
