import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/analysis/analyze-election';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildServer } from '../../src/http/server';
import { formatCount } from '../../src/i18n/format';
import { readingWithNames } from '../../web/dashboard/analysis/reading-names';
import { ANALYSIS_CATALOGS } from '../../src/i18n/catalogs/analysis';
import { BELARUS_MAPPING, writeBelarusLikeFixture } from '../support/belarus-like-fixture';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { REPO_ROOT } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

const SLUG = 'by-2020';
const WEB_DIR = path.join(REPO_ROOT, 'dist/web');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'analysis');
const BELARUS_DIR = path.resolve(REPO_ROOT, '../shared/data/belarus-2020-golos');
const haveBelarus = fs.existsSync(path.join(BELARUS_DIR, 'voice.csv'));
/** The mapping's choice names: the imported election's names in every language. */
const CHOICE_NAMES = Object.fromEntries(
  (
    JSON.parse(fs.readFileSync(BELARUS_MAPPING, 'utf8')) as { choices: { id: string; name: string }[] }
  ).choices.map((choice) => [choice.id, choice.name]),
);

describe.skipIf(chromiumMissing('analysis page e2e'))('the analysis page in Chromium', () => {
  let app: App;
  let server: FastifyInstance;
  let browser: Browser;
  let base: string;
  let report: AnalysisReport;

  beforeAll(async () => {
    if (!haveBelarus && process.env.CI === 'true') {
      throw new Error(`CI=true but the Belarus 2020 data is missing at ${BELARUS_DIR}`);
    }
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dauys-analysis-e2e-'));
    app = await createApp(
      loadConfig({
        DAUYS_DATA_DIR: dataDir,
        DAUYS_SECRET: 'analysis-e2e-secret-0123456789abcdef',
        LOG_LEVEL: 'silent',
      }),
    );
    // The real Belarus 2020 data when present; outside CI a small table in the same format.
    const csv = haveBelarus ? path.join(BELARUS_DIR, 'voice.csv') : (await writeBelarusLikeFixture()).csv;
    if (!haveBelarus)
      console.warn(`analysis page e2e: ${BELARUS_DIR} is absent, using a Belarus-like fixture`);
    await app.stationImport.importFile(TEST_ACTOR, {
      slug: SLUG,
      csv,
      mapping: BELARUS_MAPPING,
      name: 'Belarus 2020',
      date: '2020-08-09',
    });
    server = await buildServer(app, { webDir: WEB_DIR });
    base = await server.listen({ port: 0, host: '127.0.0.1' });
    const answer = (await (await fetch(`${base}/api/v1/elections/${SLUG}/analysis`)).json()) as {
      report: AnalysisReport;
    };
    report = answer.report;
    browser = await launchChromium();
    await fsp.mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
  });

  async function openAnalysis(lang: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${base}/?election=${SLUG}&view=analysis&lang=${lang}`);
    await page.locator('[data-testid=photo-table]').waitFor();
    return page;
  }

  it('shows the photo-vs-official figures and the observer effect the API computed', async () => {
    const photos = report.photoExceedsOfficial!;
    if (haveBelarus)
      expect(photos.byChoice.tihanovkaja).toMatchObject({
        compared: 1395,
        stations: 441,
        votesAtLeast: 50138,
      });
    const page = await openAnalysis('en');
    for (const [choice, entry] of Object.entries(photos.byChoice)) {
      expect(await page.locator(`[data-testid=photo-stations-${choice}]`).textContent()).toBe(
        formatCount('en', entry.stations),
      );
      expect(await page.locator(`[data-testid=photo-votes-${choice}]`).textContent()).toBe(
        formatCount('en', entry.votesAtLeast),
      );
    }
    const effect = report.observerEffect!;
    expect(await page.locator('[data-testid=observer-counts]').textContent()).toBe(
      ANALYSIS_CATALOGS.en['analysis.observers.counts']
        .replace('{observed}', formatCount('en', effect.observedStations))
        .replace('{unobserved}', formatCount('en', effect.unobservedStations)),
    );
    const turnoutPoints = (effect.turnout.difference * 100).toFixed(1);
    expect(await page.locator('[data-testid=observer-difference-turnout]').textContent()).toContain(
      turnoutPoints,
    );
    expect(await page.locator('[data-testid=reading-observers]').textContent()).toBe(
      readingWithNames(effect.reading.en, CHOICE_NAMES),
    );
    expect(await page.locator('[data-testid=reading-photo]').textContent()).toContain(
      'Sviatlana Tsikhanouskaya',
    );
    // Every chart is drawn, with its accessible title.
    for (const chart of ['observer-effect', 'fingerprint', 'turnout-histogram', 'integer-spikes-turnout']) {
      await expect.poll(() => page.locator(`svg.chart-${chart}`).count()).toBe(1);
    }
    expect(await page.locator('svg.chart-observer-effect [data-group=unobserved]').count()).toBeGreaterThan(
      0,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'analysis-en-top.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'analysis-en.png'), fullPage: true });
    await page.close();
  });

  it('switches to Kazakh and Russian: headings and readings follow', async () => {
    const page = await openAnalysis('en', 390);
    for (const locale of ['kk', 'ru'] as const) {
      await page.click(`[data-testid=lang-${locale}]`);
      await expect
        .poll(() => page.locator('#analysis-heading').textContent())
        .toBe(ANALYSIS_CATALOGS[locale]['analysis.heading']);
      expect(await page.locator('#photo-heading').textContent()).toBe(
        ANALYSIS_CATALOGS[locale]['analysis.section_photos'],
      );
      expect(await page.locator('[data-testid=reading-photo]').textContent()).toBe(
        readingWithNames(report.photoExceedsOfficial!.reading[locale], CHOICE_NAMES),
      );
      expect(await page.locator('[data-testid=reading-observers]').textContent()).toBe(
        readingWithNames(report.observerEffect!.reading[locale], CHOICE_NAMES),
      );
      expect(new URL(page.url()).searchParams.get('view')).toBe('analysis');
      expect(new URL(page.url()).searchParams.get('lang')).toBe(locale);
      const printable = await page.getAttribute('[data-testid=printable-report]', 'href');
      expect(printable).toBe(`/api/v1/elections/${SLUG}/analysis/report.html?lang=${locale}`);
      expect((await fetch(base + printable!)).status).toBe(200);
      await page.screenshot({ path: path.join(ARTIFACTS, `analysis-${locale}-mobile.png`), fullPage: true });
    }
    await page.close();
  });

  it('is reached from the results page by its link, loads its code only then, and Back returns', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${base}/?election=${SLUG}&lang=en`);
    await page.locator('[data-testid=statistics-table]').waitFor();
    expect(scripts.some((s) => s.includes('AnalysisPage'))).toBe(false);
    await page.click('[data-testid=view-analysis]');
    await page.locator('[data-testid=photo-table]').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('analysis');
    expect(scripts.some((s) => s.includes('AnalysisPage'))).toBe(true);
    expect(await page.getAttribute('[data-testid=view-analysis]', 'aria-current')).toBe('page');
    await page.goBack();
    await page.locator('[data-testid=statistics-table]').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    await page.close();
  });
});
