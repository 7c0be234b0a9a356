import { writeFileSync } from 'node:fs';
import { invalidInput } from '../../errors';
import { htmlToPdf } from './report-pdf';

/**
 * Writes a report page to `outputPath`: as it is for `.html`/`.htm`, printed through Chromium
 * for `.pdf`. Any other extension is refused before anything is written.
 *
 * @example
 * await writeReport(html, 'russia-2011.pdf');
 */
export async function writeReport(html: string, outputPath: string): Promise<void> {
  if (reportFormat(outputPath) === 'pdf') return htmlToPdf(html, outputPath);
  writeFileSync(outputPath, html);
}

/**
 * The format a report path asks for, by its extension; anything but .html/.htm/.pdf is bad input.
 * Commands call it before their work so a wrong name fails at once.
 */
export function reportFormat(outputPath: string): 'html' | 'pdf' {
  const name = outputPath.toLowerCase();
  if (name.endsWith('.pdf')) return 'pdf';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  throw invalidInput('--report must name an .html or a .pdf file', [
    { where: '--report', message: `"${outputPath}"` },
  ]);
}
