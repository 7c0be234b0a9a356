import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { createConsoleServices } from '../../src/services/console-services';
import { DEFAULT_AUTH_POLICY } from '../../src/services/auth-policy';
import { base32Decode, totpCode } from '../../src/security/totp';
import { formatDateTime } from '../../src/i18n/format';
import { SECTIONS } from '../../src/i18n/catalogs/sections';
import {
  createConsoleUser,
  openConsoleTestApp,
  type ConsoleTestApp,
  type TestConsoleUser,
} from '../support/console-test-app';
import { REPO_ROOT } from '../support/tiny-election';

const WEB_DIR = path.join(REPO_ROOT, 'dist/web');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/console');
const en = SECTIONS.console.en;

describe.skipIf(chromiumMissing('console e2e'))('the console in Chromium', () => {
  let harness: ConsoleTestApp;
  let browser: Browser;
  let base: string;
  let admin: TestConsoleUser;
  let analyst: { email: string; password: string; totpKey: Buffer };
  /** How far the server's clock runs ahead (to age a session past the re-auth window). */
  let clockOffsetMs = 0;
  const serverNow = () => Date.now() + clockOffsetMs;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIR, 'console/index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    harness = await openConsoleTestApp('pglite', { webDir: WEB_DIR });
    harness.app.console = createConsoleServices(harness.app.database.db, harness.app.secret, {
      now: () => new Date(serverNow()),
    }).console;
    base = await harness.server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    await fsp.mkdir(ARTIFACTS, { recursive: true });
    // The first admin, as `dauys user create --role admin` makes it.
    admin = await createConsoleUser(harness.app, 'admin', 'first-admin@example.org');
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  /** One picture per screen and state, named by the screen (`login`, `users-reauth`, …). */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  async function newConsolePage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.getByTestId('login-form').waitFor();
    // The assertions below read the English texts, whatever the browser's language.
    await page.getByTestId('lang-en').click();
    return { context, page };
  }

  async function signIn(page: Page, email: string, password: string, totpKey: Buffer): Promise<void> {
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-code').fill(totpCode(totpKey, serverNow()));
    await page.getByTestId('login-submit').click();
  }

  async function choosePassword(page: Page, current: string, next: string): Promise<void> {
    await page.getByTestId('password-form').waitFor();
    await page.getByTestId('password-current').fill(current);
    await page.getByTestId('password-new').fill(next);
    await page.getByTestId('password-repeat').fill(next);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('signed-in-as').waitFor();
  }

  it('shows the login form in kk, ru and en', async () => {
    const { context, page } = await newConsolePage();
    await page.getByTestId('lang-kk').click();
    expect(await page.locator('h1').textContent()).toBe(SECTIONS.console.kk['login.heading']);
    await screenshot(page, 'login-kk');
    await page.getByTestId('lang-ru').click();
    expect(await page.locator('h1').textContent()).toBe(SECTIONS.console.ru['login.heading']);
    await screenshot(page, 'login-ru');
    await page.getByTestId('lang-en').click();
    expect(await page.locator('h1').textContent()).toBe(en['login.heading']);
    await screenshot(page, 'login');
    await context.close();
  });

  it("opens in the browser's language, then in the reader's own stored choice, on every page", async () => {
    const heading = async (page: Page) => {
      await page.getByTestId('login-form').waitFor();
      return page.locator('h1').textContent();
    };
    for (const [browserLocale, expected] of [
      ['en-US', en['login.heading']],
      ['ru-RU', SECTIONS.console.ru['login.heading']],
      ['de-DE', SECTIONS.console.kk['login.heading']],
    ] as const) {
      const context = await browser.newContext({ locale: browserLocale });
      const page = await context.newPage();
      await page.goto(`${base}/console`);
      expect(await heading(page), browserLocale).toBe(expected);
      await context.close();
    }
    // A choice made on the console holds over the browser's language, there and on the dashboard.
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.getByTestId('login-form').waitFor();
    await page.getByTestId('lang-ru').click();
    await page.reload();
    expect(await heading(page)).toBe(SECTIONS.console.ru['login.heading']);
    await page.goto(`${base}/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await context.close();
  });

  it('signs in with password and TOTP, refuses a wrong code, and demands a new password first', async () => {
    const { context, page } = await newConsolePage();
    await page.getByTestId('login-email').fill(admin.email);
    await page.getByTestId('login-password').fill(admin.password);
    await page.getByTestId('login-code').fill('000000');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe(en['login.failed']);
    await screenshot(page, 'login-failed');

    await signIn(page, admin.email, admin.password, admin.totpKey);
    await page.getByTestId('password-form').waitFor();
    await screenshot(page, 'change-password');
    await choosePassword(page, admin.password, 'admin passphrase for tests');
    admin.password = 'admin passphrase for tests';
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(admin.email);
    await screenshot(page, 'home');

    // A reload keeps the session (HttpOnly cookie, never visible to the page's script).
    await page.reload();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('dauys_session');
    await context.close();
  });

  it('lets the admin create users, and asks for password and code again once the session is older', async () => {
    const { context, page } = await newConsolePage();
    // The code above was spent at this step; sign in with the next one.
    clockOffsetMs = 30_000;
    await signIn(page, admin.email, admin.password, admin.totpKey);
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();

    await page.getByTestId('create-email').fill('analyst@example.org');
    await page.getByTestId('create-role').selectOption('analyst');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('issued-credentials').waitFor();
    const uri = (await page.getByTestId('issued-uri').textContent())!;
    expect(uri).toMatch(/^otpauth:\/\/totp\/Dauys:analyst@example\.org\?secret=/);
    analyst = {
      email: 'analyst@example.org',
      password: (await page.getByTestId('issued-password').textContent())!,
      totpKey: base32Decode(new URL(uri).searchParams.get('secret')!),
    };
    await screenshot(page, 'users');

    await page.getByTestId('create-email').fill('moderator@example.org');
    await page.getByTestId('create-role').selectOption('moderator');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('user-moderator@example.org').waitFor();

    // Later: the sign-in no longer counts as a recent re-entry of credentials.
    clockOffsetMs = DEFAULT_AUTH_POLICY.reauthWindowMs + 60_000;
    await page.getByTestId('user-moderator@example.org').getByTestId('user-role').selectOption('coordinator');
    await page.getByTestId('reauth-form').waitFor();
    await screenshot(page, 'users-reauth');
    await page.getByTestId('reauth-password').fill(admin.password);
    await page.getByTestId('reauth-code').fill(totpCode(admin.totpKey, serverNow()));
    await page.getByTestId('reauth-submit').click();
    await page.getByTestId('users-saved').waitFor();
    expect(await page.getByTestId('reauth-form').count()).toBe(0);
    const stored = await harness.app.database.db
      .selectFrom('console_users')
      .select('role')
      .where('email', '=', 'moderator@example.org')
      .executeTakeFirstOrThrow();
    expect(stored.role).toBe('coordinator');
    await screenshot(page, 'users-role-changed');
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await context.close();
  });

  it('gives an analyst read access and no way to change anything', async () => {
    const { context, page } = await newConsolePage();
    await signIn(page, analyst.email, analyst.password, analyst.totpKey);
    await choosePassword(page, analyst.password, 'analyst passphrase for tests');
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await screenshot(page, 'home-analyst');

    await page.goto(`${base}/console#/users`);
    await page.getByTestId('forbidden').waitFor();
    await screenshot(page, 'users-forbidden-analyst');

    // Going around the page straight to the API, with the page's own CSRF token: refused.
    const statuses = await page.evaluate(async () => {
      const csrf = /dauys_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const send = (method: string, url: string, body: unknown) =>
        fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
          body: JSON.stringify(body),
        }).then((r) => r.status);
      return [
        await send('POST', '/console/api/users', { email: 'intruder@example.org', role: 'admin' }),
        await send('PATCH', '/console/api/users/1', { role: 'analyst' }),
        await send('POST', '/console/api/users/1/reset', {}),
        await fetch('/console/api/users').then((r) => r.status),
      ];
    });
    expect(statuses).toEqual([403, 403, 403, 403]);
    const users = await harness.app.console.users.list();
    expect(users.map((u) => u.email)).not.toContain('intruder@example.org');
    expect(users.find((u) => u.id === 1)?.role).toBe('admin');

    // The audit screen has nothing to press but "verify" and "older entries".
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    expect(await page.locator('main.screen input, main.screen select').count()).toBe(0);
    await context.close();
  });

  it('verifies the audit log, then reports the tampered entry', async () => {
    const { context, page } = await newConsolePage();
    clockOffsetMs += 30_000;
    await signIn(page, analyst.email, 'analyst passphrase for tests', analyst.totpKey);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    expect(await page.getByTestId('audit-table').textContent()).toContain('user.update');
    await page.getByTestId('audit-verify').click();
    await expect
      .poll(() => page.getByTestId('audit-result').textContent())
      .toMatch(/^Chain intact: \d+ entries verified\.$/);
    await screenshot(page, 'audit-verified');

    // A database operator edits history behind the append-only trigger.
    const { id } = await harness.app.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'user.update')
      .executeTakeFirstOrThrow();
    await harness.app.database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
      await sql`update audit_log set after = jsonb_set(after, '{role}', '"admin"') where id = ${id}`.execute(
        tx,
      );
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
    });
    await page.getByTestId('audit-verify').click();
    await expect
      .poll(() => page.getByTestId('audit-result').textContent())
      .toContain(`Chain broken at entry #${id}:`);
    await screenshot(page, 'audit-tampered');

    // Times in the page's language, not the browser's (this Chromium's is English).
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    for (const locale of ['kk', 'ru'] as const) {
      await page.getByTestId(`lang-${locale}`).click();
      const time = page.getByTestId('audit-table').locator('time').first();
      const at = (await time.getAttribute('datetime'))!;
      await expect.poll(() => time.textContent()).toBe(formatDateTime(locale, at, zone));
    }
    expect(await page.getByTestId('audit-table').locator('time').first().textContent()).not.toMatch(
      /M\d|[AP]M/,
    );
    await context.close();
  });
});
