import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { parseElectionDefinition } from '../../src/domain/election/election-definition';
import { protocolPagePhoto } from '../../src/media/ocr/protocol-page';
import { totpCode } from '../../src/security/totp';
import type { ConsoleRole } from '../../src/store/tables/console.tables';
import { createConsoleUser, openConsoleTestApp, type ConsoleTestApp } from '../support/console-test-app';
import { decodeQr } from '../support/decode-qr';
import { CLEAN_PROTOCOL, seedModeration, type ModerationSeed } from '../support/moderation-seed';
import { DEMO_ELECTION_FILE, REPO_ROOT } from '../support/tiny-election';

const WEB_DIR = path.join(REPO_ROOT, 'dist/web');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/console');
const BOT = 'dauys_test_observer_bot';

describe.skipIf(chromiumMissing('console queues e2e'))('the console work queues in Chromium', () => {
  let harness: ConsoleTestApp;
  let browser: Browser;
  let base: string;
  let seed: ModerationSeed;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIR, 'console/index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    harness = await openConsoleTestApp('pglite', { webDir: WEB_DIR }, { TELEGRAM_OBSERVER_USERNAME: BOT });
    const definition = parseElectionDefinition(JSON.parse(await fsp.readFile(DEMO_ELECTION_FILE, 'utf8')));
    const page = await protocolPagePhoto(
      definition,
      { precinctNumber: '101', figures: CLEAN_PROTOCOL },
      { rotateDegrees: 0.8, noise: 0.05, seed: 1 },
    );
    seed = await seedModeration(harness.app, { ballots: 4, protocolPages: [page] });
    base = await harness.server.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    await fsp.mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await harness?.close();
  });

  /** One picture per screen and state, named by the screen (`ballots`, `ballots-selected`, …). */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /** Signs a new user of `role` in through the login form (password + TOTP) and sets their password. */
  async function signedInPage(role: ConsoleRole): Promise<Page> {
    const user = await createConsoleUser(harness.app, role);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('login-email').fill(user.email);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-code').fill(totpCode(user.totpKey, Date.now()));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-form').waitFor();
    const chosen = `${role} passphrase for the queue tests`;
    await page.getByTestId('password-current').fill(user.password);
    await page.getByTestId('password-new').fill(chosen);
    await page.getByTestId('password-repeat').fill(chosen);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('signed-in-as').waitFor();
    return page;
  }

  const statusOf = async (id: number) =>
    (
      await harness.app.database.db
        .selectFrom('ballot_reports')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('lets a moderator approve a photo, then bulk-mark spam with the keyboard', async () => {
    const page = await signedInPage('moderator');
    await page.getByTestId('sos-banner').waitFor();
    await page.getByTestId('nav-ballots').click();
    await page.getByTestId('ballots-list').waitFor();
    await screenshot(page, 'ballots');
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-overlay').waitFor();
    await screenshot(page, 'ballots-shortcuts');
    await page.keyboard.press('Escape');

    const [first, second, third] = seed.ballotIds as [number, number, number];
    // Every picture is blurred until the moderator chooses to see it, with no link to the original.
    const photo = page.getByTestId(`ballot-photo-${first}`);
    const filterOf = () => photo.locator('img').evaluate((img) => getComputedStyle(img).filter);
    expect(await filterOf()).toContain('blur');
    expect(await photo.locator('a').count()).toBe(0);
    expect(await page.getByTestId(`ballot-photo-${second}`).getAttribute('data-revealed')).toBe('false');
    await photo.getByTestId(`ballot-photo-${first}-reveal`).click();
    expect(await filterOf()).toBe('none');
    expect(await photo.locator('a').getAttribute('href')).toBe(
      `/console/api/ballots/${first}/photo?size=full`,
    );
    // Revealing one reveals only that one.
    expect(await page.getByTestId(`ballot-photo-${second}`).getAttribute('data-revealed')).toBe('false');
    await screenshot(page, 'ballots-one-revealed');
    // A vote the web chat kept on the phone offline is marked device-dated; the others are not.
    expect(await page.getByTestId(`ballot-${first}`).getByTestId('device-dated').textContent()).toContain(
      'Delayed (device-dated)',
    );
    expect(await page.getByTestId(`ballot-${second}`).getByTestId('device-dated').count()).toBe(0);
    await page.getByTestId(`ballot-${first}`).getByTestId('approve').click();
    await page.getByTestId('ballots-message').waitFor();
    await expect.poll(() => statusOf(first)).toBe('confirmed');

    // The list now starts at the second report: select it and the next one, then "s".
    await expect.poll(() => page.getByTestId(`ballot-${first}`).count()).toBe(0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect.poll(() => page.getByTestId('ballots-selected').textContent()).toBe('2 selected');
    await screenshot(page, 'ballots-selected');
    await page.keyboard.press('s');
    await expect.poll(async () => [await statusOf(second), await statusOf(third)]).toEqual(['spam', 'spam']);
    await screenshot(page, 'ballots-after-spam');
  });

  // OCR of a full page runs on one of two shared cores: give it room (no timing is asserted).
  it('lets two moderators transcribe a protocol blind and a third resolve their disagreement', async () => {
    const transcribe = async (page: Page, seven: number, open: 'button' | 'keyboard' = 'button') => {
      await page.getByTestId('nav-protocols').click();
      if (open === 'button')
        await page.getByTestId(`protocol-${seed.protocolId}`).getByTestId('protocol-open').click();
      else {
        // The shared queue keys: Enter opens the current (first) item.
        await page.getByTestId(`protocol-${seed.protocolId}`).waitFor();
        await page.locator('body').click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('Enter');
      }
      await page.getByTestId('transcription-sheet').waitFor();
      for (const [key, value] of Object.entries({ ...CLEAN_PROTOCOL, '7': seven })) {
        await page.getByTestId(`figure-${key}`).fill(String(value));
      }
      await page.getByTestId('transcription-submit').click();
      await page.getByTestId('transcription-outcome').waitFor();
    };
    const first = await signedInPage('moderator');
    await first.getByTestId('nav-protocols').click();
    await first.getByTestId(`protocol-${seed.protocolId}`).getByTestId('protocol-open').click();
    await first.getByTestId('ocr-read').click();
    // Machine-read suggestions appear marked as such (or OCR says why it is unavailable).
    await first
      .locator('[data-testid^="suggestion-"], [data-testid="ocr-note"]')
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(first, 'protocols');
    await transcribe(first, 10);
    const second = await signedInPage('moderator');
    await transcribe(second, 11, 'keyboard');
    expect(await second.getByTestId('outcome-stage').textContent()).toBe(
      'disagreement: needs a third moderator',
    );

    const third = await signedInPage('moderator');
    await third.getByTestId('nav-protocols').click();
    await third.getByTestId(`protocol-${seed.protocolId}`).getByTestId('protocol-open').click();
    await third.getByTestId('candidates').waitFor();
    expect(await third.locator('[data-testid^="figure-"]').count()).toBe(1);
    await screenshot(third, 'protocols-resolve');
    await third.getByTestId('figure-7').fill('12');
    await third.getByTestId('transcription-submit').click();
    await third.getByTestId('outcome-differences').waitFor();
    expect(await third.getByTestId('outcome-differences').textContent()).toContain('7');
    await screenshot(third, 'protocols-resolved');

    await third.getByTestId('nav-violations').click();
    await third.getByTestId(`violation-${seed.violationId}`).waitFor();
    await screenshot(third, 'violations');
    // The region filter: the violation is in r1, so r2 shows nothing.
    await third.getByTestId('violations-area').fill('r2');
    await third.getByTestId('violations-area').press('Enter');
    await third.getByTestId('violations-empty').waitFor();
    await third.getByTestId('violations-area').fill('');
    await third.getByTestId('violations-area').press('Enter');
    await third.getByTestId(`violation-${seed.violationId}`).waitFor();
    // Select with x and verify with v (the same keys as the ballot queue), then find it under "verified".
    await third.locator('body').click({ position: { x: 5, y: 5 } });
    await third.keyboard.press('x');
    await expect.poll(() => third.getByTestId('violations-selected').textContent()).toBe('1 selected');
    await third.keyboard.press('v');
    await third.getByTestId('violations-empty').waitFor();
    expect((await harness.app.violations.list(seed.election, 'verified')).map((v) => v.id)).toEqual([
      seed.violationId,
    ]);
    await third.getByTestId('violations-status').selectOption('verified');
    await third.getByTestId('violation-publish').click();
    await expect
      .poll(async () => (await harness.app.violations.list(seed.election, 'published'))[0]?.text)
      .toContain('[phone]');
  }, 180_000);

  it('lets a coordinator acknowledge SOS, create an invite and revoke it', async () => {
    const page = await signedInPage('coordinator');
    await page.getByTestId('sos-acknowledge').click();
    await expect.poll(() => page.getByTestId('sos-banner').count()).toBe(0);
    await page.getByTestId('nav-observers').click();
    await page.getByTestId('coverage-table').waitFor();
    await page.getByTestId('invite-precincts').fill('p3, p5');
    await page.getByTestId('invite-create').click();
    await page.getByTestId('invite-code').waitFor();
    expect(await page.getByTestId('invite-code').textContent()).toMatch(/^[A-Z2-9]{10}$/);
    await screenshot(page, 'observers');
    const row = page.locator('[data-testid^="invite-"]').filter({ hasText: 'p3, p5' });
    await row.getByTestId('invite-revoke').click();
    await expect.poll(() => row.getByTestId('invite-status').textContent()).toBe('revoked');
    await screenshot(page, 'observers-invite-revoked');

    // A print sheet: one QR per invite; a camera reading the printed QR gets the bot link with that code.
    await page.getByTestId('sheet-precincts').fill('p3 p5');
    await page.getByTestId('sheet-per-precinct').fill('2');
    await page.getByTestId('sheet-create').click();
    await page.getByTestId('invite-sheet').waitFor();
    expect(await page.getByTestId('sheet-qr').count()).toBe(4);
    const card = page.locator('[data-testid^="sheet-invite-"]').nth(2);
    const code = (await card.getByTestId('sheet-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(await decodeQr(await card.getByTestId('sheet-qr').screenshot())).toBe(
      `https://t.me/${BOT}?start=${code}`,
    );
    await screenshot(page, 'invite-sheet');
    const actions = (await harness.app.audit.list({ limit: 100 })).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['sos.acknowledge', 'invite.create', 'invite.revoke', 'invite.sheet']),
    );

    // Official results: a file with a row-level error is previewed with the error named, not imported.
    await page.getByTestId('nav-official').click();
    await page.getByTestId('official-file').setInputFiles({
      name: 'results.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('precinct,registered\np1,1000\np9,abc\n'),
    });
    await page.getByTestId('official-preview').click();
    await page.getByTestId('official-issues').waitFor();
    expect(await page.getByTestId('official-issues').textContent()).toContain('results.csv:3');
    await screenshot(page, 'official');
  });

  it('shows every role the impostor bots voters reported, counted per handle', async () => {
    const election = { id: seed.election.id, slug: seed.election.slug };
    await harness.app.database.db.transaction().execute(async (tx) => {
      for (const voter of ['v1', 'v2', 'v3'])
        await harness.app.impostors.report(tx, election, voter, '@dauys_kz_bott', new Date());
      await harness.app.impostors.report(tx, election, 'v1', '@dauys_vote_bot', new Date());
    });
    const page = await signedInPage('analyst');
    const rows = page.getByTestId('impostor-report');
    await expect.poll(() => rows.count()).toBe(2);
    // As the page reads (HTML collapses the markup's line breaks into spaces).
    const shown = async (row: number) => (await rows.nth(row).innerText()).replace(/\s+/g, ' ');
    expect(await shown(0)).toMatch(/^@dauys_kz_bott — 3 voters, last at /);
    expect(await shown(1)).toMatch(/^@dauys_vote_bot — 1 voter, last at /);
    await screenshot(page, 'home-impostors');
  });

  it('gives an analyst nothing to change, and the API refuses them', async () => {
    const page = await signedInPage('analyst');
    const loaded = {
      ballots: 'ballots-list',
      protocols: `protocol-${seed.protocolId}`,
      violations: `violation-${seed.violationId}`,
      observers: 'coverage-table',
    };
    await page.getByTestId('nav-violations').click();
    await page.getByTestId('violations-status').selectOption('all');
    for (const [screen, marker] of Object.entries(loaded)) {
      await page.getByTestId(`nav-${screen}`).click();
      if (screen === 'violations') await page.getByTestId('violations-status').selectOption('all');
      await page.getByTestId(marker).waitFor();
      expect(
        await page
          .locator(
            'main.screen button[data-testid="approve"], [data-testid="protocol-open"], [data-testid="violation-publish"], [data-testid="invite-create"]',
          )
          .count(),
      ).toBe(0);
    }
    await screenshot(page, 'observers-analyst');
    const statuses = await page.evaluate(async (ids) => {
      const csrf = decodeURIComponent(/dauys_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const post = (url: string, body: unknown) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify(body),
        }).then((r) => r.status);
      return [
        await post('/console/api/ballots/review', { ids, verdict: 'approve' }),
        await post('/console/api/invites', { precincts: ['p2'] }),
        await post('/console/api/official/import', { csv: 'a\n1', mapping: {} }),
      ];
    }, seed.ballotIds);
    expect(statuses).toEqual([403, 403, 403]);
  });

  it('verifies the audit log, then reports the entry an operator tampered with', async () => {
    const page = await signedInPage('analyst');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-result').textContent()).toMatch(/^Chain intact/);
    await screenshot(page, 'audit');
    const { id } = await harness.app.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'ballot.spam')
      .executeTakeFirstOrThrow();
    await harness.app.database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
      await sql`update audit_log set after = '{"status":"confirmed"}' where id = ${id}`.execute(tx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
    });
    await page.getByTestId('audit-verify').click();
    await expect
      .poll(() => page.getByTestId('audit-result').textContent())
      .toContain(`Chain broken at entry #${id}:`);
    await screenshot(page, 'audit-broken');
  });
});
