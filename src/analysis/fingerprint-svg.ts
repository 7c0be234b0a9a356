import type { FingerprintResult } from './fingerprint';

/**
 * The fingerprint as a self-contained SVG (no scripts, no external resources): one square per
 * non-empty bin, darker for more voters on a square-root scale so the faint smear stays visible.
 *
 * @example
 * const svg = fingerprintSvg(report.fingerprint, { title: 'Russia 2011' });
 */
export function fingerprintSvg(
  fp: FingerprintResult,
  { size = 400, title = 'Election fingerprint' } = {},
): string {
  const margin = 40;
  const cell = size / fp.bins;
  const max = Math.max(...fp.weights, 1);
  const rects: string[] = [];
  for (let i = 0; i < fp.bins; i++) {
    for (let j = 0; j < fp.bins; j++) {
      const w = fp.weights[i * fp.bins + j]!;
      if (w <= 0) continue;
      const intensity = Math.sqrt(w / max);
      const shade = Math.round(255 * (1 - intensity));
      const x = margin + i * cell;
      const y = margin + size - (j + 1) * cell;
      rects.push(
        `<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}" fill="rgb(${shade},${shade},255)"/>`,
      );
    }
  }
  const escape = (text: string): string => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size + 2 * margin}" height="${size + 2 * margin}" viewBox="0 0 ${size + 2 * margin} ${size + 2 * margin}" role="img">`,
    `<title>${escape(title)}</title>`,
    `<rect x="${margin}" y="${margin}" width="${size}" height="${size}" fill="white" stroke="black"/>`,
    ...rects,
    `<text x="${margin + size / 2}" y="${size + margin + 28}" text-anchor="middle" font-size="12">turnout →</text>`,
    `<text x="12" y="${margin + size / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 12 ${margin + size / 2})">leader's share →</text>`,
    `</svg>`,
  ].join('\n');
}
