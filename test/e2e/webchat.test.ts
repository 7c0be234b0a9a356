import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { type TestServer } from '../support/start-test-server';
import { REPO_ROOT } from '../support/tiny-election';
import { chatPage, startChatServer, walkToChoice } from './webchat-driver';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

describe.skipIf(chromiumMissing('web chat e2e'))('the web chat in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let ballotJpeg: Buffer;

  beforeAll(async () => {
    ({ server, ballotJpeg } = await startChatServer('webchat-open', 7));
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 480, height: 860 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const panelButton = (label: string) => chatPage(page).panelButton(label);
  const lastBotText = () => chatPage(page).lastBotText();

  it('takes a vote with a photo upload from Start to thanks, and the tally shows it', async () => {
    await page.goto(`${server.url}/chat`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dauys: report your vote');
    await walkToChoice(page);
    await panelButton('Adal Political Party').click();
    await expect.poll(() => lastBotText().textContent(), { timeout: 15_000 }).toContain('Send a photo');

    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'ballot.jpg', mimeType: 'image/jpeg', buffer: ballotJpeg });
    await expect
      .poll(() => lastBotText().textContent(), { timeout: 15_000 })
      .toContain('Photo of the ballot: attached');
    await expect.poll(() => page.locator('.line.me').last().textContent()).toContain('ballot.jpg');

    await panelButton('Confirm').click();
    await expect
      .poll(() => lastBotText().textContent(), { timeout: 15_000 })
      .toContain('Thank you! Your vote is recorded.');
    // The results link is a link.
    expect(await lastBotText().locator('a[href^="http"]').count()).toBe(1);
    // "Attach a photo" stays on one line at 390 px.
    await page.setViewportSize({ width: 390, height: 860 });
    const attach = await page.locator('.attach').boundingBox();
    expect(attach?.height).toBeLessThan(48);
    await page.setViewportSize({ width: 480, height: 860 });
    // A reload keeps the visitor's own lines, in their place.
    const before = await page.locator('.line').allTextContents();
    expect(await page.locator('[data-testid="my-message"]').count()).toBeGreaterThanOrEqual(5);
    await page.reload();
    await expect.poll(() => page.locator('.line').allTextContents(), { timeout: 15_000 }).toEqual(before);
    // ...and the bot's earlier prompts, which the server's edited panel no longer holds, each
    // before the answer the visitor gave to it.
    const transcript = (await page.locator('.line').allTextContents()).join('\n');
    const order = [
      'Choose your region.',
      'Region 1',
      'Choose your district',
      'District 1',
      'Choose your precinct',
      '101',
      'Whom did you vote for?',
    ];
    const positions = order.map((piece) => transcript.indexOf(piece));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-vote.png'), fullPage: true });

    await expect
      .poll(
        async () => {
          const response = await fetch(`${server.url}/api/v1/elections/webchat-open/summary?area=p1`);
          return (
            (await response.json()) as {
              voters: { confirmed: number; choices: Array<{ id: string; count: number }> };
            }
          ).voters;
        },
        { timeout: 20_000 },
      )
      .toMatchObject({ confirmed: 1 });
  });

  it('switches the page language and answers a sticker-like surprise with a reprompt', async () => {
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dauys: сообщите свой голос');
    await page.getByRole('textbox').fill('hello?');
    await page.getByRole('button', { name: 'Отправить' }).click();
    // The conversation itself stays in the language chosen in it (English).
    await expect
      .poll(() => lastBotText().textContent(), { timeout: 15_000 })
      .toContain('I did not understand that.');
    await expect.poll(() => panelButton('Correct my vote').count()).toBe(1);
  });

  it('refuses a post without a session, a photo over the size cap and a body that is not an image, changing nothing', async () => {
    const noSession = await fetch(`${server.url}/webchat/api/photo?clientMessageId=anon1`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(10),
    });
    expect(noSession.status).toBe(401);
    const session = await fetch(`${server.url}/webchat/api/session`, { method: 'POST' });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^dauys_chat=/);
    const tooBig = await fetch(`${server.url}/webchat/api/photo?clientMessageId=big1`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', cookie },
      body: new Uint8Array(10 * 1024 * 1024 + 1),
    });
    expect(tooBig.status).toBe(413);
    const notImage = await fetch(`${server.url}/webchat/api/photo?clientMessageId=txt1`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: 'not a photo',
    });
    expect(notImage.status).toBe(400);
    expect(((await notImage.json()) as { issues: Array<{ where: string }> }).issues[0]?.where).toBe(
      'header.content-type',
    );
    const badInput = await fetch(`${server.url}/webchat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ clientMessageId: 'x1', input: { kind: 'command', command: 'drop_tables' } }),
    });
    expect(badInput.status).toBe(400);
    expect(((await badInput.json()) as { issues: Array<{ where: string }> }).issues[0]?.where).toBe(
      'body.input.command',
    );
  });
});
