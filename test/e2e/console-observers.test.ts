import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/security/totp';
import { SECTIONS } from '../../src/i18n/catalogs/sections';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { createConsoleUser, openConsoleTestApp, type ConsoleTestApp } from '../support/console-test-app';
import { DEMO_ELECTION_FILE, REPO_ROOT } from '../support/tiny-election';

const WEB_DIR = path.join(REPO_ROOT, 'dist/web');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/console');

/** The coverage screen on a national election (10,061 precincts), as a coordinator uses it. */
describe.skipIf(chromiumMissing('console observers e2e'))('the observers screen at national size', () => {
  let harness: ConsoleTestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIR, 'console/index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    harness = await openConsoleTestApp('pglite', { webDir: WEB_DIR });
    await harness.app.elections.loadFile(DEMO_ELECTION_FILE, { skipIfUnchanged: true });
    base = await harness.server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    await fsp.mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function signedIn(width: number, locale: 'kk' | 'ru' | 'en'): Promise<Page> {
    const user = await createConsoleUser(harness.app, 'coordinator');
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.getByTestId(`lang-${locale}`).click();
    await page.getByTestId('login-email').fill(user.email);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-code').fill(totpCode(user.totpKey, Date.now()));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-form').waitFor();
    const chosen = 'coordinator passphrase for coverage';
    await page.getByTestId('password-current').fill(user.password);
    await page.getByTestId('password-new').fill(chosen);
    await page.getByTestId('password-repeat').fill(chosen);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByTestId('nav-observers').click();
    await page.getByTestId('coverage-table').waitFor();
    return page;
  }

  it('counts all 10,061 precincts, shows one page, and narrows by region, district and gaps', async () => {
    const page = await signedIn(1280, 'en');
    await expect
      .poll(() => page.getByTestId('coverage-totals').textContent())
      .toContain('of 10061 precincts');
    expect(await page.locator('[data-testid="coverage-table"] tbody tr').count()).toBe(100);
    expect(await page.getByTestId('coverage-page').textContent()).toContain('Page 1 of 101');
    await page.getByTestId('coverage-next').click();
    await expect.poll(() => page.getByTestId('coverage-page').textContent()).toContain('Page 2 of 101');

    await page.getByTestId('coverage-region').selectOption('kz-akm');
    await expect.poll(() => page.getByTestId('coverage-district').isEnabled()).toBe(true);
    await expect.poll(() => page.getByTestId('coverage-page').textContent()).toContain('Page 1 of');
    const regionTotals = await page.getByTestId('coverage-totals').textContent();
    expect(regionTotals).not.toContain('10061');
    await page.getByTestId('coverage-district').selectOption('kz-akm-d01');
    await page.getByTestId('coverage-observer').selectOption('without');
    await expect
      .poll(
        async () =>
          (await page.locator('[data-testid="coverage-table"] tbody tr td:first-child').allTextContents())[0],
      )
      .toContain('kz-akm-p0001');
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeLessThan(10_000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'observers-national-en.png'), fullPage: true });
    await page.context().close();
  });

  for (const locale of ['kk', 'ru'] as const) {
    it(`fits a 360 px screen in ${locale}`, async () => {
      const page = await signedIn(360, locale);
      const totalsKey = SECTIONS.console[locale]['observers.coverageTotals'];
      const firstWords = totalsKey.split('{')[0]!.trim();
      if (firstWords) expect(await page.getByTestId('coverage-totals').textContent()).toContain(firstWords);
      expect(await page.getByTestId('coverage-observer').textContent()).toContain(
        SECTIONS.console[locale]['observers.showGaps'],
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(ARTIFACTS, `observers-national-${locale}-360.png`),
        fullPage: true,
      });
      await page.context().close();
    });
  }
});
