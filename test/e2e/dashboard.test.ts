import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildServer } from '../../src/http/server';
import { WEB_CATALOGS } from '../../web/shared/i18n/catalogs';
import { formatCount, formatShare } from '../../web/shared/format';
import type { Summary } from '../../web/shared/api-types';
import { HOSTILE_VIOLATION_TEXT, seedDashboard } from '../support/dashboard-seed';
import { DEMO_ELECTION_FILE, REPO_ROOT } from '../support/tiny-election';

const SLUG = 'kz-2021-mazhilis';
const WEB_DIR = path.join(REPO_ROOT, 'dist/web');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

describe.skipIf(chromiumMissing('dashboard e2e'))('the dashboard in Chromium', () => {
  let app: App;
  let server: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dauys-dashboard-e2e-'));
    app = await createApp(
      loadConfig({
        DAUYS_DATA_DIR: dataDir,
        DAUYS_SECRET: 'dashboard-e2e-secret-0123456789abcdef',
        LOG_LEVEL: 'silent',
      }),
    );
    await app.elections.loadFile(DEMO_ELECTION_FILE);
    await seedDashboard(app, SLUG);
    server = await buildServer(app, { webDir: WEB_DIR });
    base = await server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    await fsp.mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
  });

  async function openPage(url: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(base + url);
    await page.locator('[data-testid=statistics-table]').waitFor();
    return page;
  }

  async function apiSummary(area?: string): Promise<Summary> {
    const response = await fetch(`${base}/api/v1/elections/${SLUG}/summary${area ? `?area=${area}` : ''}`);
    return (await response.json()) as Summary;
  }

  /** The official and voters' cells of each choice's row must show what the API says, formatted. */
  async function expectTableMatchesApi(page: Page, area?: string): Promise<void> {
    const summary = await apiSummary(area);
    const heading = summary.area ? summary.area.names.en : WEB_CATALOGS.en['area.wholeElection'];
    await expect.poll(() => page.locator('#stats-heading').textContent()).toContain(heading);
    for (const choice of summary.official?.choices ?? []) {
      const cell = page.locator(
        `[data-testid=statistics-table] tr[data-row="choice:${choice.id}"] td[data-source=official]`,
      );
      await expect.poll(() => cell.locator('.count').textContent()).toBe(formatCount(choice.votes, 'en'));
      expect(await cell.locator('.figure').textContent()).toBe(formatShare(choice.share ?? 0, 'en'));
    }
    for (const choice of summary.voters?.received ? summary.voters.choices : []) {
      const cell = page.locator(
        `[data-testid=statistics-table] tr[data-row="choice:${choice.id}"] td[data-source=voters]`,
      );
      expect(await cell.locator('.count').textContent()).toBe(formatCount(choice.count, 'en'));
    }
    if (summary.voters?.received) {
      expect(await page.locator('[data-testid=headline-votes-received] dd').textContent()).toBe(
        formatCount(summary.voters.received, 'en'),
      );
    }
  }

  it('drills down from the country to a precinct and back, and the numbers equal the API’s', async () => {
    const page = await openPage('/?lang=en');
    await expectTableMatchesApi(page);
    expect((await apiSummary()).official).not.toBeNull();

    await page.selectOption('[data-testid=area-select-region]', 'kz-akm');
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('kz-akm');
    await expectTableMatchesApi(page, 'kz-akm');

    await page.locator('[data-testid=area-select-district]').waitFor();
    await page.selectOption('[data-testid=area-select-district]', 'kz-akm-d01');
    await expectTableMatchesApi(page, 'kz-akm-d01');

    await page.locator('[data-testid=area-select-precinct]').waitFor();
    await page.selectOption('[data-testid=area-select-precinct]', 'kz-akm-p0001');
    await expectTableMatchesApi(page, 'kz-akm-p0001');
    expect(await page.inputValue('[data-testid=area-select-region]')).toBe('kz-akm');

    await page.goBack();
    await expectTableMatchesApi(page, 'kz-akm-d01');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBeNull();
    await expectTableMatchesApi(page);
    expect(await page.inputValue('[data-testid=area-select-region]')).toBe('');
    await page.goForward();
    await expectTableMatchesApi(page, 'kz-akm');

    // A link to a precinct opens with every selector filled in.
    const direct = await openPage('/?lang=en&area=kz-akt-p0001');
    await expectTableMatchesApi(direct, 'kz-akt-p0001');
    expect(await direct.inputValue('[data-testid=area-select-region]')).toBe('kz-akt');
    await direct.close();
    await page.close();
  });

  it('switches every label to the chosen language', async () => {
    const page = await openPage('/?lang=en');
    await page.locator('[data-testid=violations-feed] li').first().waitFor();
    const english = await page.locator('body').innerText();
    await page.click('[data-testid=lang-ru]');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
    await expect
      .poll(() => page.locator('#stats-heading').textContent())
      .toContain(WEB_CATALOGS.ru['area.wholeElection']);
    const russian = await page.locator('body').innerText();
    const left = Object.entries(WEB_CATALOGS.en)
      .filter(
        ([key, text]) => !text.includes('{') && text !== WEB_CATALOGS.ru[key as keyof typeof WEB_CATALOGS.ru],
      )
      .filter(([, text]) => english.includes(text) && russian.includes(text))
      .map(([key]) => key);
    expect(left).toEqual([]);
    expect(russian).toContain(WEB_CATALOGS.ru['stats.indicator']);
    expect(russian).toContain('Демократическая партия Казахстана «Ак жол»');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ru');
    await page.close();
  });

  it('shows a violation’s <script> and <img onerror> as text and runs nothing', async () => {
    const page = await openPage('/?lang=en');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const text = page.locator('[data-testid=violation-text]').first();
    await text.waitFor();
    expect(await text.textContent()).toBe(HOSTILE_VIOLATION_TEXT);
    expect(
      await page
        .locator('[data-testid=violations-feed] script, [data-testid=violations-feed] img[src="x"]')
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { __dauysXss?: string }).__dauysXss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('fits a 320 px phone and a desktop; screenshots are saved', async () => {
    const phone = await openPage('/?lang=kk', 320);
    await phone.locator('[data-testid=region-map]').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await phone.screenshot({ path: path.join(ARTIFACTS, 'dashboard-320px.png'), fullPage: true });
    await phone.close();

    const desktop = await openPage('/?lang=en&area=kz-akm', 1280);
    await desktop.locator('[data-testid=region-map]').waitFor();
    expect(await desktop.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await desktop.screenshot({ path: path.join(ARTIFACTS, 'dashboard-desktop.png'), fullPage: true });
    await desktop.close();
    expect(fs.statSync(path.join(ARTIFACTS, 'dashboard-320px.png')).size).toBeGreaterThan(10_000);
  });
});
