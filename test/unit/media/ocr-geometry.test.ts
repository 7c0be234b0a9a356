import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';
import { figureSlots } from '../../../src/flows/observer/protocol-figures';
import { findFigureCells } from '../../../src/media/ocr/figure-cells';
import { rectifyPage } from '../../../src/media/ocr/page-rectify';
import { protocolPagePhoto } from '../../../src/media/ocr/protocol-page';
import { DEMO_ELECTION_FILE } from '../../support/tiny-election';

describe('flattening a photographed protocol and finding its figure boxes', () => {
  it('finds one box per figure, level and in print order, on a flat page and on a photo', async () => {
    const election = parseElectionDefinition(JSON.parse(await fs.readFile(DEMO_ELECTION_FILE, 'utf8')));
    const figures = Object.fromEntries(figureSlots(election).map((slot, i) => [slot.key, i * 37]));
    const content = { precinctNumber: '101', figures };
    for (const conditions of [
      {},
      { rotateDegrees: -1.2, perspective: 0.03, blur: 1.2, noise: 0.1, quality: 70, seed: 4 },
    ]) {
      const page = await rectifyPage(await protocolPagePhoto(election, content, conditions));
      const cells = findFigureCells(page);
      expect(cells).toHaveLength(figureSlots(election).length);
      // Flattened: every box has the same left edge (± a few pixels) and they go down the page.
      const lefts = cells.map((cell) => cell.left);
      expect(Math.max(...lefts) - Math.min(...lefts)).toBeLessThanOrEqual(8);
      cells.slice(1).forEach((cell, i) => expect(cell.top).toBeGreaterThan(cells[i]!.bottom));
    }
  });
});
