/**
 * Building blocks shared by the analysis charts: escaping, the accessible <svg> wrapper, number
 * formatting for attributes and simple linear axes. Charts are plain strings, with no scripts and
 * no external resources, so they can be inlined in a page, a printable report or a PDF as they are.
 */

/** Texts of a chart, already translated by the caller (the analysis itself knows no catalogs). */
export interface ChartLabels {
  /** Short title, read first by screen readers (`<title>`). */
  title: string;
  /** One or two sentences saying what the chart shows (`<desc>`). */
  description: string;
  xAxis: string;
  yAxis: string;
}

/** Options every chart takes. */
export interface ChartOptions {
  /** Prefix of the ids of `<title>` and `<desc>`; give distinct ones when a page holds several charts. */
  idPrefix?: string;
}

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A coordinate for an attribute: at most two decimals, no trailing zeros. */
export function coordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The plot area inside the chart, in SVG units. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The accessible <svg> element around a chart's body: `role="img"`, labelled by its `<title>` and
 * described by its `<desc>`.
 */
export function svgDocument(
  kind: string,
  width: number,
  height: number,
  labels: ChartLabels,
  body: readonly string[],
  { idPrefix = kind }: ChartOptions = {},
): string {
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" font-family="sans-serif">`,
    `<title id="${titleId}">${escapeXml(labels.title)}</title>`,
    `<desc id="${descId}">${escapeXml(labels.description)}</desc>`,
    ...body,
    `</svg>`,
  ].join('\n');
}

/**
 * The frame of a plot: its border, ticks with their values along both axes and the axis labels.
 * `xTicks` and `yTicks` are [position in data units, label] pairs; `x` and `y` map data to SVG.
 */
export function axes(
  area: PlotArea,
  labels: ChartLabels,
  xTicks: readonly (readonly [number, string])[],
  yTicks: readonly (readonly [number, string])[],
  x: (value: number) => number,
  y: (value: number) => number,
  /** How far below the plot the x-axis title goes: further when tick labels are rotated. */
  xAxisTitleOffset = 34,
): string[] {
  const bottom = area.top + area.height;
  const parts = [
    `<rect class="frame" x="${area.left}" y="${area.top}" width="${area.width}" height="${area.height}" fill="none" stroke="#333"/>`,
  ];
  for (const [value, text] of xTicks) {
    const px = coordinate(x(value));
    parts.push(
      `<line class="tick" x1="${px}" y1="${bottom}" x2="${px}" y2="${bottom + 4}" stroke="#333"/>`,
      `<text class="tick-label" x="${px}" y="${bottom + 16}" text-anchor="middle" font-size="11">${escapeXml(text)}</text>`,
    );
  }
  for (const [value, text] of yTicks) {
    const py = coordinate(y(value));
    parts.push(
      `<line class="tick" x1="${area.left - 4}" y1="${py}" x2="${area.left}" y2="${py}" stroke="#333"/>`,
      `<text class="tick-label" x="${area.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle" font-size="11">${escapeXml(text)}</text>`,
    );
  }
  const middleY = area.top + area.height / 2;
  parts.push(
    `<text class="axis-label" x="${coordinate(area.left + area.width / 2)}" y="${bottom + xAxisTitleOffset}" text-anchor="middle" font-size="12">${escapeXml(labels.xAxis)}</text>`,
    `<text class="axis-label" x="14" y="${coordinate(middleY)}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${coordinate(middleY)})">${escapeXml(labels.yAxis)}</text>`,
  );
  return parts;
}

/** Percent ticks 0, step, …, 100 for an axis in fractions (0–1) or percent points (scale 100). */
export function percentTicks(step: number, scale = 1): [number, string][] {
  const ticks: [number, string][] = [];
  for (let p = 0; p <= 100 + 1e-9; p += step) ticks.push([(p / 100) * scale, `${Math.round(p)}%`]);
  return ticks;
}

/** About `count` round tick values from 0 to `max` (1, 2 or 5 times a power of ten apart). */
export function countTicks(max: number, count = 4): [number, string][] {
  if (!(max > 0)) return [[0, '0']];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: [number, string][] = [];
  for (let v = 0; v <= max + 1e-9; v += step) ticks.push([v, compactCount(v)]);
  return ticks;
}

/** 1200 → "1.2k", 3000000 → "3M": short tick labels that read the same in kk, ru and en. */
export function compactCount(value: number): string {
  const trim = (v: number): string => String(Math.round(v * 10) / 10);
  if (value >= 1e6) return `${trim(value / 1e6)}M`;
  if (value >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}
