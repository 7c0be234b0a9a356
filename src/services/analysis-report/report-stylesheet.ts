import { createHash } from 'node:crypto';

/**
 * The printable report's only stylesheet, inlined in a <style> element. The report's
 * Content-Security-Policy allows exactly this text by its SHA-256 hash, so no other inline style
 * (and no script at all) can run in the page.
 */
export const REPORT_STYLESHEET = `
@page { size: A4; margin: 16mm 14mm; }
body { font: 10.5pt/1.45 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #111; max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 0 0 6pt; }
h3 { font-size: 10.5pt; margin: 8pt 0 2pt; }
header p { margin: 2pt 0; color: #333; }
section { border-top: 1px solid #bbb; padding-top: 8pt; margin-top: 12pt; }
.reading { background: #eef2fb; border-left: 3pt solid #4a6fd1; padding: 4pt 8pt; margin: 0 0 6pt; }
dl.meta { display: grid; grid-template-columns: 36mm 1fr; gap: 2pt 8pt; margin: 0 0 6pt; font-size: 9pt; }
dl.meta dt { font-weight: bold; color: #444; }
dl.meta dd { margin: 0; }
dl.meta ul { margin: 0; padding-left: 12pt; }
table { border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; }
th, td { padding: 2pt 6pt; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
figure { margin: 6pt 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
.not-computed { color: #666; font-style: italic; }
.note { color: #444; font-size: 9pt; }
@media screen and (max-width: 640px) { body { padding: 12px; } table { display: block; overflow-x: auto; } dl.meta { grid-template-columns: 1fr; } }
@media print { section { break-inside: auto; } h2 { break-after: avoid; } }
`.trim();

/** `'sha256-…'` of the stylesheet, for the report's Content-Security-Policy. */
export const REPORT_STYLESHEET_HASH = `'sha256-${createHash('sha256').update(REPORT_STYLESHEET).digest('base64')}'`;

/** The report's policy: nothing but its own stylesheet and inline SVG; no script, no requests. */
export const REPORT_CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src ${REPORT_STYLESHEET_HASH}; img-src data:; ` +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
