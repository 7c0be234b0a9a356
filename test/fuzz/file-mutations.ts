import { pick, type SeededRandom } from '../../src/simulation/seeded';

const BOM = '\uFEFF';

/** Replaces the cells of one CSV line (naive split: the fixtures quote nothing). */
function editCells(line: string, edit: (cells: string[]) => void): string {
  const cells = line.split(',');
  edit(cells);
  return cells.join(',');
}

/**
 * One mutation of a CSV file as people break them: a cell deleted, duplicated or swapped (the
 * row shifts), a number turned into text, a negative or a fraction, a line cut short, dropped or
 * duplicated, a BOM or a stray quote, CRLF, invalid UTF-8 — or random bytes.
 */
export function mutateCsv(rng: SeededRandom, csv: string): { kind: string; bytes: Buffer } {
  const lines = csv.replace(/\n$/, '').split('\n');
  const at = rng.nextInt(lines.length);
  const line = lines[at] ?? '';
  const kind = pick(rng, [
    'delete-cell',
    'duplicate-cell',
    'swap-cells',
    'text-for-number',
    'negative',
    'fraction',
    'cut-line',
    'drop-line',
    'duplicate-line',
    'bom-in-line',
    'stray-quote',
    'crlf-mixed',
    'invalid-utf8',
    'random-bytes',
    'empty-cell',
    'header-only',
  ]);
  const cell = (cells: string[]) => rng.nextInt(Math.max(1, cells.length));
  switch (kind) {
    case 'delete-cell':
      lines[at] = editCells(line, (cells) => cells.splice(cell(cells), 1));
      break;
    case 'duplicate-cell':
      lines[at] = editCells(line, (cells) => {
        const i = cell(cells);
        cells.splice(i, 0, cells[i] ?? '');
      });
      break;
    case 'swap-cells':
      lines[at] = editCells(line, (cells) => {
        const [i, j] = [cell(cells), cell(cells)];
        [cells[i], cells[j]] = [cells[j] ?? '', cells[i] ?? ''];
      });
      break;
    case 'text-for-number':
    case 'negative':
    case 'fraction':
      lines[at] = line.replace(/\d+/, (digits) =>
        kind === 'text-for-number' ? 'many' : kind === 'negative' ? `-${digits}` : `${digits}.5`,
      );
      break;
    case 'cut-line':
      lines[at] = line.slice(0, rng.nextInt(line.length + 1));
      break;
    case 'drop-line':
      lines.splice(at, 1);
      break;
    case 'duplicate-line':
      lines.splice(at, 0, line);
      break;
    case 'bom-in-line':
      lines[at] = BOM + line;
      break;
    case 'stray-quote':
      lines[at] = editCells(line, (cells) => (cells[cell(cells)] = `"${cells[cell(cells)] ?? ''}`));
      break;
    case 'crlf-mixed':
      return { kind, bytes: Buffer.from(lines.map((l, i) => (i % 2 ? `${l}\r\n` : `${l}\n`)).join('')) };
    case 'invalid-utf8': {
      const bytes = Buffer.from(lines.join('\n'));
      bytes[rng.nextInt(bytes.length)] = 0xff;
      return { kind, bytes };
    }
    case 'random-bytes': {
      const bytes = Buffer.alloc(1 + rng.nextInt(2000));
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = rng.nextInt(256);
      return { kind, bytes };
    }
    case 'empty-cell':
      lines[at] = editCells(line, (cells) => (cells[cell(cells)] = ''));
      break;
    case 'header-only':
      lines.length = 1;
      break;
  }
  return { kind, bytes: Buffer.from(`${lines.join('\n')}\n`) };
}

/** Text-level damage to a JSON file, beyond the structure-aware mutations of `mutateJson`. */
export function damageText(rng: SeededRandom, text: string): { kind: string; bytes: Buffer } {
  const kind = pick(rng, ['truncated', 'bom', 'invalid-utf8', 'random-bytes', 'empty']);
  if (kind === 'truncated') return { kind, bytes: Buffer.from(text.slice(0, rng.nextInt(text.length))) };
  if (kind === 'bom') return { kind, bytes: Buffer.from(BOM + text) };
  if (kind === 'invalid-utf8') {
    const bytes = Buffer.from(text);
    bytes[rng.nextInt(bytes.length)] = 0xc0;
    return { kind, bytes };
  }
  if (kind === 'random-bytes') {
    const bytes = Buffer.alloc(1 + rng.nextInt(2000));
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = rng.nextInt(256);
    return { kind, bytes };
  }
  return { kind, bytes: Buffer.alloc(0) };
}
