import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

describe('README Configuration', () => {
  it('lists every variable src/config.ts reads', () => {
    const source = fs.readFileSync(path.join(root, 'src/config.ts'), 'utf8');
    const schema = source.slice(
      source.indexOf('const configSchema'),
      source.indexOf('export type RawConfig'),
    );
    const variables = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(20);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Development'));
    expect(
      variables.filter((name) => !section.includes(`\`${name}\``) && !section.includes(`${name}\``)),
    ).toEqual([]);
  });
});
