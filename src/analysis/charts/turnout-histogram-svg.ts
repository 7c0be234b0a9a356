import type { FingerprintResult } from '../fingerprint';
import {
  axes,
  coordinate,
  countTicks,
  escapeXml,
  percentTicks,
  svgDocument,
  type ChartLabels,
  type ChartOptions,
} from './svg-document';

/** A vertical line marking one turnout, e.g. Shpilkin's clean peak. */
export interface TurnoutMarker {
  /** Turnout as a fraction (0–1). */
  turnout: number;
  label: string;
}

/**
 * Registered voters per turnout bin (the fingerprint's bins summed over the leader's share).
 * A fair election gives one bell; ballot stuffing adds a right tail and spikes near 100%.
 *
 * @example
 * voterWeightedTurnout(report.fingerprint); // 100 numbers: voters at turnout 0–1%, 1–2%, …
 */
export function voterWeightedTurnout(fp: FingerprintResult): number[] {
  const voters = new Array<number>(fp.bins).fill(0);
  for (let i = 0; i < fp.bins; i++)
    for (let j = 0; j < fp.bins; j++) voters[i]! += fp.weights[i * fp.bins + j]!;
  return voters;
}

/**
 * The voter-weighted turnout histogram as an accessible SVG: one bar per turnout bin, its height
 * the registered voters of the stations with that turnout (`data-voters` on each bar), with an
 * optional marker line (e.g. the clean turnout of the anomalous-votes method).
 *
 * @example
 * turnoutHistogramSvg(report.fingerprint, labels, {
 *   marker: { turnout: report.anomalousVotes.cleanTurnout, label: 'clean peak' },
 * });
 */
export function turnoutHistogramSvg(
  fp: FingerprintResult,
  labels: ChartLabels,
  options: ChartOptions & { width?: number; height?: number; marker?: TurnoutMarker } = {},
): string {
  const width = options.width ?? 480;
  const height = options.height ?? 240;
  const area = { left: 56, top: 16, width, height };
  const voters = voterWeightedTurnout(fp);
  const max = Math.max(...voters, 1);
  const x = (fraction: number): number => area.left + fraction * width;
  const y = (count: number): number => area.top + height - (count / max) * height;
  const barWidth = width / fp.bins;
  const bars = voters.map((count, i) => {
    const top = y(count);
    return `<rect class="bar" x="${coordinate(x(i / fp.bins))}" y="${coordinate(top)}" width="${coordinate(barWidth)}" height="${coordinate(area.top + height - top)}" fill="#4a6fd1" data-turnout-from="${i / fp.bins}" data-voters="${count}"/>`;
  });
  const marker = options.marker;
  const markerLines = marker
    ? [
        `<line class="marker" x1="${coordinate(x(marker.turnout))}" y1="${area.top}" x2="${coordinate(x(marker.turnout))}" y2="${area.top + height}" stroke="#c0392b" stroke-dasharray="4 3" data-turnout="${marker.turnout}"/>`,
        `<text class="marker-label" x="${coordinate(x(marker.turnout) + 4)}" y="${area.top + 12}" font-size="11" fill="#c0392b">${escapeXml(marker.label)}</text>`,
      ]
    : [];
  return svgDocument(
    'turnout-histogram',
    area.left + width + 16,
    area.top + height + 44,
    labels,
    [...bars, ...markerLines, ...axes(area, labels, percentTicks(20), countTicks(max), x, y)],
    options,
  );
}
