import type { Bounds } from '../geometry/bounds';
import { binarizeBelow } from '../raster/binarize';
import type { GreyImage } from '../raster/image';
import { otsuThreshold } from '../raster/otsu';
import { MID_GREY } from './page-rectify';

/** A ruled box on the form where a figure is written (its inside), in pixels of the flattened page. */
export type FigureCell = Bounds;

/** A horizontal rule: where it runs, and the rows of pixels it covers. */
type Rule = Bounds;

/**
 * The figure boxes of a flattened form page, top to bottom (pure): horizontal rules are runs
 * of ink longer than any letter (over 6% of the page width); a rule paired with the next rule
 * below that spans the same columns, 1.2–6% of the page width further down, is a box (a rule
 * may close one box and open the next, as in a table) if it is ruled at both sides too. Rows
 * are smeared by a few pixels first, so a rule left slightly tilted still reads as one run.
 *
 * @example
 * findFigureCells(page); // [{ left: 1440, top: 160, right: 1640, bottom: 200 }, …]
 */
export function findFigureCells(page: GreyImage): FigureCell[] {
  // Ink is darker than Otsu's split, and never lighter than a pale grey (a page with little ink).
  const inkThreshold = Math.min(160, otsuThreshold(page.data) ?? MID_GREY);
  const rules = horizontalRules(page, inkThreshold);
  const cells: FigureCell[] = [];
  const minHeight = page.width * 0.012;
  const maxHeight = page.width * 0.06;
  const sameColumns = (a: Rule, b: Rule) =>
    Math.abs(a.left - b.left) < page.width * 0.02 && Math.abs(a.right - b.right) < page.width * 0.02;
  for (let i = 0; i < rules.length; i += 1) {
    const top = rules[i]!;
    const j = rules.findIndex((rule, k) => k > i && sameColumns(top, rule) && rule.top - top.bottom >= minHeight);
    if (j < 0) continue;
    const bottom = rules[j]!;
    if (bottom.top - top.bottom > maxHeight) continue;
    const cell = {
      left: Math.max(top.left, bottom.left),
      top: top.bottom + 1,
      right: Math.min(top.right, bottom.right),
      bottom: bottom.top - 1,
    };
    // Two rules with a gap between them are a box only when ruled at both sides too.
    if (!ruledSide(page, inkThreshold, cell, cell.left) || !ruledSide(page, inkThreshold, cell, cell.right)) continue;
    cells.push(cell);
    // Boxes stacked as a table share their borders (or merge into one thick rule when close):
    // the next box starts from this one's bottom rule.
    i = j - 1;
  }
  return cells;
}

/** Whether most rows of `cell` have ink within a few pixels of column `x` (a vertical border). */
function ruledSide(page: GreyImage, threshold: number, cell: FigureCell, x: number): boolean {
  const reach = Math.max(2, Math.round(page.width / 400));
  let ruled = 0;
  for (let y = cell.top; y <= cell.bottom; y += 1) {
    for (let dx = -reach; dx <= reach; dx += 1) {
      const column = Math.min(page.width - 1, Math.max(0, x + dx));
      if (page.data[y * page.width + column]! <= threshold) {
        ruled += 1;
        break;
      }
    }
  }
  return ruled >= (cell.bottom - cell.top + 1) * 0.8;
}

function horizontalRules(page: GreyImage, threshold: number): Rule[] {
  const { width, height } = page;
  const smear = Math.max(1, Math.round(width / 600));
  const minRun = width * 0.06;
  const gap = smear + 1;
  const ink = binarizeBelow(page, threshold).data;
  const found: Rule[] = [];
  for (let y = 0; y < height; y += 1) {
    let runStart = -1;
    let lastDark = -1;
    for (let x = 0; x <= width; x += 1) {
      let dark = false;
      if (x < width)
        for (let dy = -smear; dy <= smear && !dark; dy += 1) {
          const row = y + dy;
          if (row >= 0 && row < height && ink[row * width + x] === 1) dark = true;
        }
      if (dark) {
        if (runStart < 0) runStart = x;
        lastDark = x;
      }
      // A blurred, noisy rule has pale specks: a gap of a few pixels does not end it.
      if (runStart >= 0 && (x === width || x - lastDark > gap)) {
        if (lastDark + 1 - runStart >= minRun)
          addRun(found, { top: y, bottom: y, left: runStart, right: lastDark }, width);
        runStart = -1;
      }
    }
  }
  // The smear widened each rule by `smear` rows on both sides: take it back.
  return mergeNearby(found, 2 * smear + 2).map((rule) => ({
    ...rule,
    top: Math.min(rule.top + smear, rule.bottom),
    bottom: Math.max(rule.bottom - smear, rule.top),
  }));
}

/**
 * Joins rules that lie within `reach` rows of each other over mostly the same columns: a
 * blurred rule comes out as a full run plus shorter pieces along its edges, which alone would
 * not match the box's other rule.
 */
function mergeNearby(rules: readonly Rule[], reach: number): Rule[] {
  const merged: Rule[] = [];
  for (const rule of [...rules].sort((a, b) => a.top - b.top)) {
    const near = merged.find((other) => {
      const overlap = Math.min(other.right, rule.right) - Math.max(other.left, rule.left);
      const shorter = Math.min(other.right - other.left, rule.right - rule.left);
      return rule.top - other.bottom <= reach && overlap >= shorter * 0.5;
    });
    if (!near) merged.push({ ...rule });
    else {
      near.top = Math.min(near.top, rule.top);
      near.bottom = Math.max(near.bottom, rule.bottom);
      near.left = Math.min(near.left, rule.left);
      near.right = Math.max(near.right, rule.right);
    }
  }
  return merged;
}

/** Joins a run to the rule in the row just above it that spans the same columns, or starts one. */
function addRun(rules: Rule[], run: Rule, width: number): void {
  const tolerance = width * 0.01;
  for (let i = rules.length - 1; i >= 0; i -= 1) {
    const rule = rules[i]!;
    if (rule.bottom === run.top - 1 && Math.abs(rule.left - run.left) < tolerance && Math.abs(rule.right - run.right) < tolerance) {
      rule.bottom = run.top;
      rule.left = Math.min(rule.left, run.left);
      rule.right = Math.max(rule.right, run.right);
      return;
    }
  }
  rules.push({ ...run });
}
