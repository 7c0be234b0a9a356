import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/tiny-election';

/**
 * Routes receive the services they use, not the whole App (issue 19, item 2): a plugin that
 * declares routes types its options as `Pick<App, …>` of what it calls, so it cannot reach the
 * database handle or a service it did not name. Only the plugins that just compose others
 * (server.ts, console.routes.ts, public-api.routes.ts) take `App`, to hand each its part.
 */
const DECLARES_ROUTES = /\bserver\.(get|post|put|patch|delete|route)\(/;
const TAKES_WHOLE_APP = /\{\s*app:\s*App\s*[;,}]/;

/** The code without its comments (a JSDoc example of a route is not a route). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

export function routesTakingWholeApp(files: ReadonlyArray<{ file: string; text: string }>): string[] {
  return files
    .filter(({ text }) => DECLARES_ROUTES.test(code(text)) && TAKES_WHOLE_APP.test(code(text)))
    .map(({ file }) => file);
}

function httpSources(): Array<{ file: string; text: string }> {
  const dir = path.join(REPO_ROOT, 'src/http');
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { file: path.relative(REPO_ROOT, full), text: fs.readFileSync(full, 'utf8') };
    });
}

describe('route plugins and their services', () => {
  it('finds no plugin that declares routes and takes the whole App', () => {
    const sources = httpSources();
    expect(sources.filter(({ text }) => DECLARES_ROUTES.test(code(text))).length).toBeGreaterThanOrEqual(15);
    expect(routesTakingWholeApp(sources)).toEqual([]);
  });

  it('sees what it guards against', () => {
    const wide =
      "export const r: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {\n  server.get('/x', () => app.database);\n};";
    const narrow =
      "export const r: FastifyPluginAsync<{ app: Pick<App, 'elections'> }> = async (server, { app }) => {\n  server.get('/x', () => app.elections);\n};";
    const composing =
      'export const r: FastifyPluginAsync<{ app: App }> = async (api, { app }) => {\n  await api.register(x, { app });\n};';
    expect(
      routesTakingWholeApp([
        { file: 'wide.ts', text: wide },
        { file: 'narrow.ts', text: narrow },
        { file: 'composing.ts', text: composing },
        { file: 'documented.ts', text: `/**\n * server.get('/x', …)\n */\n${composing}` },
      ]),
    ).toEqual(['wide.ts']);
  });
});
