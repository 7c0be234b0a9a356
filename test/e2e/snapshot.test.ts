import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { snapshotFile } from '../../src/domain/snapshot/snapshot-layout';
import { manifestSignedText, type SnapshotManifest } from '../../src/domain/snapshot/snapshot-manifest';
import { buildServer } from '../../src/http/server';
import { SECTIONS } from '../../src/i18n/catalogs/sections';
import { formatCount, formatDateTime } from '../../src/i18n/format';
import { formatMessage } from '../../src/i18n/message-format';
import { snapshotSigningKey } from '../../src/security/snapshot-signing';
import type { Summary } from '../../web/shared/api-types';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { seedDashboard } from '../support/dashboard-seed';
import { runDauys } from '../support/dauys-process';
import { DEMO_ELECTION_FILE, REPO_ROOT } from '../support/tiny-election';

const SLUG = 'kz-2021-mazhilis';
const WEB_DIR = path.join(REPO_ROOT, 'dist/web');
const SECRET = 'snapshot-e2e-secret-0123456789abcdef';
const PREFIX = '/mirror/';

/** A plain static file server (node:http + fs, nothing else) serving `dir` under `/mirror/`; it records every request. */
async function serveStatic(
  dir: string,
): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.csv': 'text/csv',
  };
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://mirror').pathname;
    requests.push(pathname);
    const relative = pathname.startsWith(PREFIX) ? decodeURIComponent(pathname.slice(PREFIX.length)) : null;
    const file = relative === null ? null : path.join(dir, relative === '' ? 'index.html' : relative);
    if (!file || !file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(chromiumMissing('snapshot e2e'))('a snapshot served by a plain static mirror', () => {
  let app: App;
  let live: FastifyInstance;
  let liveUrl: string;
  let dataDir: string;
  let snapshotDir: string;
  let manifest: SnapshotManifest;
  let mirror: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    const html = fs.existsSync(path.join(WEB_DIR, 'index.html'))
      ? fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8')
      : null;
    // A build from before the relative base (or none) is rebuilt: the snapshot refuses absolute URLs.
    if (!html || /\b(?:src|href)="\//.test(html)) {
      const { build } = await import('vite');
      await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dauys-snapshot-e2e-'));
    app = await createApp(loadConfig({ DAUYS_DATA_DIR: dataDir, DAUYS_SECRET: SECRET, LOG_LEVEL: 'silent' }));
    await app.elections.loadFile(DEMO_ELECTION_FILE);
    await seedDashboard(app, SLUG);
    await app.transparency.appendPending();
    live = await buildServer(app, { webDir: WEB_DIR });
    liveUrl = await live.listen({ port: 0, host: '127.0.0.1' });

    // The real command, beside the running app (it reads through the data dir's socket).
    snapshotDir = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), 'dauys-mirror-')), 'copy');
    const made = await runDauys(['snapshot', snapshotDir, '--down-to', 'region'], {
      DAUYS_DATA_DIR: dataDir,
      DAUYS_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`snapshot of ${SLUG}`);
    manifest = JSON.parse(
      await fsp.readFile(path.join(snapshotDir, 'manifest.json'), 'utf8'),
    ) as SnapshotManifest;
    mirror = await serveStatic(snapshotDir);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    // The browser and the mirror are independent; the live server goes before the app it reads.
    await Promise.all([browser?.close(), mirror?.close()]);
    await live?.close();
    await app?.close();
    for (const dir of [dataDir, snapshotDir && path.dirname(snapshotDir)]) {
      if (dir) await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  async function liveJson<T>(apiPath: string): Promise<T> {
    return (await (await fetch(`${liveUrl}/api/v1${apiPath}`)).json()) as T;
  }

  async function openMirror(query: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${mirror.url}${PREFIX}${query}`);
    await page.locator('[data-testid=statistics-table]').waitFor();
    return page;
  }

  /** The table's official and voters' counts must be the live API's, formatted. */
  async function expectFiguresOf(page: Page, area?: string): Promise<void> {
    const summary = await liveJson<Summary>(`/elections/${SLUG}/summary${area ? `?area=${area}` : ''}`);
    const heading = summary.area ? summary.area.names.en : SECTIONS.dashboard.en['area.wholeElection'];
    await expect.poll(() => page.locator('#stats-heading').textContent()).toContain(heading);
    expect(summary.official?.choices.length).toBeGreaterThan(0);
    for (const choice of summary.official?.choices ?? []) {
      const cell = page.locator(
        `[data-testid=statistics-table] tr[data-row="choice:${choice.id}"] td[data-source=official] .count`,
      );
      await expect.poll(() => cell.textContent()).toBe(formatCount('en', choice.votes));
    }
    expect(summary.voters?.received).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=headline-votes-received] dd').textContent()).toBe(
      formatCount('en', summary.voters!.received),
    );
  }

  it('shows the snapshot’s figures, equal to the API’s, under a sub-path, asking the mirror only', async () => {
    const page = await openMirror('?lang=en');
    await expectFiguresOf(page);
    const notice = page.locator('[data-testid=snapshot-notice]');
    expect(await notice.textContent()).toContain(
      formatMessage('en', SECTIONS.dashboard.en['status.snapshot'], {
        time: formatDateTime('en', manifest.takenAt),
      }),
    );
    expect(await page.locator('[data-testid=refresh-status]').textContent()).toContain(
      SECTIONS.dashboard.en['status.snapshotFixed'],
    );
    // The published violation of the seed is in the feed, read from its file.
    await page.locator('[data-testid=violations-feed] li').first().waitFor();

    await page.selectOption('[data-testid=area-select-region]', 'kz-akm');
    await expectFiguresOf(page, 'kz-akm');

    // The open-data link leads to the file beside the page, the API's own bytes.
    const csvHref = await page.locator('a[download]').getAttribute('href');
    const csv = await (await fetch(new URL(csvHref!, page.url()))).text();
    expect(csv).toBe(await (await fetch(`${liveUrl}/api/v1/elections/${SLUG}/export.csv`)).text());

    // The analysis view reads its file too, and links the printable report beside it.
    await page.goto(`${mirror.url}${PREFIX}?lang=en&view=analysis`);
    const report = page.locator('[data-testid=printable-report]');
    await report.waitFor();
    const reportUrl = new URL((await report.getAttribute('href'))!, page.url());
    expect(reportUrl.pathname.startsWith(PREFIX)).toBe(true);
    expect((await fetch(reportUrl)).status).toBe(200);

    // Relative URLs only: nothing was asked outside the prefix, and nothing was missing.
    expect(mirror.requests.filter((request) => !request.startsWith(PREFIX))).toEqual([]);
    const missing = mirror.requests.filter(
      (request) =>
        !fs.existsSync(
          path.join(snapshotDir, decodeURIComponent(request.slice(PREFIX.length)) || 'index.html'),
        ),
    );
    expect(missing).toEqual([]);
    await page.close();
  });

  it('says when the snapshot was taken in Kazakh and Russian too', async () => {
    for (const locale of ['kk', 'ru'] as const) {
      const page = await openMirror(`?lang=${locale}`);
      expect(await page.locator('[data-testid=snapshot-notice]').textContent()).toContain(
        formatMessage(locale, SECTIONS.dashboard[locale]['status.snapshot'], {
          time: formatDateTime(locale, manifest.takenAt),
        }),
      );
      await page.close();
    }
  });

  it('lists every file with its hash, the transparency root, and the key the instance signs with', async () => {
    const head = await liveJson<{ size: number; root: string }>(`/elections/${SLUG}/transparency`);
    expect(head.size).toBeGreaterThan(0);
    expect(manifest.transparency).toEqual({ size: head.size, root: head.root });
    expect(manifest.publicKey).toBe(snapshotSigningKey(SECRET).publicKey);
    expect((await liveJson<{ snapshotKey: string }>(`/elections/${SLUG}/transparency`)).snapshotKey).toBe(
      manifest.publicKey,
    );
    const paths = manifest.files.map((file) => file.path);
    for (const apiPath of [
      '/elections',
      `/elections/${SLUG}/summary`,
      `/elections/${SLUG}/summary?area=kz-akm`,
      `/elections/${SLUG}/export.csv`,
      `/elections/${SLUG}/datapackage.json`,
      `/elections/${SLUG}/transparency.ndjson`,
    ]) {
      expect(paths).toContain(snapshotFile(apiPath));
    }
    expect(paths).toContain('index.html');
    // The summary file is the live API's body, byte for byte.
    expect(
      await fsp.readFile(path.join(snapshotDir, snapshotFile(`/elections/${SLUG}/summary`)), 'utf8'),
    ).toBe(await (await fetch(`${liveUrl}/api/v1/elections/${SLUG}/summary`)).text());
  });

  it('`dauys verify` passes on the untouched copy and fails naming a changed file or an altered signature', async () => {
    const key = snapshotSigningKey(SECRET).publicKey;
    const good = await runDauys(['verify', snapshotDir, '--key', key, '--against', liveUrl]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`verified: ${manifest.files.length} files`);

    const changed = path.join(path.dirname(snapshotDir), 'changed');
    await fsp.cp(snapshotDir, changed, { recursive: true });
    const victim = snapshotFile(`/elections/${SLUG}/summary?area=kz-akm`);
    const bytes = await fsp.readFile(path.join(changed, victim));
    // One digit of one figure, the JSON still valid: only the hash can tell.
    const at = bytes.findIndex((byte) => byte >= 0x30 && byte <= 0x39);
    bytes[at] = bytes[at] === 0x39 ? 0x38 : bytes[at]! + 1;
    await fsp.writeFile(path.join(changed, victim), bytes);
    const caught = await runDauys(['verify', changed]);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toContain(`${victim}: does not match the manifest`);
    expect(caught.stderr).not.toContain('signature');

    const forged = path.join(path.dirname(snapshotDir), 'forged');
    await fsp.cp(snapshotDir, forged, { recursive: true });
    const forgedManifest = structuredClone(manifest);
    const value = forgedManifest.signature.value;
    forgedManifest.signature.value = (value[0] === '0' ? '1' : '0') + value.slice(1);
    await fsp.writeFile(path.join(forged, 'manifest.json'), JSON.stringify(forgedManifest, null, 2));
    const refused = await runDauys(['verify', forged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('manifest.json: the signature does not match');

    // The instance's copy checked with another instance's key: the signature holds, the pin does not.
    const stranger = snapshotSigningKey('another-instance-secret-0123456789');
    const other = await runDauys(['verify', snapshotDir, '--key', stranger.publicKey]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`manifest.json: signed by ${key}`);

    // A mirror re-signed by a stranger is consistent in itself; the live instance's published key refutes it.
    const resigned = path.join(path.dirname(snapshotDir), 'resigned');
    await fsp.cp(snapshotDir, resigned, { recursive: true });
    const body = { ...manifest, publicKey: stranger.publicKey };
    const strangers = {
      ...body,
      signature: { ...manifest.signature, value: stranger.sign(manifestSignedText(body)) },
    };
    await fsp.writeFile(path.join(resigned, 'manifest.json'), JSON.stringify(strangers, null, 2));
    expect((await runDauys(['verify', resigned])).code).toBe(0);
    const refuted = await runDauys(['verify', resigned, '--against', liveUrl]);
    expect(refuted.code).toBe(1);
    expect(refuted.stderr).toContain(
      `manifest.json: signed by ${stranger.publicKey}, but ${liveUrl} publishes the key ${key}`,
    );
  });
});
