import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/analysis/analyze-election';
import {
  BELARUS_MAPPING,
  writeBelarusLikeFixture,
  type BelarusLikeFiles,
} from '../support/belarus-like-fixture';
import { runDauys } from '../support/dauys-process';

/** `dauys import stations` then `dauys analyze <slug>`, as a user runs them: own processes, own data dir. */
describe('dauys import stations', () => {
  let dataDir: string;
  let fixture: BelarusLikeFiles;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-import-stations-'));
    fixture = await writeBelarusLikeFixture();
    env = { DAUYS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' };
  });
  afterAll(async () => fs.rm(dataDir, { recursive: true, force: true }));

  /** Each step starts its own process (tsx, PGlite): slow on a loaded machine. */
  const STEP_TIMEOUT = 180_000;
  const args = () => [
    'import',
    'stations',
    '--slug',
    'by-cli',
    '--csv',
    fixture.csv,
    '--mapping',
    BELARUS_MAPPING,
  ];

  it('imports a station table', { timeout: STEP_TIMEOUT }, async () => {
    const imported = await runDauys([...args(), '--name', 'Belarus-like', '--date', '2020-08-09'], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('imported 24 stations (2 regions, 4 districts) into by-cli');
  });

  it(
    'analyses the stored copy with its photo evidence and observers',
    { timeout: STEP_TIMEOUT },
    async () => {
      const analysed = await runDauys(['analyze', 'by-cli', '--json'], env);
      expect(analysed.code).toBe(0);
      const report = JSON.parse(analysed.stdout) as AnalysisReport;
      expect(report.photoExceedsOfficial!.byChoice.tihanovkaja).toMatchObject({
        stations: fixture.expected.photoStations,
        votesAtLeast: fixture.expected.photoVotesAtLeast,
      });
      expect(report.observerEffect!.observedStations).toBe(10);
    },
  );

  it('refuses to import over an existing election', { timeout: STEP_TIMEOUT }, async () => {
    const again = await runDauys(args(), env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses a bad figure with exit code 2 and file:line:column', { timeout: STEP_TIMEOUT }, async () => {
    const bad = await writeBelarusLikeFixture((rows) => {
      rows[0]!.officialVotes = '-';
    });
    const result = await runDauys(
      ['import', 'stations', '--slug', 'by-bad', '--csv', bad.csv, '--mapping', BELARUS_MAPPING],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad.csv}:2:3`);
  });
});
