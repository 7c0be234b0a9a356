import type { IntegerPercentagesResult } from '../integer-percentages';
import {
  axes,
  coordinate,
  countTicks,
  svgDocument,
  type ChartLabels,
  type ChartOptions,
} from './svg-document';

/** Which histogram of the integer-percentage result to draw. */
export type IntegerSpikesVariable = 'turnout' | 'leaderShare';

/**
 * Stations per 0.1-point bin of turnout or of the leader's share, with a thin line at every whole
 * percentage (Kobak, Shpilkin & Pshenichnikov 2016, Figure 1): honest counts are smooth at this
 * resolution, while results written to round numbers stand out as spikes on the lines. Only the
 * range holding stations is drawn (whole tens); each bar carries `data-percent` and `data-stations`.
 *
 * @example
 * integerSpikesSvg(report.integerPercentages, 'turnout', labels);
 */
export function integerSpikesSvg(
  result: IntegerPercentagesResult,
  variable: IntegerSpikesVariable,
  labels: ChartLabels,
  options: ChartOptions & { width?: number; height?: number } = {},
): string {
  const width = options.width ?? 600;
  const height = options.height ?? 240;
  const area = { left: 56, top: 16, width, height };
  const counts = result.histograms[variable];
  const binWidth = result.histograms.binWidthPoints;
  const filled = counts.flatMap((count, k) => (count > 0 ? [k] : []));
  const from = filled.length ? Math.floor((filled[0]! * binWidth) / 10) * 10 : 0;
  const to = filled.length ? Math.min(100, Math.ceil((filled.at(-1)! * binWidth + 1e-9) / 10) * 10) : 100;
  const span = Math.max(to - from, 10);
  const max = Math.max(...counts, 1);
  const x = (percent: number): number => area.left + ((percent - from) / span) * width;
  const y = (stations: number): number => area.top + height - (stations / max) * height;
  const barWidth = (binWidth / span) * width;

  const wholeLines: string[] = [];
  for (let p = from; p <= from + span; p++) {
    wholeLines.push(
      `<line class="whole-percent" x1="${coordinate(x(p))}" y1="${area.top}" x2="${coordinate(x(p))}" y2="${area.top + height}" stroke="#e2b4b4" stroke-width="0.5" data-percent="${p}"/>`,
    );
  }
  const bars = filled.map((k) => {
    const percent = Math.round(k * binWidth * 10) / 10;
    const top = y(counts[k]!);
    return `<rect class="bar" x="${coordinate(x(percent - binWidth / 2))}" y="${coordinate(top)}" width="${coordinate(Math.max(barWidth, 0.5))}" height="${coordinate(area.top + height - top)}" fill="#2c3e50" data-percent="${percent}" data-stations="${counts[k]}"/>`;
  });
  const xTicks: [number, string][] = [];
  const tickStep = span > 50 ? 10 : 5;
  for (let p = from; p <= from + span; p += tickStep) xTicks.push([p, `${p}%`]);
  return svgDocument(
    `integer-spikes-${variable}`,
    area.left + width + 16,
    area.top + height + 44,
    labels,
    [...wholeLines, ...bars, ...axes(area, labels, xTicks, countTicks(max), x, y)],
    options,
  );
}
