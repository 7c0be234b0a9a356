import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../../src/domain/election/election-definition';
import { OcrEngine, ocrAvailability } from '../../src/media/ocr/ocr-engine';
import { measureOcr } from '../../src/media/ocr/ocr-measurement';
import { DEMO_ELECTION_FILE } from '../support/tiny-election';

/**
 * OCR suggestions on rendered protocol pages (seeded: the same pages every run). The floor is
 * below what bench/ocr.ts measured, so a change that breaks locating rows or reading figures
 * fails here; no timing is asserted.
 */
const FLOOR = 0.6;

describe('machine-read protocol suggestions', () => {
  const engine = new OcrEngine({ cachePath: path.join(os.tmpdir(), 'dauys-tesseract-cache') });
  afterAll(() => engine.close());

  it('says why OCR is unavailable when the language files are missing, instead of downloading them', async () => {
    const missing = ocrAvailability('/nonexistent/tessdata');
    expect(missing).toEqual({ available: false, reason: expect.stringContaining('rus.traineddata') });
    await expect(
      new OcrEngine({ cachePath: os.tmpdir(), langPath: '/nonexistent/tessdata' }).readPage(Buffer.alloc(1)),
    ).rejects.toThrow(/OCR unavailable/);
  });

  it(`reads at least ${FLOOR * 100}% of figures right on rendered pages, or reports OCR unavailable here`, async () => {
    const availability = engine.availability();
    if (!availability.available) {
      // A machine without Debian's tessdata: the console shows this reason; nothing to measure.
      expect(availability.reason).toMatch(/OCR unavailable/);
      return;
    }
    const election = parseElectionDefinition(JSON.parse(await fs.readFile(DEMO_ELECTION_FILE, 'utf8')));
    const measured = await measureOcr(engine, election, { pages: 4, seed: 2021 });
    expect(measured.lines).toBe(48);
    expect(measured.correct / measured.lines).toBeGreaterThanOrEqual(FLOOR);
    expect(measured.precinctNumbersCorrect).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
