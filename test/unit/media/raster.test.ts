import { describe, expect, it } from 'vitest';
import { binarizeBelow } from '../../../src/media/raster/binarize';
import { otsuThreshold } from '../../../src/media/raster/otsu';

describe('grey-level thresholds shared by the ballot and protocol readers', () => {
  it("splits two tones at Otsu's threshold, the darker class up to and including it", () => {
    expect(otsuThreshold(Uint8Array.of(10, 12, 200, 210))).toBe(12);
    expect(otsuThreshold(Uint8Array.of(0, 0, 0, 255))).toBe(0);
  });

  it('has no threshold for an image of one grey or no pixels: the caller chooses', () => {
    expect(otsuThreshold(Uint8Array.of(90, 90, 90))).toBeNull();
    expect(otsuThreshold(new Uint8Array(0))).toBeNull();
  });

  it('marks ink (1) at or below the threshold and paper (0) above it', () => {
    const image = { width: 2, height: 2, data: Uint8Array.of(10, 120, 121, 250) };
    expect(binarizeBelow(image, 120)).toEqual({ width: 2, height: 2, data: Uint8Array.of(1, 1, 0, 0) });
  });
});
