import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/tiny-election';
import { databaseAccessIn, routeWritesIn } from './source-scan';

/**
 * The walls of DESIGN.md that lint cannot see: SQL and Kysely query building live in
 * src/store/ (migrations and repositories) only; services own the transactions and write the
 * audit entries; routes call services. Run `npx vitest run test/unit/architecture` after moving code.
 */

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)));
}

function parse(file: string): ts.SourceFile {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

const outsideStore = sourceFiles('src').filter((file) => !file.startsWith('src/store/'));

describe('the store wall', () => {
  it('finds no SQL or query building outside src/store/', () => {
    const offenders = outsideStore.flatMap((file) =>
      databaseAccessIn(parse(file)).map((site) => `${file}:${site}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds no route that opens a transaction or writes an audit entry, and no route that reaches the database', () => {
    const offenders = sourceFiles('src/http').flatMap((file) =>
      routeWritesIn(parse(file)).map((site) => `${file}:${site}`),
    );
    expect(offenders).toEqual([]);
  });

  it('sees what it guards against (a service with a query, a route with an audit entry)', () => {
    const service = ts.createSourceFile(
      'src/services/x.service.ts',
      [
        "import { sql } from 'kysely';",
        'export async function f(db) {',
        "  await db.selectFrom('ballot_reports').selectAll().execute();",
        "  await db.insertInto('areas').values({}).execute();",
        '  await sql`select 1`.execute(db);',
        "  await client.query('begin');",
        '  // a comment naming .deleteFrom( is not a query',
        '}',
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
    );
    expect(databaseAccessIn(service)).toEqual([
      "1: imports sql from 'kysely'",
      '3: .selectFrom(',
      '4: .insertInto(',
      '5: sql`…`',
      "6: .query('…')",
    ]);
    const route = ts.createSourceFile(
      'src/http/console/x.routes.ts',
      [
        'server.post("/x", async () =>',
        '  app.database.db.transaction().execute((tx) => app.audit.record(tx, entry)));',
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
    );
    expect(routeWritesIn(route)).toEqual(['2: .transaction(', '2: app.database', '2: audit.record(']);
  });
});
