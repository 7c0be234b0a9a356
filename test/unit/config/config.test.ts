import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config';
import { DauysError } from '../../../src/errors';

describe('loadConfig', () => {
  it('applies defaults and resolves directories', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.mediaDir).toBe(path.join(path.resolve('./data'), 'media'));
    expect(config.TELEGRAM_MAX_SENDS_PER_SECOND).toBe(30);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TELEGRAM_VOTER_TOKEN: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://db/x', DAUYS_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DauysError);
    const issues = (error as DauysError).issues.map((issue) => issue.where).sort();
    expect(issues).toEqual(['DATABASE_URL', 'DAUYS_SECRET', 'PORT']);
    expect((error as DauysError).exitCode).toBe(2);
  });
});
