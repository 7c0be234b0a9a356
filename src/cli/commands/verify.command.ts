import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { invalidInput } from '../../errors';
import { runCommand } from '../run-command';

interface VerifyOptions {
  root?: string;
  size?: string;
  key?: string;
  against?: string;
}

/**
 * `dauys verify <export>`: recomputes the Merkle root of an exported transparency log and
 * compares it with the root in its header and, when given, the root that was published.
 * `dauys verify <snapshot dir>`: checks a mirror written by `dauys snapshot` (every file's
 * SHA-256 and size, the manifest's signature, its transparency root; optionally against the live
 * log). Needs no database and no trust in whoever served the files.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'prove that an exported transparency log (…/transparency.ndjson) matches a published root, or that a snapshot directory is intact and signed',
    )
    .argument(
      '<export>',
      'the NDJSON file from GET /api/v1/elections/<slug>/transparency.ndjson, or a snapshot directory',
    )
    .option('--root <hex>', 'the root that was published (e.g. on election night)')
    .option('--size <n>', 'the log size that root was published at (default: the whole file)')
    .option(
      '--key <hex>',
      'snapshot: the Ed25519 public key the instance published; the manifest must be signed by it',
    )
    .option(
      '--against <url>',
      'snapshot: the live instance (e.g. https://dauys.example); its log must extend the snapshot’s root',
    )
    .action(runCommand(verify));
}

async function verify(target: string, options: VerifyOptions): Promise<void> {
  const stat = await fs.stat(target).catch(() => {
    throw invalidInput(`cannot read ${target}`, [{ where: target, message: 'no such file or directory' }]);
  });
  const failures = stat.isDirectory()
    ? await verifySnapshotDir(target, options)
    : await verifyExportFile(target, options);
  if (failures.failures.length > 0) {
    process.stderr.write(`dauys: verification FAILED\n${failures.failures.map((f) => `  ${f}\n`).join('')}`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${failures.verified}\n`);
}

interface Outcome {
  failures: string[];
  /** What was proven, when nothing failed. */
  verified: string;
}

async function verifySnapshotDir(dir: string, options: VerifyOptions): Promise<Outcome> {
  if (options.root || options.size) {
    throw invalidInput('--root and --size are for an exported log, not a snapshot', [
      { where: options.root ? '--root' : '--size', message: 'use --against <url> for a snapshot' },
    ]);
  }
  const { verifySnapshot } = await import('../snapshot/verify-snapshot');
  const result = await verifySnapshot(dir, { key: options.key, against: options.against });
  return {
    failures: result.failures,
    verified:
      `verified: ${result.manifest.files.length} files of ${result.manifest.election} taken ${result.manifest.takenAt}, ` +
      `signed by ${result.manifest.publicKey}, transparency root ${result.manifest.transparency.root} ` +
      `over ${result.manifest.transparency.size} records${options.against ? `, consistent with ${options.against}` : ''}` +
      // The manifest carries its own key: unpinned, its signature proves integrity, not origin.
      (options.key || options.against ? '' : ' (whose key this is was not checked: give --key or --against)'),
  };
}

async function verifyExportFile(file: string, options: VerifyOptions): Promise<Outcome> {
  if (options.key || options.against) {
    throw invalidInput('--key and --against are for a snapshot directory', [
      { where: options.key ? '--key' : '--against', message: `${file} is a file` },
    ]);
  }
  const [{ merkleRoot }, { entryLeaf }, { parseTransparencyExport }] = await Promise.all([
    import('../../domain/transparency/merkle-tree'),
    import('../../services/transparency.service'),
    import('../transparency-export'),
  ]);
  const text = await fs.readFile(file, 'utf8');
  const { head, entries } = parseTransparencyExport(text, file);
  const leaves = entries.map(entryLeaf);
  const failures: string[] = [];
  const fileRoot = merkleRoot(leaves).toString('hex');
  if (fileRoot !== head.root || leaves.length !== head.size) {
    failures.push(
      `the records do not match the file's own head (recomputed ${fileRoot} over ${leaves.length} records)`,
    );
  }
  if (options.root) {
    const size = options.size === undefined ? leaves.length : Number(options.size);
    if (!Number.isInteger(size) || size < 0 || size > leaves.length) {
      throw invalidInput('--size is out of range', [
        { where: '--size', message: `must be 0..${leaves.length}` },
      ]);
    }
    const published = merkleRoot(leaves.slice(0, size)).toString('hex');
    if (published !== options.root.toLowerCase()) {
      failures.push(`the first ${size} records hash to ${published}, not the published root ${options.root}`);
    }
  }
  return { failures, verified: `verified: ${leaves.length} records, root ${fileRoot}` };
}
