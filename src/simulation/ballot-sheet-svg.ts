/**
 * The flat ballot sheet of any election as SVG: a header with the election's title, the
 * commission's stamp and signature, then a table with one row per choice in ballot order —
 * number, name, and a box on the right for the voter's mark. The layout varies with the seed
 * (margins, type sizes, box size) so the reader cannot learn one fixed template.
 */
import type { ElectionDefinition, Locale } from '../domain/election/election-definition';
import { handMarkSvg, type Box } from './hand-mark';
import { escapeXml, uniform, type SeededRandom } from './seeded';

export interface BallotSheet {
  svg: string;
  width: number;
  height: number;
  /** The voting boxes in ballot order, in sheet pixels. */
  boxes: Box[];
}

const HEADINGS: Record<Locale, { title: string; instruction: string }> = {
  kk: {
    title: 'САЙЛАУ БЮЛЛЕТЕНІ',
    instruction: 'Өзіңіз дауыс беретін партия атауының оң жағындағы бос шаршыға кез келген белгі қойыңыз.',
  },
  ru: {
    title: 'ИЗБИРАТЕЛЬНЫЙ БЮЛЛЕТЕНЬ',
    instruction:
      'Поставьте любой знак в пустом квадрате справа от наименования партии, за которую вы голосуете.',
  },
  en: {
    title: 'BALLOT PAPER',
    instruction: 'Put any mark in the empty box to the right of the name of the party you vote for.',
  },
};

/** DejaVu Sans (bold, capitals included) averages under two thirds of an em per character: wrap by that. */
const AVERAGE_CHAR_WIDTH_EM = 0.7;

/**
 * Lays out the sheet and draws a hand mark in each box listed in `markedIndices`.
 *
 * @example
 * const sheet = ballotSheetSvg(election, 'ru', [1], createRng(3)); // a vote for the second choice
 */
export function ballotSheetSvg(
  election: ElectionDefinition,
  locale: Locale,
  markedIndices: readonly number[],
  rng: SeededRandom,
  width = 1000,
): BallotSheet {
  const height = Math.round(width * uniform(rng, 1.36, 1.45));
  const u = width / 1000; // layout unit: a thousandth of the sheet width
  const margin = uniform(rng, 50, 80) * u;
  const parts: string[] = [];
  const text = (x: number, y: number, size: number, content: string, attrs = ''): void => {
    parts.push(
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size.toFixed(1)}" ${attrs}>${escapeXml(content)}</text>`,
    );
  };

  parts.push(commissionStamp(rng, width - margin - 110 * u, margin + 70 * u, u));
  let y = margin + uniform(rng, 150, 190) * u;
  const headingSize = uniform(rng, 30, 38) * u;
  text(width / 2, y, headingSize, HEADINGS[locale].title, 'font-weight="bold" text-anchor="middle"');
  y += headingSize * 1.2;
  const titleSize = uniform(rng, 19, 24) * u;
  for (const line of wrap(election.names[locale], width - 2 * margin, titleSize)) {
    text(width / 2, y, titleSize, line, 'text-anchor="middle"');
    y += titleSize * 1.25;
  }
  text(width / 2, y, titleSize * 0.9, election.date, 'text-anchor="middle"');
  y += titleSize * 1.4;
  const instructionSize = uniform(rng, 14, 17) * u;
  for (const line of wrap(HEADINGS[locale].instruction, width - 2 * margin, instructionSize)) {
    text(margin, y, instructionSize, line, 'font-style="italic"');
    y += instructionSize * 1.3;
  }

  const tableTop = y + 20 * u;
  const tableBottomLimit = height - margin - 40 * u;
  const rowHeight = Math.min(
    uniform(rng, 120, 170) * u,
    (tableBottomLimit - tableTop) / election.choices.length,
  );
  const tableBottom = tableTop + rowHeight * election.choices.length;
  const numberColumn = margin + uniform(rng, 55, 75) * u;
  const boxColumn = width - margin - uniform(rng, 140, 180) * u;
  const lineWidth = uniform(rng, 1.5, 3) * u;
  const boxStroke = uniform(rng, 3.5, 6) * u;
  const boxSide = Math.min(uniform(rng, 62, 82) * u, rowHeight * 0.62);
  const grid = [
    `M${margin} ${tableTop} H${width - margin} V${tableBottom} H${margin} Z`,
    `M${numberColumn} ${tableTop} V${tableBottom}`,
    `M${boxColumn} ${tableTop} V${tableBottom}`,
  ];
  const boxes: Box[] = [];
  election.choices.forEach((choice, index) => {
    const rowTop = tableTop + rowHeight * index;
    if (index > 0) grid.push(`M${margin} ${rowTop} H${width - margin}`);
    const nameSize = Math.min(uniform(rng, 19, 23) * u, rowHeight / 4.2);
    text(
      (margin + numberColumn) / 2,
      rowTop + rowHeight / 2 + nameSize / 3,
      nameSize * 1.2,
      String(index + 1),
      'text-anchor="middle" font-weight="bold"',
    );
    const lines = wrap(choice.names[locale], boxColumn - numberColumn - 30 * u, nameSize).slice(0, 3);
    const nameTop = rowTop + rowHeight / 2 - ((lines.length - 1) * nameSize * 1.25) / 2 + nameSize / 3;
    lines.forEach((line, i) =>
      text(
        numberColumn + 15 * u,
        nameTop + i * nameSize * 1.25,
        nameSize,
        line,
        i === 0 ? 'font-weight="bold"' : '',
      ),
    );
    const box = {
      x: (boxColumn + width - margin) / 2 - boxSide / 2,
      y: rowTop + (rowHeight - boxSide) / 2,
      side: boxSide,
    };
    boxes.push(box);
    parts.push(
      `<rect x="${box.x.toFixed(1)}" y="${box.y.toFixed(1)}" width="${boxSide.toFixed(1)}" height="${boxSide.toFixed(1)}" fill="none" stroke="#111" stroke-width="${boxStroke.toFixed(1)}"/>`,
    );
  });
  parts.push(
    `<path d="${grid.join(' ')}" fill="none" stroke="#222" stroke-width="${lineWidth.toFixed(1)}"/>`,
  );
  for (const index of markedIndices) {
    const box = boxes[index];
    if (box) parts.push(handMarkSvg(rng, box, u));
  }

  const paper = `rgb(${Math.round(uniform(rng, 238, 252))},${Math.round(uniform(rng, 236, 250))},${Math.round(uniform(rng, 228, 246))})`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="${paper}"/><g font-family="DejaVu Sans" fill="#151515">${parts.join('')}</g></svg>`;
  return { svg, width, height, boxes };
}

/** The round commission stamp and a member's signature across it, as on a valid ballot. */
function commissionStamp(rng: SeededRandom, cx: number, cy: number, u: number): string {
  const r = uniform(rng, 48, 60) * u;
  const color = `rgb(${Math.round(uniform(rng, 60, 110))},${Math.round(uniform(rng, 50, 90))},${Math.round(uniform(rng, 150, 200))})`;
  const signature: string[] = [`M${(cx - r * 1.3).toFixed(1)} ${(cy + r * 0.4).toFixed(1)}`];
  for (let i = 1; i <= 6; i++) {
    signature.push(
      `Q${(cx - r * 1.3 + i * r * 0.4 - r * 0.2).toFixed(1)} ${(cy + uniform(rng, -0.8, 0.8) * r).toFixed(1)} ${(cx - r * 1.3 + i * r * 0.4).toFixed(1)} ${(cy + uniform(rng, -0.2, 0.5) * r).toFixed(1)}`,
    );
  }
  return `<g fill="none" stroke="${color}" stroke-opacity="${uniform(rng, 0.45, 0.75).toFixed(2)}"><circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" stroke-width="${(4 * u).toFixed(1)}"/><circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${(r * 0.72).toFixed(1)}" stroke-width="${(2 * u).toFixed(1)}"/></g><path d="${signature.join(' ')}" fill="none" stroke="#1d2f8f" stroke-width="${(2.5 * u).toFixed(1)}"/>`;
}

/** Greedy word wrap by an estimated character width. */
export function wrap(content: string, maxWidth: number, fontSize: number): string[] {
  const perLine = Math.max(8, Math.floor(maxWidth / (fontSize * AVERAGE_CHAR_WIDTH_EM)));
  const lines: string[] = [];
  let current = '';
  for (const word of content.split(/\s+/)) {
    if (current && (current + ' ' + word).length > perLine) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
