import fs from 'node:fs';
import { DauysError } from '../errors';

/** Debian's Chromium by default; `CHROMIUM_PATH` names another. Never a browser downloaded by a tool. */
export function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Flags for a root, offline, headless run: without the networking ones Chromium keeps calling home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium executable, or a runtime error (exit code 1) saying how to get one.
 *
 * @example
 * const executablePath = requireChromium('a PDF report');
 */
export function requireChromium(purpose: string): string {
  const executable = chromiumExecutable();
  if (!fs.existsSync(executable)) {
    throw new DauysError(
      'DAUYS_ERR_INTERNAL',
      `${purpose} needs Chromium, and there is none at ${executable}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return executable;
}
