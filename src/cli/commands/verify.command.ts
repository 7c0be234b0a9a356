import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { invalidInput } from '../../errors';
import { runCommand } from '../run-command';

interface VerifyOptions {
  root?: string;
  size?: string;
}

/**
 * `dauys verify <export>`: recomputes the Merkle root of an exported transparency log and
 * compares it with the root in its header and, when given, the root that was published.
 * Needs no database and no trust in whoever served the file.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('prove that an exported transparency log (…/transparency.ndjson) matches a published root')
    .argument('<export>', 'the NDJSON file from GET /api/v1/elections/<slug>/transparency.ndjson')
    .option('--root <hex>', 'the root that was published (e.g. on election night)')
    .option('--size <n>', 'the log size that root was published at (default: the whole file)')
    .action(runCommand(verify));
}

async function verify(file: string, options: VerifyOptions): Promise<void> {
  const [{ merkleRoot }, { entryLeaf }] = await Promise.all([
    import('../../domain/transparency/merkle-tree'),
    import('../../services/transparency.service'),
  ]);
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw invalidInput(`cannot read ${file}`, [{ where: file, message: 'no such file' }]);
  });
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const parse = (line: string, index: number) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw invalidInput(`${file} is not a transparency export`, [
        { where: `${file}:${index + 1}`, message: 'not JSON' },
      ]);
    }
  };
  const header = parse(lines[0] ?? '', 0).head as { root?: string; size?: number } | undefined;
  if (!header?.root)
    throw invalidInput(`${file} is not a transparency export`, [{ where: `${file}:1`, message: 'no head' }]);
  const entries = lines.slice(1).map((line, i) => {
    const entry = parse(line, i + 1) as { seq?: number; kind?: string; record?: Record<string, unknown> };
    if (entry.seq !== i || typeof entry.kind !== 'string' || typeof entry.record !== 'object') {
      throw invalidInput(`${file} is damaged`, [
        { where: `${file}:${i + 2}`, message: `expected entry ${i}` },
      ]);
    }
    return { seq: entry.seq, kind: entry.kind, record: entry.record };
  });
  const leaves = entries.map(entryLeaf);
  const failures: string[] = [];
  const fileRoot = merkleRoot(leaves).toString('hex');
  if (fileRoot !== header.root || leaves.length !== header.size) {
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
  if (failures.length > 0) {
    process.stderr.write(`dauys: verification FAILED\n${failures.map((f) => `  ${f}\n`).join('')}`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`verified: ${leaves.length} records, root ${fileRoot}\n`);
}
