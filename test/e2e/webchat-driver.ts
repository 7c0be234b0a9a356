import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { generateBallotPhoto } from '../../src/simulation/ballot-image';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { REPO_ROOT } from '../support/tiny-election';
import { writeOpenElection } from './voter-election-files';

/**
 * A server with the conversations running and an election whose polls are open now, and a real
 * JPEG (sharp) of its ballot marked for Adal, as the voter will say: the ballot check confirms it.
 */
export async function startChatServer(
  slug: string,
  seed: number,
): Promise<{ server: TestServer; ballotJpeg: Buffer }> {
  for (const built of ['dist/web/chat/index.html', 'dist/web/chat/sw.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` (npx vite build) first`);
    }
  }
  const server = await startTestServer({ conversations: 'app' });
  await server.app.elections.loadFile((await writeOpenElection(slug)).electionFile);
  const { definition } = await server.app.elections.require(slug);
  const ballotJpeg = (
    await generateBallotPhoto(definition, { seed, marking: { kind: 'one', choiceId: 'adal' } })
  ).jpeg;
  return { server, ballotJpeg };
}

/** The web chat's page as a visitor sees it: the live panel's buttons, the bot's newest text. */
export function chatPage(page: Page) {
  return {
    panelButton: (label: string) => page.locator('.line.bot .buttons button', { hasText: label }),
    lastBotText: () => page.locator('[data-testid="bot-message"] p').last(),
  };
}

/** From Start to "Whom did you vote for?": Region 1 → District 1, the precinct typed as 101. */
export async function walkToChoice(page: Page): Promise<void> {
  const { panelButton, lastBotText } = chatPage(page);
  await page.getByRole('button', { name: 'Start' }).click();
  // The page's language is already chosen: no language question, straight to the note.
  await expect.poll(() => lastBotText().textContent(), { timeout: 15_000 }).toContain('What I keep');
  expect(await page.locator('.line.bot .buttons button', { hasText: 'English' }).count()).toBe(0);
  await panelButton('Continue').click();
  await expect.poll(() => lastBotText().textContent(), { timeout: 15_000 }).toContain('Choose your region.');
  await panelButton('Region 1').click();
  await expect.poll(() => lastBotText().textContent(), { timeout: 15_000 }).toContain('Choose your district');
  await panelButton('District 1').click();
  await expect.poll(() => lastBotText().textContent(), { timeout: 15_000 }).toContain('Choose your precinct');
  // Typing the number works too, as in Telegram.
  await page.getByRole('textbox').fill('101');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(() => lastBotText().textContent(), { timeout: 15_000 })
    .toContain('Whom did you vote for?');
}
