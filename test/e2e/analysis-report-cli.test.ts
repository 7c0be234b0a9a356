import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from '../support/chromium';
import { runDauys } from '../support/dauys-process';

/** A small station CSV (400 stations, deterministic) and its mapping. */
async function writeStationFiles(dir: string): Promise<{ csv: string; mapping: string }> {
  const lines = ['id,registered,cast,valid,invalid,leader,other'];
  let state = 12345;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 400; i++) {
    const registered = 500 + Math.floor(next() * 2000);
    const cast = Math.floor(registered * (0.4 + 0.3 * next()));
    const invalid = Math.floor(cast * 0.02);
    const valid = cast - invalid;
    const leader = Math.floor(valid * (0.3 + 0.3 * next()));
    lines.push(
      `R${i % 5}-D${i % 20}-${i},${registered},${cast},${valid},${invalid},${leader},${valid - leader}`,
    );
  }
  const csv = path.join(dir, 'stations.csv');
  await fs.writeFile(csv, lines.join('\n') + '\n');
  const mapping = path.join(dir, 'mapping.json');
  await fs.writeFile(
    mapping,
    JSON.stringify({
      id: 'id',
      areasFromId: { separator: '-' },
      registered: 'registered',
      ballotsCast: 'cast',
      valid: 'valid',
      invalid: 'invalid',
      choices: [
        { id: 'leader', name: 'Партия лидера', official: 'leader' },
        { id: 'other', name: 'Другие', official: 'other' },
      ],
      leader: 'leader',
    }),
  );
  return { csv, mapping };
}

describe('dauys analyze --report', () => {
  let dir: string;
  let files: { csv: string; mapping: string };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-report-'));
    files = await writeStationFiles(dir);
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  it('writes the HTML report in the asked language', async () => {
    const out = path.join(dir, 'report.html');
    const result = await runDauys([
      'analyze',
      '--csv',
      files.csv,
      '--mapping',
      files.mapping,
      '--report',
      out,
      '--lang',
      'en',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = await fs.readFile(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Falsification analysis: stations.csv');
    expect(html).toContain('Партия лидера');
  });

  it('refuses an unknown report format or language with exit code 2, before any work', async () => {
    const txt = await runDauys([
      'analyze',
      '--csv',
      files.csv,
      '--mapping',
      files.mapping,
      '--report',
      path.join(dir, 'r.txt'),
    ]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('--report');
    expect(txt.stdout).toBe('');
    const lang = await runDauys(['analyze', '--csv', files.csv, '--mapping', files.mapping, '--lang', 'de']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang');
  });

  it('exits 1 with a clear message when there is no Chromium for a PDF', async () => {
    const out = path.join(dir, 'none.pdf');
    const result = await runDauys(
      ['analyze', '--csv', files.csv, '--mapping', files.mapping, '--report', out],
      { CHROMIUM_PATH: path.join(dir, 'no-such-chromium') },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/needs Chromium.*CHROMIUM_PATH/);
    await expect(fs.access(out)).rejects.toThrow();
  });
});

describe.skipIf(chromiumMissing('analysis PDF report'))('dauys analyze --report out.pdf (Chromium)', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-report-pdf-'));
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  it('prints a real PDF with pages', async () => {
    const files = await writeStationFiles(dir);
    const out = path.join(dir, 'report.pdf');
    const result = await runDauys(
      ['analyze', '--csv', files.csv, '--mapping', files.mapping, '--report', out, '--lang', 'ru'],
      { CHROMIUM_PATH: '' },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pdf = await fs.readFile(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(0);
  }, 60_000);
});
