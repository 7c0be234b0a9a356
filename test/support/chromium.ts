import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/services/chromium-browser';

/** Debian's Chromium, installed by .ci/run; never a browser downloaded by a test tool. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether a browser suite can run. Under CI=true a missing Chromium is a failure (thrown while
 * the suite is collected); elsewhere the suite is skipped with a message saying how to install it.
 *
 * @example
 * describe.skipIf(chromiumMissing('dashboard e2e'))('the dashboard in Chromium', () => { … });
 */
export function chromiumMissing(suite: string): boolean {
  const missing = !fs.existsSync(CHROMIUM);
  if (missing && process.env.CI === 'true') {
    throw new Error(
      `CI=true but ${CHROMIUM} is missing: ${suite} cannot run (install Debian's chromium; see .ci/run)`,
    );
  }
  if (missing) console.warn(`${suite}: SKIPPED, ${CHROMIUM} not found (apt-get install chromium)`);
  return missing;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
