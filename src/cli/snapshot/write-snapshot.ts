import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../../app';
import type { PublicApiServices } from '../../http/public/public-api.routes';
import { invalidInput } from '../../errors';
import {
  MANIFEST_FILE,
  manifestSignedText,
  SNAPSHOT_FORMAT,
  type SnapshotFileEntry,
  type SnapshotManifest,
  type SnapshotManifestBody,
} from '../../domain/snapshot/snapshot-manifest';
import { SNAPSHOT_META_NAME, snapshotFile } from '../../domain/snapshot/snapshot-layout';
import { snapshotSigningKey } from '../../security/snapshot-signing';
import { collectAnswers, type CollectOptions } from './collect-answers';
import { openPublicApiReader } from './public-api-reader';

export interface SnapshotOptions extends CollectOptions {
  /** The built front end (dist/web), whose dashboard page and assets are copied. */
  webDir: string;
}

/** What a snapshot uses: the public API's services, the log to warn in, the secret it signs with. */
export type SnapshotServices = PublicApiServices & Pick<App, 'logger' | 'secret'>;

/**
 * Writes one election's dashboard and open data of this moment into `dir` as static files, and a
 * manifest of every file's SHA-256 signed with the instance's snapshot key. Reads only.
 */
export async function writeSnapshot(
  app: SnapshotServices,
  dir: string,
  options: SnapshotOptions,
): Promise<SnapshotManifest> {
  await refuseNonEmpty(dir);
  const page = await snapshotPage(options.webDir);
  const base = `/elections/${encodeURIComponent(options.election)}`;
  const api = await openPublicApiReader(app);
  let headBody: Buffer;
  let answers: Map<string, Buffer>;
  const takenAt = new Date().toISOString();
  try {
    // The head first: the root commits to records up to now; the figures may be a moment newer.
    headBody = (await api.get(`${base}/transparency`)).body;
    answers = await collectAnswers(api, options);
  } finally {
    await api.close();
  }
  answers.set(`${base}/transparency`, headBody);
  const head = JSON.parse(headBody.toString('utf8')) as { size: number; root: string };

  await fs.mkdir(dir, { recursive: true });
  await copyAssets(options.webDir, dir);
  const html = page.replace(
    '<head>',
    `<head>\n    <meta name="${SNAPSHOT_META_NAME}" content="${takenAt}" />`,
  );
  await fs.writeFile(path.join(dir, 'index.html'), html);
  for (const [apiPath, body] of answers) {
    const file = path.join(dir, ...snapshotFile(apiPath).split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, body);
  }

  const key = snapshotSigningKey(app.secret);
  const body: SnapshotManifestBody = {
    format: SNAPSHOT_FORMAT,
    election: options.election,
    takenAt,
    source: app.config.PUBLIC_URL ?? null,
    transparency: { size: head.size, root: head.root },
    files: await listFiles(dir),
    publicKey: key.publicKey,
  };
  const manifest: SnapshotManifest = {
    ...body,
    signature: {
      algorithm: 'Ed25519',
      covers: 'canonical JSON (sorted keys, no spaces) of manifest.json without its "signature" field',
      value: key.sign(manifestSignedText(body)),
    },
  };
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** Every file under `dir` (but the manifest) with its size and SHA-256, sorted by path. */
export async function listFiles(dir: string): Promise<SnapshotFileEntry[]> {
  const names = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => name !== MANIFEST_FILE)
    .sort();
  const files: SnapshotFileEntry[] = [];
  for (const name of names) {
    const bytes = await fs.readFile(path.join(dir, ...name.split('/')));
    files.push({
      path: name,
      size: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return files;
}

/** The built dashboard page, refused unless all its URLs are relative (a mirror has any prefix). */
async function snapshotPage(webDir: string): Promise<string> {
  const html = await fs.readFile(path.join(webDir, 'index.html'), 'utf8').catch(() => {
    throw invalidInput(`no built dashboard in ${webDir}`, [
      { where: webDir, message: 'run `npm run build` (npm ci does it)' },
    ]);
  });
  const absolute = html.match(/\b(?:src|href)="\/[^"]*"/);
  if (absolute) {
    throw invalidInput(`the built dashboard uses an absolute URL (${absolute[0]})`, [
      { where: path.join(webDir, 'index.html'), message: "rebuild with vite.config.ts's base './'" },
    ]);
  }
  return html;
}

/** The dashboard's assets and icons; the console's and the web chat's pages stay out of a mirror. */
async function copyAssets(webDir: string, dir: string): Promise<void> {
  for (const entry of await fs.readdir(webDir, { withFileTypes: true })) {
    if (entry.name === 'index.html' || (entry.isDirectory() && entry.name !== 'assets')) continue;
    await fs.cp(path.join(webDir, entry.name), path.join(dir, entry.name), { recursive: true });
  }
}

async function refuseNonEmpty(dir: string): Promise<void> {
  const entries = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) {
    throw invalidInput(`${dir} is not empty`, [
      { where: dir, message: 'a snapshot is written into a new or empty directory' },
    ]);
  }
}
