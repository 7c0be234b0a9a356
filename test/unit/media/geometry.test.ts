import { describe, expect, it } from 'vitest';
import { applyHomography, homographyFromQuads } from '../../../src/media/geometry/homography';
import type { Quad } from '../../../src/media/geometry/point';
import { cornerPixels, extremeCorners, frameCorners, polygonArea, quadSides } from '../../../src/media/geometry/quad';

describe('homographies and quadrilaterals shared by the ballot and protocol readers', () => {
  it('maps each corner of a rectangle onto the corner of a quadrilateral', () => {
    const quad: Quad = [
      { x: 12, y: 30 },
      { x: 410, y: 8 },
      { x: 430, y: 260 },
      { x: 3, y: 240 },
    ];
    const h = homographyFromQuads(cornerPixels(200, 100), quad);
    cornerPixels(200, 100).forEach((corner, i) => {
      const mapped = applyHomography(h, corner);
      expect(mapped.x).toBeCloseTo(quad[i]!.x, 6);
      expect(mapped.y).toBeCloseTo(quad[i]!.y, 6);
    });
    expect(() => homographyFromQuads(cornerPixels(200, 100), [quad[0], quad[0], quad[0], quad[0]])).toThrow(/collinear/);
  });

  it('names the corner pixels and the outer frame of an image', () => {
    expect(cornerPixels(200, 100)).toEqual([
      { x: 0, y: 0 },
      { x: 199, y: 0 },
      { x: 199, y: 99 },
      { x: 0, y: 99 },
    ]);
    expect(frameCorners(200, 100)[2]).toEqual({ x: 200, y: 100 });
  });

  it('measures a quadrilateral: mean side lengths and area', () => {
    const point = (x: number, y: number) => ({ x, y });
    const quad: Quad = [point(0, 0), point(4, 0), point(6, 3), point(0, 3)];
    expect(quadSides(quad)).toEqual({ width: 5, height: (3 + Math.hypot(2, 3)) / 2 });
    expect(polygonArea(quad)).toBe(15);
  });

  it("takes a blob's corners as its extreme pixels along the diagonals, the first on a tie", () => {
    // A diamond in a 5-pixel-wide image: centre (2, 2) and its four neighbours at distance 2.
    const width = 5;
    const at = (x: number, y: number) => y * width + x;
    const diamond = [at(2, 0), at(0, 2), at(2, 2), at(4, 2), at(2, 4)];
    expect(extremeCorners(diamond, width)).toEqual([
      { x: 2, y: 0 },
      { x: 2, y: 0 },
      { x: 4, y: 2 },
      { x: 0, y: 2 },
    ]);
  });
});
