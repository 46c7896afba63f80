// No INSERT ... SELECT is sent as b2b_app from outside our functions: the package queries (pgtyped,
// packages/*/queries/*.sql), the packages' TypeScript and the scripts (the demo seed, the bench's baseline,
// drills). On Citus an INSERT ... SELECT that does not push down to one shard is run through COPY into the
// shards, which row-level security refuses for b2b_app: 0A000 "COPY FROM not supported with row-level
// security" (issue 10, seen in the demo seed). Multi-row VALUES always routes. Every SQL text of those
// files that inserts is read with PostgreSQL's parser (libpg_query; TypeScript string and template
// literals found with the TypeScript compiler, each ${...} read as a parameter); a text the parser cannot
// take whole (a ${...} that stands for SQL, such as a VALUES list) is read by its head: what follows the
// table and its column list. A file whose inserts run as the superuser (row-level security does not apply)
// is named below with why; the test fails when such an exception no longer has an INSERT ... SELECT.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parser from '@libpg-query/parser';
import ts from 'typescript';
import { beforeAll, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Files whose INSERT ... SELECT statements run as the superuser, with why. */
const RUN_AS_SUPERUSER: Record<string, string> = {
  'scripts/lib/bench/suites/orders-fixture.ts': 'loads the bench fixture through adminUrl (the superuser)',
  'scripts/lib/drills/pgbouncer-leak.ts': 'loads the drill tenants and warehouses through adminUrl',
  'scripts/bench-stock-journal.ts': 'adds the COPY warehouses through adminUrl, on plain PostgreSQL only',
  'scripts/lib/bulk-checks.ts':
    "the large seed's set-based stand-ins for its row triggers (audit trail, opening stock movements), in the load's transaction as the owner",
  'scripts/lib/bench/suites/audit.ts':
    'loads the 10 million history events and their tenants through adminUrl',
};

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => !f.split('/').includes('node_modules') && keep(f));
}

/** The SQL texts of a TypeScript file that contain an insert: its string and template literals. */
function sqlOfTypeScript(path: string): string[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(join(ROOT, path), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node))
      texts.push(node.head.text + node.templateSpans.map((span) => `$1${span.literal.text}`).join(''));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts.filter((t) => /\binsert\s+into\b/i.test(t));
}

/** The queries of a pgtyped file, each parameter (:name, :name!) read as $1. */
function sqlOfPgTyped(path: string): string[] {
  return readFileSync(join(ROOT, path), 'utf8')
    .split(/\/\*\s*@name\b[^*]*\*\//)
    .map((q) => q.replace(/(?<!:):[a-zA-Z_]\w*!?/g, '$1'))
    .filter((t) => /\binsert\s+into\b/i.test(t));
}

/** How each INSERT of `sql` takes its rows: 'values' or 'select' (a query: SELECT, WITH, TABLE). */
function insertSources(sql: string): string[] {
  try {
    const found: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'InsertStmt') {
            const select = (value as { selectStmt?: { SelectStmt?: { valuesLists?: unknown[] } } })
              .selectStmt;
            found.push(!select || select.SelectStmt?.valuesLists ? 'values' : 'select');
          }
          walk(value);
        }
      }
    };
    walk(parser.parseSync(sql));
    return found;
  } catch {
    // the head of each insert: table, optional alias and column list, then VALUES or a query (comments
    // between them, such as a note above a pgtyped `values :rows`, read as space)
    const code = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
    return [
      ...code.matchAll(
        /\binsert\s+into\s+[\w."]+(?:\s+as\s+\w+)?\s*(?:\([^()]*\))?\s*(?:overriding\s+\w+\s+value\s+)?(\w+|\()/gi,
      ),
    ].map((m) => (/^(values|default)$/i.test(m[1] ?? '') ? 'values' : 'select'));
  }
}

beforeAll(async () => {
  await parser.loadModule();
});

test('no INSERT ... SELECT is sent as b2b_app from package queries, packages or scripts', () => {
  const typescript = [
    ...filesUnder('scripts', (f) => f.endsWith('.ts')),
    ...readdirSync(join(ROOT, 'packages')).flatMap((p) =>
      filesUnder(join('packages', p, 'src'), (f) => f.endsWith('.ts')),
    ),
  ].filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.queries.ts'));
  const pgtyped = readdirSync(join(ROOT, 'packages')).flatMap((p) => {
    try {
      return filesUnder(join('packages', p, 'queries'), (f) => f.endsWith('.sql'));
    } catch {
      return [];
    }
  });
  const offenders = new Map<string, string[]>();
  for (const [file, texts] of [
    ...typescript.map((f) => [f, sqlOfTypeScript(f)] as const),
    ...pgtyped.map((f) => [f, sqlOfPgTyped(f)] as const),
  ]) {
    for (const text of texts)
      if (insertSources(text).includes('select'))
        offenders.set(file, [...(offenders.get(file) ?? []), text.replace(/\s+/g, ' ').trim().slice(0, 120)]);
  }
  expect(typescript.length).toBeGreaterThan(50);
  expect(pgtyped.length).toBeGreaterThan(5);
  const asApp = [...offenders].filter(([file]) => !(file in RUN_AS_SUPERUSER));
  expect(asApp.flatMap(([file, texts]) => texts.map((t) => `${file}: ${t}`))).toEqual([]);
  // an exception that no longer has an INSERT ... SELECT goes
  expect(Object.keys(RUN_AS_SUPERUSER).filter((file) => !offenders.has(file))).toEqual([]);
});

test('the scan finds an INSERT ... SELECT in each form it reads, and lets VALUES pass', () => {
  expect(insertSources('insert into a.t (x) select 1')).toEqual(['select']);
  expect(insertSources('insert into a.t (x) values ($1), ($2)')).toEqual(['values']);
  expect(insertSources('with s as (select 1) insert into a.t (x) table s')).toEqual(['select']);
  // a ${...} standing for SQL: read by its head
  expect(insertSources('insert into a.t (x) values $1 on conflict do nothing')).toEqual(['values']);
  expect(insertSources('insert into a.t (x) select * from $1')).toEqual(['select']);
  expect(insertSources('insert into a.t (x)\n-- a note\n/* another */ values $1')).toEqual(['values']);
  expect(insertSources('insert into a.t (x)\n-- a note\nselect * from $1')).toEqual(['select']);
  expect(sqlOfPgTyped('packages/accounts/queries/buyers.sql').length).toBeGreaterThan(0);
});
