import ts from 'typescript';

/** Kysely's query builders: calling one outside src/store/ is building SQL outside the store. */
const QUERY_BUILDERS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);

/** `<line>: <what>` for each site in the file, in source order. */
type Sites = string[];

function lineOf(node: ts.Node): number {
  const source = node.getSourceFile();
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/**
 * Where a file builds SQL: Kysely's `sql` imported as a value, a `sql` template or helper, a
 * query builder called, or SQL text handed to node-postgres (`client.query('…')`). Comments and strings never count (the file is parsed, not grepped).
 *
 * @example
 * databaseAccessIn(ts.createSourceFile('x.ts', "await db.selectFrom('areas')", ts.ScriptTarget.Latest, true));
 * // ['1: .selectFrom(']
 */
export function databaseAccessIn(source: ts.SourceFile): Sites {
  const sites: Sites = [];
  walk(source, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      if (
        node.moduleSpecifier.text === 'kysely' &&
        !node.importClause?.isTypeOnly &&
        bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.some(
          (element) => !element.isTypeOnly && (element.propertyName ?? element.name).text === 'sql',
        )
      )
        sites.push(`${lineOf(node)}: imports sql from 'kysely'`);
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') {
      sites.push(`${lineOf(node)}: sql\`…\``);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'sql'
    ) {
      sites.push(`${lineOf(node)}: sql.${node.name.text}(`);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      QUERY_BUILDERS.has(node.expression.name.text)
    ) {
      sites.push(`${lineOf(node)}: .${node.expression.name.text}(`);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'query' &&
      node.arguments[0] !== undefined &&
      (ts.isStringLiteral(node.arguments[0]) || ts.isTemplateLiteral(node.arguments[0]))
    ) {
      // node-postgres: `client.query('select …')`.
      sites.push(`${lineOf(node)}: .query('…')`);
    }
  });
  return sites;
}

/**
 * Where a route does a service's work: opens a transaction, writes an audit entry, or reaches
 * into the database handle (`app.database`) instead of calling a service.
 */
export function routeWritesIn(source: ts.SourceFile): Sites {
  const sites: Sites = [];
  walk(source, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression;
      if (callee.name.text === 'transaction') sites.push(`${lineOf(node)}: .transaction(`);
      if (
        callee.name.text === 'record' &&
        ts.isPropertyAccessExpression(callee.expression) &&
        callee.expression.name.text === 'audit'
      )
        sites.push(`${lineOf(node)}: audit.record(`);
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'database' &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'app'
    )
      sites.push(`${lineOf(node)}: app.database`);
  });
  return sites;
}
