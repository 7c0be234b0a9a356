import fs from 'node:fs/promises';
import path from 'node:path';
import { invalidInput } from '../../errors';
import { merkleRoot } from '../../domain/transparency/merkle-tree';
import {
  MANIFEST_FILE,
  manifestSignedText,
  SNAPSHOT_FORMAT,
  type SnapshotManifest,
} from '../../domain/snapshot/snapshot-manifest';
import { snapshotFile } from '../../domain/snapshot/snapshot-layout';
import { verifySnapshotSignature } from '../../security/snapshot-signing';
import { entryLeaf } from '../../services/transparency.service';
import { parseTransparencyExport } from '../transparency-export';
import { listFiles } from './write-snapshot';

export interface VerifySnapshotOptions {
  /** The public key the instance published (hex): the manifest must carry and be signed by it. */
  key?: string | undefined;
  /** A live instance's base URL: its transparency log must extend the snapshot's root. */
  against?: string | undefined;
}

export interface SnapshotVerification {
  manifest: SnapshotManifest;
  /** One line per problem, each naming the file (or the manifest field) that does not match. */
  failures: string[];
}

/**
 * Checks a snapshot directory: every file the manifest lists has its size and SHA-256 and no
 * file is unlisted; the Ed25519 signature over the manifest holds (and is the pinned key's);
 * the snapshot's own transparency export hashes to the manifest's root at its size; and, with
 * `against`, the live instance publishes the key that signed it and its log's first `size`
 * records hash to that same root (the log was only appended to since, so the mirror shows what
 * the instance committed to).
 */
export async function verifySnapshot(
  dir: string,
  options: VerifySnapshotOptions = {},
): Promise<SnapshotVerification> {
  const manifest = await readManifest(dir);
  const failures: string[] = [];

  const present = new Map((await listFiles(dir)).map((file) => [file.path, file]));
  for (const expected of manifest.files) {
    const found = present.get(expected.path);
    present.delete(expected.path);
    if (!found) failures.push(`${expected.path}: missing`);
    else if (found.sha256 !== expected.sha256 || found.size !== expected.size) {
      failures.push(
        `${expected.path}: does not match the manifest (SHA-256 ${found.sha256}, ${found.size} bytes; ` +
          `expected ${expected.sha256}, ${expected.size} bytes)`,
      );
    }
  }
  for (const extra of present.keys()) failures.push(`${extra}: not in the manifest`);

  if (
    !verifySnapshotSignature(
      manifest.publicKey,
      manifestSignedText(manifest),
      manifest.signature?.value ?? '',
    )
  ) {
    failures.push(`${MANIFEST_FILE}: the signature does not match its content and public key`);
  }
  if (options.key && options.key.toLowerCase() !== manifest.publicKey.toLowerCase()) {
    failures.push(`${MANIFEST_FILE}: signed by ${manifest.publicKey}, not by the key given (${options.key})`);
  }

  const ownLog = snapshotFile(`/elections/${encodeURIComponent(manifest.election)}/transparency.ndjson`);
  const own = await fs.readFile(path.join(dir, ...ownLog.split('/')), 'utf8').catch(() => null);
  if (own === null) failures.push(`${ownLog}: missing`);
  else {
    const problem = rootProblem(own, ownLog, manifest.transparency);
    if (problem) failures.push(problem);
  }

  if (options.against) failures.push(...(await liveProblems(options.against, manifest)));
  return { manifest, failures };
}

/**
 * Against the live instance: the key it publishes beside its root (GET …/transparency) signed
 * the manifest, and its log's first `size` records hash to the manifest's root.
 */
async function liveProblems(against: string, manifest: SnapshotManifest): Promise<string[]> {
  const base = `${against.replace(/\/+$/, '')}/api/v1/elections/${encodeURIComponent(manifest.election)}`;
  const get = async (url: string): Promise<string | null> => {
    const response = await fetch(url).catch((error: Error) => {
      throw invalidInput(`cannot fetch ${url}`, [{ where: '--against', message: error.message }]);
    });
    return response.ok ? response.text() : null;
  };
  const problems: string[] = [];
  const head = await get(`${base}/transparency`);
  const liveKey = head === null ? undefined : (JSON.parse(head) as { snapshotKey?: string }).snapshotKey;
  if (head === null) problems.push(`${base}/transparency: not answered`);
  else if (liveKey !== manifest.publicKey) {
    problems.push(
      `${MANIFEST_FILE}: signed by ${manifest.publicKey}, but ${against} publishes the key ${liveKey ?? '(none)'}`,
    );
  }
  const log = await get(`${base}/transparency.ndjson`);
  if (log === null) problems.push(`${base}/transparency.ndjson: not answered`);
  else {
    const problem = rootProblem(log, `${base}/transparency.ndjson`, manifest.transparency);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Why the log in `text` does not start with the snapshot's root, or null when it does. */
function rootProblem(text: string, where: string, expected: { size: number; root: string }): string | null {
  const { entries } = parseTransparencyExport(text, where);
  if (entries.length < expected.size) {
    return `${where}: has ${entries.length} records, fewer than the ${expected.size} the snapshot's root covers`;
  }
  const root = merkleRoot(entries.slice(0, expected.size).map(entryLeaf)).toString('hex');
  return root === expected.root
    ? null
    : `${where}: its first ${expected.size} records hash to ${root}, not the manifest's root ${expected.root}`;
}

async function readManifest(dir: string): Promise<SnapshotManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw invalidInput(`${dir} is not a snapshot`, [{ where: file, message: 'no such file' }]);
  });
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(text) as SnapshotManifest;
  } catch {
    throw invalidInput(`${file} is not JSON`, [{ where: file, message: 'not JSON' }]);
  }
  if (
    manifest.format !== SNAPSHOT_FORMAT ||
    !Array.isArray(manifest.files) ||
    typeof manifest.publicKey !== 'string'
  ) {
    throw invalidInput(`${file} is not a snapshot manifest`, [
      { where: `${file}: format`, message: `expected ${SNAPSHOT_FORMAT}` },
    ]);
  }
  return manifest;
}
