import { CHROMIUM_ARGS, requireChromium } from '../chromium-browser';

/**
 * Prints a self-contained HTML page to an A4 PDF through headless Chromium (playwright-core).
 * Every request the page would make is refused: the report must not need any.
 *
 * @example
 * await htmlToPdf(analysisReportHtml(report, context), 'report.pdf');
 */
export async function htmlToPdf(html: string, outputPath: string): Promise<void> {
  const executablePath = requireChromium('a PDF report');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: outputPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
