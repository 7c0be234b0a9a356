/**
 * OCR suggestion accuracy on rendered protocol pages (the demo form, random figures, Russian
 * and Kazakh labels), for flat renders (a scan) and for photographs (tilt, perspective, blur,
 * noise, JPEG). Prints the share of lines suggested right, suggested wrong and left without a
 * suggestion, the precinct numbers read right, and ms per page.
 * Usage: npx tsx bench/ocr.ts [pages=12] [flat|photo|both]
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseElectionDefinition } from '../src/domain/election/election-definition';
import { OcrEngine } from '../src/media/ocr/ocr-engine';
import { measureOcr, type OcrPageKind } from '../src/media/ocr/ocr-measurement';

const pages = Number(process.argv[2] ?? 12);
const which = process.argv[3] ?? 'both';
const kinds: OcrPageKind[] = which === 'both' ? ['flat', 'photo'] : [which as OcrPageKind];
const file = path.resolve(import.meta.dirname, '../elections/kz-2021-mazhilis/election.json');
const election = parseElectionDefinition(JSON.parse(await fs.readFile(file, 'utf8')), file);
const engine = new OcrEngine({ cachePath: path.join(os.tmpdir(), 'dauys-tesseract-cache') });
const availability = engine.availability();
if (!availability.available) {
  console.error(availability.reason);
  process.exit(1);
}
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
for (const kind of kinds) {
  const m = await measureOcr(engine, election, { pages, seed: 2021, kind });
  console.log(
    `${kind}: ${m.pages} pages, ${m.lines} lines — right ${pct(m.correct, m.lines)} (${m.correct}), ` +
      `wrong ${pct(m.wrong, m.lines)} (${m.wrong}), abstained ${pct(m.abstained, m.lines)} (${m.abstained}); ` +
      `precinct number right ${m.precinctNumbersCorrect}/${m.pages}; ${m.msPerPage} ms/page`,
  );
}
await engine.close();
