import type { FingerprintResult } from '../fingerprint';
import {
  axes,
  coordinate,
  percentTicks,
  svgDocument,
  type ChartLabels,
  type ChartOptions,
} from './svg-document';

/**
 * The election fingerprint (Klimek et al. 2012) as an accessible SVG: one square per non-empty
 * bin of turnout (x) × leader's share (y), darker for more voters on a square-root scale so the
 * faint smear towards the 100%/100% corner stays visible. Each square carries its voters in
 * `data-voters`.
 *
 * @example
 * const svg = fingerprintSvg(report.fingerprint, {
 *   title: 'Election fingerprint', description: 'Voters by turnout and leader share',
 *   xAxis: 'Turnout', yAxis: "Leader's share",
 * });
 */
export function fingerprintSvg(
  fp: FingerprintResult,
  labels: ChartLabels,
  options: ChartOptions & { size?: number } = {},
): string {
  const size = options.size ?? 400;
  const area = { left: 56, top: 16, width: size, height: size };
  const cell = size / fp.bins;
  const max = Math.max(...fp.weights, 1);
  const x = (fraction: number): number => area.left + fraction * size;
  const y = (fraction: number): number => area.top + size - fraction * size;
  const squares: string[] = [];
  for (let i = 0; i < fp.bins; i++) {
    for (let j = 0; j < fp.bins; j++) {
      const voters = fp.weights[i * fp.bins + j]!;
      if (voters <= 0) continue;
      const shade = Math.round(255 * (1 - Math.sqrt(voters / max)));
      squares.push(
        `<rect class="bin" x="${coordinate(x(i / fp.bins))}" y="${coordinate(y((j + 1) / fp.bins))}" width="${coordinate(cell)}" height="${coordinate(cell)}" fill="rgb(${shade},${shade},255)" data-voters="${voters}"/>`,
      );
    }
  }
  const ticks = percentTicks(20);
  return svgDocument(
    'fingerprint',
    area.left + size + 16,
    area.top + size + 44,
    labels,
    [
      `<rect x="${area.left}" y="${area.top}" width="${size}" height="${size}" fill="white"/>`,
      ...squares,
      ...axes(area, labels, ticks, ticks, x, y),
    ],
    options,
  );
}
