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
import { SECTIONS } from '../../src/i18n/catalogs/sections';
import { formatCount, formatDateTime, formatPercent } from '../../src/i18n/format';
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
    const heading = summary.area ? summary.area.names.en : SECTIONS.dashboard.en['area.wholeElection'];
    await expect.poll(() => page.locator('#stats-heading').textContent()).toContain(heading);
    for (const choice of summary.official?.choices ?? []) {
      const cell = page.locator(
        `[data-testid=statistics-table] tr[data-row="choice:${choice.id}"] td[data-source=official]`,
      );
      await expect.poll(() => cell.locator('.count').textContent()).toBe(formatCount('en', choice.votes));
      expect(await cell.locator('.figure').textContent()).toBe(formatPercent('en', choice.share ?? 0));
    }
    for (const choice of summary.voters?.received ? summary.voters.choices : []) {
      const cell = page.locator(
        `[data-testid=statistics-table] tr[data-row="choice:${choice.id}"] td[data-source=voters]`,
      );
      expect(await cell.locator('.count').textContent()).toBe(formatCount('en', choice.count));
    }
    if (summary.voters?.received) {
      expect(await page.locator('[data-testid=headline-votes-received] dd').textContent()).toBe(
        formatCount('en', summary.voters.received),
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
      .toContain(SECTIONS.dashboard.ru['area.wholeElection']);
    const russian = await page.locator('body').innerText();
    const left = Object.entries(SECTIONS.dashboard.en)
      .filter(
        ([key, text]) =>
          !text.includes('{') && text !== SECTIONS.dashboard.ru[key as keyof typeof SECTIONS.dashboard.ru],
      )
      .filter(([, text]) => english.includes(text) && russian.includes(text))
      .map(([key]) => key);
    expect(left).toEqual([]);
    expect(russian).toContain(SECTIONS.dashboard.ru['stats.indicator']);
    expect(russian).toContain('Демократическая партия Казахстана «Ак жол»');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ru');
    await page.close();
  });

  it('writes dates and numbers in Kazakh on a kk page, not the root fallback of Chromium’s ICU', async () => {
    // Chromium ships no Kazakh ICU data: Intl's own kk gives "2026 M12 7" and "1,234,567.5".
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Almaty' });
    await page.goto(`${base}/?lang=kk`);
    const time = page.locator('[data-testid=violations-feed] time').first();
    await time.waitFor();
    const reportedAt = (await time.getAttribute('datetime'))!;
    const shown = (await time.textContent())!;
    expect(shown).toBe(formatDateTime('kk', reportedAt, 'Asia/Almaty'));
    expect(shown).toMatch(
      /^\d{4} ж\. \d{2} (қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел)\., \d{2}:\d{2}$/,
    );
    expect(shown).not.toMatch(/M\d/);

    const summary = await apiSummary();
    const choice = summary.official!.choices.find((c) => c.votes >= 1000)!;
    const cell = page.locator(
      `[data-testid=statistics-table] tr[data-row="choice:${choice.id}"] td[data-source=official]`,
    );
    await expect.poll(() => cell.locator('.count').textContent()).toBe(formatCount('kk', choice.votes));
    expect(await cell.locator('.count').textContent()).toMatch(/^\d{1,3}(\u00a0\d{3})+$/);
    expect(await cell.locator('.figure').textContent()).toBe(formatPercent('kk', choice.share ?? 0));
    expect(await cell.locator('.figure').textContent()).toMatch(/^\d+,\d%$/);
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

  it('shows spoiled ballots, and says why voters have no violations or spoiled ballots', async () => {
    const page = await openPage('/?lang=en');
    const official = (await apiSummary()).official!;
    expect(official.invalidBallots).toBe(23);
    const spoiled = page.locator('[data-testid=statistics-table] tr[data-row=spoiled]');
    await expect.poll(() => spoiled.locator('td[data-source=official] .count').textContent()).toBe('23');
    expect(await spoiled.locator('td[data-source=official] .figure').textContent()).toBe(
      formatPercent('en', 23 / official.ballotsCast!),
    );
    const violations = page.locator('[data-testid=statistics-table] tr[data-row=violations]');
    expect(await violations.locator('td[data-source=voters]').textContent()).toContain(
      SECTIONS.dashboard.en['stats.violationsFromVoters'],
    );
    expect(await violations.locator('td[data-source=voters]').textContent()).not.toContain(
      SECTIONS.dashboard.en['cell.notApplicable'],
    );
    await page.close();
  });

  it('prints the same "against all" share in the lead text and the table when there is spam', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The seed has no spam; a summary with some shows whether both places use one denominator.
    await page.route('**/api/v1/elections/*/summary*', async (route) => {
      const answer = await route.fetch();
      const summary = (await answer.json()) as Summary;
      const voters = summary.voters!;
      voters.spam += 4;
      voters.received += 4;
      if (voters.shares) voters.shares.againstAll = voters.againstAll / voters.received;
      await route.fulfill({ response: answer, json: summary, headers: { 'cache-control': 'no-store' } });
    });
    await page.goto(`${base}/?lang=en`);
    const cell = page.locator(
      '[data-testid=statistics-table] tr[data-row="choice:against-all"] td[data-source=voters] .figure',
    );
    await cell.waitFor();
    const summary = await apiSummary();
    const counted = summary.voters!.received - summary.voters!.spam;
    const expected = formatPercent('en', summary.voters!.againstAll / counted);
    expect(await cell.textContent()).toBe(expected);
    expect(await page.getByTestId('quality-notice').textContent()).toContain(
      `${expected} were “against all”`,
    );
    await page.close();
  });

  it('breaks the results table down by the selected area’s districts, then precincts', async () => {
    const page = await openPage('/?lang=en');
    const rows = () =>
      page
        .locator('[data-testid=results-table] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-area')));
    await expect.poll(async () => (await rows()).length).toBe(17);

    await page.selectOption('[data-testid=area-select-region]', 'kz-akm');
    await expect.poll(async () => (await rows()).every((code) => code?.startsWith('kz-akm-d'))).toBe(true);
    expect((await rows()).length).toBe(19);
    expect(await page.getByTestId('results-heading').textContent()).toBe('Results within Akmola Region');
    expect(await page.locator('[data-testid=results-table] thead th').first().textContent()).toContain(
      'District',
    );

    await page.locator('[data-testid=area-select-district]').waitFor();
    await page.selectOption('[data-testid=area-select-district]', 'kz-akm-d01');
    await expect.poll(async () => (await rows())[0]).toBe('kz-akm-p0001');
    expect((await rows()).length).toBe(94);
    // The official figures of a precinct are in its row.
    const firstRow = page.locator('[data-testid=results-table] tr[data-area=kz-akm-p0001] td').first();
    expect(await firstRow.textContent()).toBe(formatPercent('en', 100 / 490));

    // A precinct: its district's precincts, the chosen one marked.
    await page.selectOption('[data-testid=area-select-precinct]', 'kz-akm-p0002');
    await expect
      .poll(() => page.locator('[data-testid=results-table] [aria-current=page]').textContent())
      .toBe('Precinct 2');
    expect((await rows()).length).toBe(94);
    // The map still draws the regions.
    expect(await page.locator('[data-testid=region-map] [data-testid=map-label]').count()).toBe(17);
    await page.close();
  });

  it('lists regions in the election file’s order everywhere, as the bot does', async () => {
    const definition = JSON.parse(fs.readFileSync(DEMO_ELECTION_FILE, 'utf8')) as {
      geography: { topLevelAreas: Array<{ code: string }> };
    };
    const fileOrder = definition.geography.topLevelAreas.map((area) => area.code);
    expect(fileOrder.slice(0, 7)).toEqual([
      'kz-akm',
      'kz-akt',
      'kz-alm',
      'kz-aty',
      'kz-vos',
      'kz-zha',
      'kz-zap',
    ]);
    const page = await openPage('/?lang=en');
    const options = await page
      .locator('[data-testid=area-select-region] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options).toEqual(fileOrder);
    await expect
      .poll(() =>
        page
          .locator('[data-testid=results-table] tbody tr')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-area'))),
      )
      .toEqual(fileOrder);
    const api = (await (await fetch(`${base}/api/v1/elections/${SLUG}/results?level=region`)).json()) as {
      areas: Array<{ code: string }>;
    };
    expect(api.areas.map((area) => area.code)).toEqual(fileOrder);
    await page.close();
  });

  it('labels the map with short names in the reader’s language, not ISO codes', async () => {
    for (const [locale, west, capital] of [
      ['kk', 'БҚО', 'Нұр-Сұлтан'],
      ['ru', 'ЗКО', 'Нур-Султан'],
      ['en', 'West Kaz.', 'Nur-Sultan'],
    ] as const) {
      const page = await openPage(`/?lang=${locale}`);
      await page.locator('[data-testid=map-label]').first().waitFor();
      const labels = await page.locator('[data-testid=map-label]').allTextContents();
      expect(labels).toContain(west);
      expect(labels).toContain(capital);
      expect(labels.filter((label) => /^[A-Z]{3}$/.test(label))).toEqual([]);
      await page.close();
    }
  });

  it('shows every source of the statistics at 360 px without a sideways scroll', async () => {
    const page = await openPage('/?lang=ru', 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const cells = page.locator('[data-testid=statistics-table] tr[data-row="choice:nur-otan"] td');
    expect(await cells.count()).toBe(3);
    for (const cell of await cells.all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(await cell.isVisible()).toBe(true);
    }
    // Each line names its source, as the column headings would.
    const official = await cells.nth(2).evaluate((td) => getComputedStyle(td, '::before').content);
    expect(official).toBe(`"${SECTIONS.dashboard.ru['source.official']}"`);
    await page.close();
  });

  it('serves a favicon, so no page logs a 404', async () => {
    for (const url of ['/favicon.ico', '/favicon.svg']) {
      const response = await fetch(base + url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(/image\//);
    }
    for (const url of ['/?lang=en', '/chat?lang=en', '/console']) {
      const page = await browser.newPage();
      const problems: string[] = [];
      // A signed-out console's own 401 (/console/api/me) is how it learns to show the login: only
      // missing files count here.
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('404')) problems.push(message.text());
      });
      page.on('response', (response) => {
        if (response.status() === 404) problems.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(base + url);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('link[rel=icon]').count(), url).toBeGreaterThan(0);
      expect(problems, url).toEqual([]);
      await page.close();
    }
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
