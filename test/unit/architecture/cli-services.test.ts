import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withApp } from '../../../src/cli/with-app';
import { REPO_ROOT } from '../../support/tiny-election';

/**
 * CLI commands receive the services they name, not the whole App (issue 19, item 2), as route
 * plugins do: `withApp(['invites'], async ({ invites }) => …)`. The type holds each command to
 * its list; only `dauys start`, which runs the server, builds the App itself.
 */
describe('CLI commands and their services', () => {
  it('types an action to the services it named, so it cannot reach another', () => {
    // Never run: the lines below are checked by the typecheck (npm run typecheck), not executed.
    const typed = () => {
      void withApp(['invites'], async ({ invites }) => invites);
      // @ts-expect-error -- the database handle was not named, so the action cannot reach it.
      void withApp(['invites'], async (services) => services.database);
      // @ts-expect-error -- only the App's own members can be named.
      void withApp(['noSuchService'], async () => undefined);
    };
    expect(typeof typed).toBe('function');
  });

  it('finds no command but start that builds the App itself', () => {
    const dir = path.join(REPO_ROOT, 'src/cli/commands');
    const building = fs
      .readdirSync(dir)
      .filter((file) => /\bcreateApp\b/.test(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(building).toEqual(['start.command.ts']);
    const usingWithApp = fs
      .readdirSync(dir)
      .filter((file) => /\bwithApp\(\[/.test(fs.readFileSync(path.join(dir, file), 'utf8')));
    expect(usingWithApp.length).toBeGreaterThanOrEqual(9);
  });
});
