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
const FLOOR = 0.9;

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

  it(`suggests no wrong figure and at least ${FLOOR * 100}% right, flat and photographed, or reports OCR unavailable`, async () => {
    const availability = engine.availability();
    if (!availability.available) {
      // A machine without Debian's tessdata: the console shows this reason; nothing to measure.
      expect(availability.reason).toMatch(/OCR unavailable/);
      return;
    }
    const election = parseElectionDefinition(JSON.parse(await fs.readFile(DEMO_ELECTION_FILE, 'utf8')));
    for (const kind of ['flat', 'photo'] as const) {
      const measured = await measureOcr(engine, election, { pages: 3, seed: 2021, kind });
      expect(measured.lines).toBe(36);
      expect(measured.correct + measured.wrong + measured.abstained).toBe(36);
      // A wrong suggestion is worse than none: the reader abstains when unsure.
      expect(measured, kind).toMatchObject({ wrong: 0 });
      expect(measured.correct / measured.lines).toBeGreaterThanOrEqual(FLOOR);
      expect(measured.precinctNumbersCorrect).toBeGreaterThanOrEqual(2);
    }
  }, 180_000);
});
