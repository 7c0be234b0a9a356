import type { GroupRates, ObserverEffectResult } from '../observer-effect';
import type { Interval } from '../types';
import {
  axes,
  coordinate,
  escapeXml,
  svgDocument,
  type ChartLabels,
  type ChartOptions,
} from './svg-document';

/** The observer-effect chart's texts: the axes' and also the groups' and the bars' names. */
export interface ObserverEffectLabels extends ChartLabels {
  observed: string;
  unobserved: string;
  turnout: string;
  /** Display names of choices by id; the id is shown when absent. */
  choiceNames?: Record<string, string>;
}

const GROUP_COLOURS = { observed: '#2e86de', unobserved: '#e67e22' } as const;

/** A generous width of one character at 11 px (Cyrillic capitals are the widest we print). */
const CHAR_WIDTH = 7;
/** The longest label printed when labels are slanted; the full name stays in its `<title>`. */
const SLANTED_CHARS = 22;
const SLANT_DEGREES = 35;

/**
 * How the measures' names sit under their bars: level and centred when every one fits its
 * group's width, else all slanted (and cut to {@link SLANTED_CHARS}) so none overlaps the next.
 */
export function measureLabelLayout(
  names: readonly string[],
  groupWidth: number,
): { slanted: boolean; texts: string[]; depth: number; reach: number } {
  const fits = names.every((name) => name.length * CHAR_WIDTH <= groupWidth - 6);
  if (fits) return { slanted: false, texts: [...names], depth: 16, reach: 0 };
  const texts = names.map((name) =>
    name.length > SLANTED_CHARS ? `${name.slice(0, SLANTED_CHARS - 1).trimEnd()}…` : name,
  );
  const longest = Math.max(...texts.map((text) => text.length)) * CHAR_WIDTH;
  const angle = (SLANT_DEGREES * Math.PI) / 180;
  return {
    slanted: true,
    texts,
    depth: 12 + Math.ceil(longest * Math.sin(angle)),
    // How far left of its anchor a slanted label reaches.
    reach: Math.ceil(longest * Math.cos(angle)),
  };
}

/**
 * Turnout and every choice's share at stations with and without an independent observer, side by
 * side, each bar with its 95% stratified-bootstrap interval as an error bar (Enikolopov et al.
 * 2013). Each bar carries `data-group`, `data-measure`, `data-value`, `data-low` and `data-high`.
 *
 * @example
 * observerEffectSvg(report.observerEffect, { ...labels, observed: 'With observer', unobserved: 'Without', turnout: 'Turnout' });
 */
export function observerEffectSvg(
  result: ObserverEffectResult,
  labels: ObserverEffectLabels,
  options: ChartOptions & { choices?: readonly string[]; height?: number } = {},
): string {
  const choices = options.choices ?? Object.keys(result.shares);
  const measures: { id: string; name: string; rates: GroupRates }[] = [
    { id: 'turnout', name: labels.turnout, rates: result.turnout },
    ...choices
      .filter((c) => result.shares[c] !== undefined)
      .map((c) => ({ id: c, name: labels.choiceNames?.[c] ?? c, rates: result.shares[c]! })),
  ];
  const groupWidth = 72;
  const height = options.height ?? 240;
  const layout = measureLabelLayout(
    measures.map((m) => m.name),
    groupWidth,
  );
  // A slanted first label runs left of its bar: the plot moves right so it stays inside the picture.
  const area = {
    left: Math.max(56, layout.reach - groupWidth / 2 + 4),
    top: 28,
    width: groupWidth * measures.length,
    height,
  };
  const highest = Math.max(
    0.1,
    ...measures.flatMap(({ rates }) => [rates.observedInterval.high, rates.unobservedInterval.high]),
  );
  const top = Math.min(1, Math.ceil((highest * 1.05) / 0.1) * 0.1);
  const x = (slot: number): number => area.left + slot * groupWidth;
  const y = (fraction: number): number => area.top + height - (Math.max(0, fraction) / top) * height;
  const yTicks: [number, string][] = [];
  for (let p = 0; p <= Math.round(top * 100) + 1e-9; p += top > 0.5 ? 20 : 10)
    yTicks.push([p / 100, `${p}%`]);

  const body: string[] = [];
  measures.forEach(({ id, name, rates }, slot) => {
    const bars: [keyof typeof GROUP_COLOURS, number, Interval][] = [
      ['observed', rates.observed, rates.observedInterval],
      ['unobserved', rates.unobserved, rates.unobservedInterval],
    ];
    bars.forEach(([group, value, interval], g) => {
      const left = x(slot) + 10 + g * 26;
      const centre = coordinate(left + 12);
      body.push(
        `<rect class="bar" x="${coordinate(left)}" y="${coordinate(y(value))}" width="24" height="${coordinate(area.top + height - y(value))}" fill="${GROUP_COLOURS[group]}" data-group="${group}" data-measure="${escapeXml(id)}" data-value="${value}" data-low="${interval.low}" data-high="${interval.high}"/>`,
        `<line class="error-bar" x1="${centre}" y1="${coordinate(y(interval.low))}" x2="${centre}" y2="${coordinate(y(interval.high))}" stroke="#222"/>`,
        `<line class="error-cap" x1="${coordinate(left + 8)}" y1="${coordinate(y(interval.high))}" x2="${coordinate(left + 16)}" y2="${coordinate(y(interval.high))}" stroke="#222"/>`,
        `<line class="error-cap" x1="${coordinate(left + 8)}" y1="${coordinate(y(interval.low))}" x2="${coordinate(left + 16)}" y2="${coordinate(y(interval.low))}" stroke="#222"/>`,
      );
    });
    const labelX = coordinate(x(slot) + groupWidth / 2);
    const labelY = area.top + height + 16;
    const text = escapeXml(layout.texts[slot]!);
    body.push(
      layout.slanted
        ? `<text class="measure-label" x="${labelX}" y="${labelY}" text-anchor="end" font-size="11" transform="rotate(-${SLANT_DEGREES} ${labelX} ${labelY})"><title>${escapeXml(name)}</title>${text}</text>`
        : `<text class="measure-label" x="${labelX}" y="${labelY}" text-anchor="middle" font-size="11">${text}</text>`,
    );
  });
  const titleOffset = layout.depth + 18;
  const legend = (['observed', 'unobserved'] as const).flatMap((group, g) => [
    `<rect class="legend-swatch" x="${area.left + g * 160}" y="6" width="12" height="12" fill="${GROUP_COLOURS[group]}"/>`,
    `<text class="legend-label" x="${area.left + g * 160 + 16}" y="16" font-size="11">${escapeXml(labels[group])}</text>`,
  ]);
  return svgDocument(
    'observer-effect',
    Math.max(area.left + area.width + 16, area.left + 340),
    area.top + height + titleOffset + 10,
    labels,
    [...legend, ...body, ...axes(area, labels, [], yTicks, x, y, titleOffset)],
    options,
  );
}
