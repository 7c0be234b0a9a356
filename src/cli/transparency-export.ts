import { invalidInput } from '../errors';
import type { TransparencyEntry } from '../services/transparency.service';

export interface TransparencyExport {
  head: { root: string; size: number | undefined };
  entries: TransparencyEntry[];
}

/**
 * Parses an exported transparency log (GET …/transparency.ndjson: a head line, then one record a
 * line), naming the line of the first thing wrong. `where` names the file or URL in errors.
 */
export function parseTransparencyExport(text: string, where: string): TransparencyExport {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const parse = (line: string, index: number) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw invalidInput(`${where} is not a transparency export`, [
        { where: `${where}:${index + 1}`, message: 'not JSON' },
      ]);
    }
  };
  const head = parse(lines[0] ?? '', 0).head as { root?: string; size?: number } | undefined;
  if (!head?.root) {
    throw invalidInput(`${where} is not a transparency export`, [
      { where: `${where}:1`, message: 'no head' },
    ]);
  }
  const entries = lines.slice(1).map((line, i) => {
    const entry = parse(line, i + 1) as { seq?: number; kind?: string; record?: Record<string, unknown> };
    if (entry.seq !== i || typeof entry.kind !== 'string' || typeof entry.record !== 'object') {
      throw invalidInput(`${where} is damaged`, [
        { where: `${where}:${i + 2}`, message: `expected entry ${i}` },
      ]);
    }
    return { seq: entry.seq, kind: entry.kind, record: entry.record };
  });
  return { head: { root: head.root, size: head.size }, entries };
}
