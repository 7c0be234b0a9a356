/**
 * Pen marks as a voter draws them: a cross or a tick, never quite centred, never quite straight,
 * in ballpoint blue, black or pencil grey, sometimes gone over twice. Output is SVG markup in the
 * sheet's coordinates, drawn before the photo is taken so it warps with the paper.
 */
import { chance, pick, uniform, type SeededRandom } from './seeded';

export type MarkStyle = 'cross' | 'tick' | 'scribble';

export interface Box {
  x: number;
  y: number;
  side: number;
}

const INKS = [
  { color: '#1d2f8f', opacity: 0.95 }, // blue ballpoint
  { color: '#202020', opacity: 0.95 }, // black pen
  { color: '#3b2a8a', opacity: 0.9 }, // violet ballpoint
  { color: '#4a4e55', opacity: 0.85 }, // soft pencil: lighter, the hardest to see
];

/**
 * SVG for one hand-drawn mark in `box`, with its centre jittered (up to a fifth of the box) and
 * its size between 55% and 115% of the box, so it may spill over the outline as real marks do.
 *
 * @example
 * const svg = handMarkSvg(createRng(7), { x: 800, y: 600, side: 70 }, 4); // '<path d="M…"/>'
 */
export function handMarkSvg(rng: SeededRandom, box: Box, sheetScale: number, style?: MarkStyle): string {
  const chosen = style ?? pick(rng, ['cross', 'cross', 'tick', 'tick', 'scribble'] as const);
  const ink = pick(rng, INKS);
  // Pen strokes are 0.25–0.7% of the sheet width: a fine ballpoint to a felt-tip.
  const width = uniform(rng, 2.5, 7) * sheetScale;
  const cx = box.x + box.side / 2 + uniform(rng, -0.2, 0.2) * box.side;
  const cy = box.y + box.side / 2 + uniform(rng, -0.2, 0.2) * box.side;
  const half = (uniform(rng, 0.55, 1.15) * box.side) / 2;
  const strokes =
    chosen === 'cross'
      ? crossStrokes(rng, cx, cy, half)
      : chosen === 'tick'
        ? tickStrokes(rng, cx, cy, half)
        : scribbleStrokes(rng, cx, cy, half);
  const passes = chance(rng, 0.25) ? 2 : 1;
  const paths: string[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const d of strokes) paths.push(d(pass === 0 ? 0 : width * 0.6));
  }
  return `<g fill="none" stroke="${ink.color}" stroke-opacity="${ink.opacity}" stroke-width="${width.toFixed(2)}" stroke-linecap="round" stroke-linejoin="round">${paths
    .map((d) => `<path d="${d}"/>`)
    .join('')}</g>`;
}

type Stroke = (wobble: number) => string;

/** Two slightly bowed diagonals, each at its own angle. */
function crossStrokes(rng: SeededRandom, cx: number, cy: number, half: number): Stroke[] {
  const make = (angle: number): Stroke => {
    const a = angle + uniform(rng, -0.25, 0.25);
    const r1 = half * uniform(rng, 0.8, 1.1);
    const r2 = half * uniform(rng, 0.8, 1.1);
    const bow = uniform(rng, -0.15, 0.15) * half;
    return (wobble) => {
      const j = (): number => uniform(rng, -1, 1) * wobble;
      const x1 = cx - Math.cos(a) * r1 + j();
      const y1 = cy - Math.sin(a) * r1 + j();
      const x2 = cx + Math.cos(a) * r2 + j();
      const y2 = cy + Math.sin(a) * r2 + j();
      const mx = (x1 + x2) / 2 - Math.sin(a) * bow;
      const my = (y1 + y2) / 2 + Math.cos(a) * bow;
      return `M${f(x1)} ${f(y1)} Q${f(mx)} ${f(my)} ${f(x2)} ${f(y2)}`;
    };
  };
  return [make(Math.PI / 4), make((3 * Math.PI) / 4)];
}

/** A short stroke down to the vertex, then a long one up and to the right. */
function tickStrokes(rng: SeededRandom, cx: number, cy: number, half: number): Stroke[] {
  const vx = cx - half * uniform(rng, 0.1, 0.35);
  const vy = cy + half * uniform(rng, 0.35, 0.7);
  const sx = vx - half * uniform(rng, 0.35, 0.6);
  const sy = vy - half * uniform(rng, 0.4, 0.75);
  const ex = vx + half * uniform(rng, 0.9, 1.4);
  const ey = vy - half * uniform(rng, 1.2, 1.7);
  const bow = uniform(rng, -0.12, 0.12) * half;
  return [
    (wobble) => {
      const j = (): number => uniform(rng, -1, 1) * wobble;
      return `M${f(sx + j())} ${f(sy + j())} L${f(vx + j())} ${f(vy + j())} Q${f((vx + ex) / 2 + bow)} ${f((vy + ey) / 2 + bow)} ${f(ex + j())} ${f(ey + j())}`;
    },
  ];
}

/** A zig-zag filling part of the box: voters who shade rather than cross. */
function scribbleStrokes(rng: SeededRandom, cx: number, cy: number, half: number): Stroke[] {
  const turns = 4 + rng.nextInt(4);
  const h = half * uniform(rng, 0.6, 0.9);
  return [
    (wobble) => {
      const points: string[] = [];
      for (let i = 0; i <= turns; i++) {
        const x = cx - h + ((2 * h) / turns) * i + uniform(rng, -0.1, 0.1) * h + uniform(rng, -1, 1) * wobble;
        const y = cy + (i % 2 === 0 ? -h : h) * uniform(rng, 0.7, 1);
        points.push(`${i === 0 ? 'M' : 'L'}${f(x)} ${f(y)}`);
      }
      return points.join(' ');
    },
  ];
}

function f(n: number): string {
  return n.toFixed(1);
}
