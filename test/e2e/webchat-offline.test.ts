import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { type TestServer } from '../support/start-test-server';
import { chatPage, startChatServer, walkToChoice } from './webchat-driver';

/** Screenshots for a person to look at; outside the repository. */
const SHOTS = path.join(os.tmpdir(), 'dauys-offline-chat');

/** What the page kept on the phone (IndexedDB), oldest first. */
type Saved = { clientMessageId: string; sentAt: string; kind: string };

describe.skipIf(chromiumMissing('offline web chat e2e'))('the web chat with the internet cut', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ballotJpeg: Buffer;

  beforeAll(async () => {
    ({ server, ballotJpeg } = await startChatServer('webchat-offline', 11));
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 860 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const panelButton = (label: string) => chatPage(page).panelButton(label);
  const lastBotText = () => chatPage(page).lastBotText();
  const notice = () => page.locator('[data-testid="saved-offline"]');
  const saved = () =>
    page.evaluate(
      () =>
        new Promise<Saved[]>((resolve, reject) => {
          const open = indexedDB.open('dauys-chat', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => {
              resolve(
                (all.result as Saved[]).map(({ clientMessageId, sentAt, kind }) => ({
                  clientMessageId,
                  sentAt,
                  kind,
                })),
              );
              open.result.close();
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );

  it('serves the worker and manifest with their headers, scoped to /chat only', async () => {
    const worker = await fetch(`${server.url}/chat/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('service-worker-allowed')).toBe('/chat');
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await worker.text()).toContain('/assets/chat-');
    const manifest = await fetch(`${server.url}/chat/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/manifest\+json/);
    expect(await manifest.json()).toMatchObject({
      start_url: '/chat',
      scope: '/chat',
      display: 'standalone',
    });
    for (const size of [192, 512]) {
      const icon = await fetch(`${server.url}/chat/icon-${size}.png`);
      expect(icon.headers.get('content-type')).toBe('image/png');
    }
    const session = await fetch(`${server.url}/webchat/api/session`, { method: 'POST' });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const badDate = await fetch(`${server.url}/webchat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        clientMessageId: 'd1',
        sentAt: 'yesterday',
        input: { kind: 'text', text: 'hi' },
      }),
    });
    expect(badDate.status).toBe(400);
    expect(((await badDate.json()) as { issues: Array<{ where: string }> }).issues[0]?.where).toBe(
      'body.sentAt',
    );
  });

  it('keeps the answers on the phone offline, reopens offline, and sends them in order when back', async () => {
    await page.goto(`${server.url}/chat`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dauys: report your vote');
    // The worker has cached the shell and controls the page.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 })
      .toBe(true);

    await walkToChoice(page);

    // The internet is cut: the choice and the photo stay on the phone.
    const offlineAt = new Date();
    await context.setOffline(true);
    await panelButton('Adal Political Party').click();
    await expect
      .poll(() => notice().textContent())
      .toContain('saved on this phone, will be sent when the connection returns');
    await expect.poll(() => notice().textContent()).toContain('1 message)');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'ballot.jpg', mimeType: 'image/jpeg', buffer: ballotJpeg });
    await expect.poll(() => notice().textContent()).toContain('2 messages');
    await expect.poll(() => page.locator('[data-testid="saved-on-phone"]').count()).toBe(2);
    const queued = await saved();
    expect(queued.map((m) => m.kind)).toEqual(['input', 'photo']);
    const ballots = () =>
      server.app.elections
        .require('webchat-offline')
        .then((election) => server.app.moderation.ballotQueue(election, { status: 'all', photo: 'any' }));
    expect(await ballots()).toEqual([]);

    // Reopened with no network: the shell comes from the service worker, the saved messages from IndexedDB.
    await page.reload();
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 15_000 })
      .toBe('Dauys: report your vote');
    await expect.poll(() => notice().textContent(), { timeout: 15_000 }).toContain('2 messages');
    expect(await page.locator('.line.me').last().textContent()).toContain('ballot.jpg');

    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [language, label] of [
      ['kk', 'Қазақша'],
      ['ru', 'Русский'],
    ] as const) {
      await page.getByRole('button', { name: label }).click();
      for (const [width, name] of [
        [360, 'phone'],
        [1280, 'desktop'],
      ] as const) {
        await page.setViewportSize({ width, height: 780 });
        // Nothing sticks out sideways at 360 px either.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // The log stays at its end, where the lines saved on the phone are.
        await expect
          .poll(() =>
            page.evaluate(() => {
              const log = document.querySelector('.log')!;
              return log.scrollHeight - log.scrollTop - log.clientHeight;
            }),
          )
          .toBeLessThan(2);
        await page.screenshot({ path: path.join(SHOTS, `offline-${language}-${name}.png`) });
      }
    }
    expect(await notice().textContent()).toContain('будет отправлено, когда связь вернётся');
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 390, height: 860 });

    // The connection returns: the two go out in the order composed, with their ids and device times.
    const posted: Array<{ clientMessageId: string | null; sentAt: string | null }> = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() !== 'POST' || !/\/webchat\/api\/(messages|photo)$/.test(url.pathname)) return;
      const body = url.pathname.endsWith('/photo')
        ? Object.fromEntries(url.searchParams)
        : (JSON.parse(request.postData() ?? '{}') as Record<string, string>);
      posted.push({ clientMessageId: body.clientMessageId ?? null, sentAt: body.sentAt ?? null });
    });
    const onlineAt = new Date();
    await context.setOffline(false);
    await expect
      .poll(() => lastBotText().textContent(), { timeout: 20_000 })
      .toContain('Photo of the ballot: attached');
    await expect.poll(() => notice().count()).toBe(0);
    expect(await saved()).toEqual([]);
    expect(posted.slice(0, 2)).toEqual(
      queued.map(({ clientMessageId, sentAt }) => ({ clientMessageId, sentAt })),
    );
    await panelButton('Confirm').click();
    await expect
      .poll(() => lastBotText().textContent(), { timeout: 15_000 })
      .toContain('Thank you! Your vote is recorded.');

    // One vote, dated by the phone's clock when the photo was attached (inside the polls: kept),
    // and marked device-dated.
    const [vote, ...others] = await ballots();
    expect(others).toEqual([]);
    expect(vote).toMatchObject({ choiceId: 'adal', deviceDated: true, sentAt: queued[1]!.sentAt });
    expect(new Date(vote!.sentAt).getTime()).toBeGreaterThanOrEqual(offlineAt.getTime());
    expect(new Date(vote!.sentAt).getTime()).toBeLessThanOrEqual(onlineAt.getTime());
    await expect
      .poll(
        async () => {
          const response = await fetch(`${server.url}/api/v1/elections/webchat-offline/summary?area=p1`);
          return ((await response.json()) as { voters: { received: number } }).voters.received;
        },
        { timeout: 20_000 },
      )
      .toBe(1);
  });

  it('leaves the dashboard outside the worker’s scope', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  });
});
