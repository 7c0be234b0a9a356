/**
 * OCR suggestion accuracy on rendered protocol pages (the demo form, random figures, mild
 * rotation and noise, Russian and Kazakh labels). Prints % of lines whose suggested figure
 * equals the truth, and ms per page. Usage: npx tsx bench/ocr.ts [pages=12]
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseElectionDefinition } from '../src/domain/election/election-definition';
import { OcrEngine } from '../src/media/ocr/ocr-engine';
import { measureOcr } from '../src/media/ocr/ocr-measurement';

const pages = Number(process.argv[2] ?? 12);
const file = path.resolve(import.meta.dirname, '../elections/kz-2021-mazhilis/election.json');
const election = parseElectionDefinition(JSON.parse(await fs.readFile(file, 'utf8')), file);
const engine = new OcrEngine({ cachePath: path.join(os.tmpdir(), 'dauys-tesseract-cache') });
const availability = engine.availability();
if (!availability.available) {
  console.error(availability.reason);
  process.exit(1);
}
const started = performance.now();
const m = await measureOcr(engine, election, { pages, seed: 2021 });
await engine.close();
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
console.log(`pages: ${m.pages}, lines: ${m.lines}`);
console.log(
  `suggested figure equals the truth: ${pct(m.correct, m.lines)} of lines (${m.correct}/${m.lines})`,
);
console.log(
  `lines with a suggestion: ${pct(m.suggested, m.lines)}; right when suggested: ${pct(m.correct, m.suggested)}`,
);
console.log(`precinct number right: ${m.precinctNumbersCorrect}/${m.pages}`);
console.log(
  `ms/page: ${m.msPerPage} (one worker; first page includes worker start) — total ${Math.round(performance.now() - started)} ms`,
);
