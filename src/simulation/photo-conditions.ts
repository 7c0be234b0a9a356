/**
 * How a phone photo of a flat sheet goes wrong: the angle, the framing, the light, the focus and
 * the compression. Drawn from a seed, or pinned by a test that wants one hard case.
 */
import { chance, pick, uniform, type SeededRandom } from './seeded';

export interface PhotoConditions {
  /** Longer side of the photo in pixels (messengers recompress to 1280; some send originals). */
  longSide: number;
  landscape: boolean;
  /** The sheet's height as a share of the photo's height. */
  sheetFill: number;
  /** In-plane rotation of the sheet, degrees. */
  rotationDegrees: number;
  /** 0 = camera square above the sheet; 1 = a strong tilt (corners moved ~8% of the sheet). */
  perspective: number;
  /** Overall exposure: 1 = well lit, 0.45 = a dim polling booth. */
  brightness: number;
  /** Fall-off of light across the frame (0 = even, 0.5 = one side half as bright). */
  lightingGradient: number;
  /** A soft shadow (a hand or the phone) across part of the sheet. */
  shadow: boolean;
  /** Gaussian blur sigma in photo pixels (focus and shake). */
  blurSigma: number;
  /** Sensor noise, standard deviation in 8-bit levels. */
  noiseSigma: number;
  jpegQuality: number;
  /** Background under the sheet: an RGB base colour. */
  background: readonly [number, number, number];
}

/** Table tops, cloth and floors: darker or more colourful than paper, as under a real ballot. */
const BACKGROUNDS: ReadonlyArray<readonly [number, number, number]> = [
  [122, 84, 52], // oak
  [92, 60, 38], // walnut
  [160, 120, 80], // pine
  [60, 62, 68], // grey laminate
  [35, 38, 42], // black desk
  [40, 70, 120], // blue cloth
  [50, 95, 60], // green baize
  [130, 40, 40], // red cloth
];

/**
 * Random conditions within what a voter's phone produces.
 *
 * @example
 * const conditions = randomPhotoConditions(createRng(5));
 * conditions.rotationDegrees; // between -8 and 8
 */
export function randomPhotoConditions(rng: SeededRandom): PhotoConditions {
  return {
    longSide: Math.round(pick(rng, [900, 1040, 1280, 1280, 1600, 2000]) * uniform(rng, 0.92, 1.05)),
    landscape: chance(rng, 0.15),
    sheetFill: uniform(rng, 0.62, 0.9),
    rotationDegrees: uniform(rng, -8, 8),
    perspective: uniform(rng, 0, 1),
    brightness: chance(rng, 0.2) ? uniform(rng, 0.45, 0.7) : uniform(rng, 0.75, 1.08),
    lightingGradient: uniform(rng, 0, 0.45),
    shadow: chance(rng, 0.25),
    blurSigma: chance(rng, 0.3) ? uniform(rng, 1, 1.8) : uniform(rng, 0, 1),
    noiseSigma: uniform(rng, 1, 9),
    jpegQuality: Math.round(uniform(rng, 45, 93)),
    background: pick(rng, BACKGROUNDS),
  };
}
