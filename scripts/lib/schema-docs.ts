// The ERD (mermaid) and the data dictionary, read from a live schema, its comments and the personal-data
// list (app.personal_data_columns). Deterministic: same schema, same text. Reading (readSchema) and
// rendering (renderDocs, pure) are apart, so the rendering rules are tested without a database
// (schema-docs.test.ts): Markdown escaping, and ERD names, cardinality and optionality from the catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@b2b/testing/provider';
import pg from 'pg';

export interface Column {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  comment: string | null;
  pk: boolean;
}
export interface Table {
  schema: string;
  name: string;
  comment: string | null;
  rls: boolean;
  forced: boolean;
  tenantOwned: boolean;
}
export interface DbFunction {
  signature: string;
  returns: string;
  kind: string;
  comment: string | null;
}
export interface ForeignKey {
  /** The referencing (child) table, schema-qualified. */
  table: string;
  name: string;
  /** The referenced (parent) table, schema-qualified. */
  references: string;
  /** The referencing columns, comma-separated, in key order. */
  columns: string;
  /** Some referencing column is nullable: a child row may reference no parent (zero or one). */
  nullable: boolean;
  /** A unique constraint or index of the child lies within the referencing columns: one child per parent at most. */
  unique: boolean;
  /** The referencing columns lie within the child's primary key: the child's identity includes the parent. */
  identifying: boolean;
}
export interface PersonalDecision {
  schema: string;
  table: string;
  column: string;
  personal: boolean;
  category: string | null;
  legalBasis: string | null;
  retention: string | null;
  note: string | null;
  /** How it is stored: encrypted, masked, keyed hash or clear (docs/data-protection.md); optional in fixtures. */
  protection?: string | null;
  /** Whose data it is: buyer, company, staff_user. */
  subject?: string | null;
}
export interface SchemaModel {
  tables: Table[];
  columns: Column[];
  foreignKeys: ForeignKey[];
  functions: DbFunction[];
  personal: PersonalDecision[];
  /** Area of a schema-qualified table (the migration that created it); tables not listed are in 'other'. */
  areas: Record<string, string>;
}

const PACKAGE_OF_SCHEMA: Record<string, string> = {
  app: '@b2b/db',
  tenancy: '@b2b/tenancy',
  accounts: '@b2b/accounts',
  catalog: '@b2b/catalog',
  orders: '@b2b/orders',
  audit: '@b2b/audit',
  analytics: '@b2b/analytics',
};

/** A schema with more tables than this gets a keys-only overview and one diagram per area. */
export const LARGE_SCHEMA_TABLES = 12;

const DOMAIN_SCHEMAS = `
  select n.nspname from pg_namespace n
  where n.nspname not in ('information_schema', 'tests', 'tap', 'migrations', 'public', 'extensions')
    and n.nspname not like 'pg\\_%'`;

export async function readSchema(url: string): Promise<Omit<SchemaModel, 'areas'>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<Table>(`
        select n.nspname as schema, c.relname as name, obj_description(c.oid, 'pg_class') as comment,
          c.relrowsecurity as rls, c.relforcerowsecurity as forced,
          exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "tenantOwned"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in (${DOMAIN_SCHEMAS})
        order by 1, 2`)
    ).rows;
    const columns = (
      await client.query<Column>(`
        select format('%s.%s', n.nspname, c.relname) as table, a.attname as name,
          format_type(a.atttypid, a.atttypmod) as type, not a.attnotnull as nullable,
          pg_get_expr(d.adbin, d.adrelid) as default, col_description(c.oid, a.attnum) as comment,
          coalesce(a.attnum = any (k.conkey), false) as pk
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
        left join pg_constraint k on k.conrelid = c.oid and k.contype = 'p'
        where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in (${DOMAIN_SCHEMAS})
        order by n.nspname, c.relname, a.attnum`)
    ).rows;
    const foreignKeys = (
      await client.query<ForeignKey>(`
        select format('%s.%s', n.nspname, c.relname) as table, k.conname as name,
          format('%s.%s', rn.nspname, r.relname) as references,
          (select string_agg(a.attname, ', ' order by x.i) from unnest(k.conkey) with ordinality x(n, i)
             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n) as columns,
          exists (select from pg_attribute a
                  where a.attrelid = k.conrelid and a.attnum = any (k.conkey) and not a.attnotnull) as nullable,
          exists (select from pg_index i
                  where i.indrelid = k.conrelid and i.indisunique and i.indpred is null
                    and (string_to_array(i.indkey::text, ' ')::int2[])[1:i.indnkeyatts] <@ k.conkey) as unique,
          coalesce((select k.conkey <@ p.conkey from pg_constraint p
                    where p.conrelid = k.conrelid and p.contype = 'p'), false) as identifying
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace
        where k.contype = 'f' and n.nspname in (${DOMAIN_SCHEMAS})
        order by 1, 2`)
    ).rows;
    // Functions apps and DBAs call (trigger functions included: their comments say what they enforce).
    const functions = (
      await client.query<DbFunction>(`
        select p.oid::regprocedure::text as signature, pg_get_function_result(p.oid) as returns,
          concat_ws(', ', case p.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end,
            case when p.prosecdef then 'security definer' end) as kind,
          obj_description(p.oid, 'pg_proc') as comment
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in (${DOMAIN_SCHEMAS}) and p.prokind = 'f'
        order by 1`)
    ).rows;
    const personal = (
      await client.query<PersonalDecision>(`
        select schema_name as schema, table_name as table, column_name as column, personal, category,
          legal_basis as "legalBasis", retention, note, protection, subject
        from app.personal_data_columns
        order by 1, 2, 3`)
    ).rows;
    return { tables, columns, foreignKeys, functions, personal };
  } finally {
    await client.end();
  }
}

/**
 * The area of each table: the versioned migration that created it (tables created together belong
 * together), named after the file (`20261123192300_create_invoices_and_receivables.sql`: "invoices and
 * receivables"). New tables land in their own migration's area without any list to keep.
 */
export function readAreas(sqlDir = join(repoRoot, 'sql')): Record<string, string> {
  const areas: Record<string, string> = {};
  const files = readdirSync(sqlDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const dir = join(sqlDir, d.name, 'migrations');
      try {
        return readdirSync(dir)
          .filter((f) => f.endsWith('.sql'))
          .map((f) => ({ f, path: join(dir, f) }));
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.f.localeCompare(b.f));
  for (const { f, path } of files) {
    const up = readFileSync(path, 'utf8').split(/^-- Down Migration/m)[0] ?? '';
    const title = f
      .replace(/^\d+_/, '')
      .replace(/\.sql$/, '')
      .replace(/^(create|add)_/, '')
      .replaceAll('_', ' ');
    for (const m of up.matchAll(/create table (?:if not exists )?([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)/g)) {
      const q = `${m[1]}.${m[2]}`;
      areas[q] ??= title;
    }
  }
  return areas;
}

// --- Markdown --------------------------------------------------------------------------------------

/**
 * Text as Markdown prints it literally (GitHub flavour), on one line: backslash escapes for emphasis,
 * code, links and table pipes; entities for `<`, `>` and `&` (so `<root id>` is not taken for HTML).
 */
export function mdText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * Text as an inline code span, on one line: the fence is longer than any run of backticks inside, and a
 * pipe is escaped (GitHub tables split cells on `|` even inside code spans).
 */
export function mdCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ').replaceAll('|', '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

// --- ERD (mermaid erDiagram) -------------------------------------------------------------------------

/** A mermaid entity id (letters, digits, underscores); the real name is shown as its label. */
export const entityId = (qualified: string) => qualified.replace(/[^A-Za-z0-9_]/g, '__');
const mermaidType = (type: string) => type.replace(/[^a-zA-Z0-9_]+/g, '_').replace(/_+$/, '');
const mermaidLabel = (text: string) => text.replaceAll('"', "'");

/**
 * One relationship line, parent on the left: `||` the child always has its parent, `|o` a nullable key
 * may reference none; `o{` zero or more children, `o|` zero or one (a unique key within the referencing
 * columns); `--` identifying (the key is part of the child's primary key), `..` not.
 */
export function relationship(fk: ForeignKey): string {
  const parent = fk.nullable ? '|o' : '||';
  const child = fk.unique ? 'o|' : 'o{';
  const line = fk.identifying ? '--' : '..';
  return `  ${entityId(fk.references)} ${parent}${line}${child} ${entityId(fk.table)} : "${mermaidLabel(fk.columns)}"`;
}

function entityBlock(model: SchemaModel, qualified: string, keysOnly: boolean): string[] {
  const keyed = (c: Column) =>
    model.foreignKeys.some((f) => f.table === qualified && f.columns.split(', ').includes(c.name));
  const unique = new Set(
    model.foreignKeys.filter((f) => f.table === qualified && f.unique).flatMap((f) => f.columns.split(', ')),
  );
  const cols = model.columns.filter((c) => c.table === qualified && (!keysOnly || c.pk || keyed(c)));
  if (cols.length === 0) return [`  ${entityId(qualified)}["${mermaidLabel(qualified)}"]`];
  const lines = [`  ${entityId(qualified)}["${mermaidLabel(qualified)}"] {`];
  for (const c of cols) {
    const keys = [c.pk ? 'PK' : '', keyed(c) ? 'FK' : '', !c.pk && unique.has(c.name) ? 'UK' : '']
      .filter(Boolean)
      .join(', ');
    const nullable = c.nullable ? ' "nullable"' : '';
    lines.push(`    ${mermaidType(c.type)} ${c.name}${keys ? ` ${keys}` : ''}${nullable}`);
  }
  lines.push('  }');
  return lines;
}

/**
 * One diagram: the given tables (in full, or keys only), every table they reference or are referenced by
 * outside the set as a keys-only entity labelled with its real schema-qualified name, and the links.
 */
function diagram(model: SchemaModel, members: string[], keysOnly: boolean): string[] {
  const inSet = new Set(members);
  const links = model.foreignKeys.filter((f) => inSet.has(f.table) || inSet.has(f.references));
  const neighbours = [...new Set(links.flatMap((f) => [f.table, f.references]))]
    .filter((t) => !inSet.has(t))
    .sort();
  const out = ['```mermaid', 'erDiagram'];
  for (const t of members) out.push(...entityBlock(model, t, keysOnly));
  for (const t of neighbours) out.push(...entityBlock(model, t, true));
  for (const fk of links) out.push(relationship(fk));
  out.push('```', '');
  return out;
}

const LEGEND = [
  'Entities are labelled with their schema-qualified names; tables of other schemas or areas appear with',
  'their keys only. Links follow the catalog: `||` the child always has its parent, `|o` its key is',
  'nullable (zero or one parent); `o{` zero or more children, `o|` at most one (a unique key); a solid line',
  "is identifying (the key is part of the child's primary key), a dotted one is not. Columns marked",
  '"nullable" may be null.',
  '',
];

export function renderErd(model: SchemaModel): string {
  const schemas = [...new Set(model.tables.map((t) => t.schema))];
  const out = [
    '# Entity-relationship diagrams',
    '',
    'Generated from the live schema and its comments by `pnpm db:docs`; do not edit by hand.',
    '',
    ...LEGEND,
  ];
  for (const schema of schemas) {
    const members = model.tables.filter((t) => t.schema === schema).map((t) => `${t.schema}.${t.name}`);
    out.push(`## ${mdText(schema)}`, '');
    if (members.length <= LARGE_SCHEMA_TABLES) {
      out.push(...diagram(model, members, false));
      continue;
    }
    const areaOf = (t: string) => model.areas[t] ?? 'other';
    const areas = [...new Set(members.map(areaOf))];
    const links = model.foreignKeys.filter((f) => f.table.startsWith(`${schema}.`)).length;
    out.push(
      `${members.length} tables and ${links} links: an overview with keys only, then one diagram per area`,
      '(the tables one migration created), with its tables in full.',
      '',
      `### ${mdText(schema)}: overview (keys only)`,
      '',
      ...diagram(model, members, true),
    );
    for (const area of areas) {
      out.push(
        `### ${mdText(schema)}: ${mdText(area)}`,
        '',
        ...diagram(
          model,
          members.filter((t) => areaOf(t) === area),
          false,
        ),
      );
    }
  }
  return out.join('\n');
}

// --- Data dictionary ---------------------------------------------------------------------------------

export function renderDictionary(model: SchemaModel): string {
  const decision = (q: string, column: string) =>
    model.personal.find((p) => `${p.schema}.${p.table}` === q && p.column === column);
  const personalOnes = model.personal.filter((p) => p.personal);
  const out = [
    '# Data dictionary',
    '',
    'Generated from the live schema and its comments by `pnpm db:docs`; do not edit by hand.',
    '',
    'One entry per table: owner package, description, tenant key, row-level security, personal data and',
    'columns; then every function, with what it returns and its description. Personal data is marked from',
    'one list, the view `app.personal_data_columns` (`sql/app/views/`), which the lint pack checks against the',
    'columns.',
    '',
    '## Personal data',
    '',
    '| column | category | legal basis | retention | protection | subject | note |',
    '|---|---|---|---|---|---|---|',
    ...personalOnes.map(
      (p) =>
        `| ${mdCode(`${p.schema}.${p.table}.${p.column}`)} | ${mdText(p.category)} | ${mdText(p.legalBasis)} | ${mdText(p.retention)} | ${mdText(p.protection ?? null)} | ${mdText(p.subject ?? null)} | ${mdText(p.note)} |`,
    ),
    '',
    'Named like personal data, decided not to be:',
    '',
    '| column | why not |',
    '|---|---|',
    ...model.personal
      .filter((p) => !p.personal)
      .map((p) => `| ${mdCode(`${p.schema}.${p.table}.${p.column}`)} | ${mdText(p.note)} |`),
    '',
  ];
  for (const table of model.tables) {
    const q = `${table.schema}.${table.name}`;
    const cols = model.columns.filter((c) => c.table === q);
    const pii = cols.filter((c) => decision(q, c.name)?.personal);
    out.push(
      `## ${mdText(q)}`,
      '',
      mdText(table.comment) || '(no comment)',
      '',
      `- owner package: ${mdCode(PACKAGE_OF_SCHEMA[table.schema] ?? table.schema)}`,
      `- tenant key: ${table.tenantOwned ? '`tenant_id`' : 'none (shared reference data)'}`,
      `- row-level security: ${table.rls ? (table.forced ? 'enabled, forced' : 'enabled, not forced') : 'off'}`,
      `- personal data: ${pii.length ? pii.map((c) => `${mdCode(c.name)} (${mdText(decision(q, c.name)?.category)})`).join(', ') : 'none'}`,
      '',
      '| column | type | null | default | personal data | description |',
      '|---|---|---|---|---|---|',
      ...cols.map((c) => {
        const d = decision(q, c.name);
        return `| ${mdCode(c.name)}${c.pk ? ' (pk)' : ''} | ${mdCode(c.type)} | ${c.nullable ? 'yes' : 'no'} | ${c.default ? mdCode(c.default) : ''} | ${d?.personal ? mdText(d.category) : ''} | ${mdText(c.comment)} |`;
      }),
      '',
    );
  }
  out.push('## Functions', '', '| function | returns | kind | description |', '|---|---|---|---|');
  for (const f of model.functions) {
    out.push(
      `| ${mdCode(f.signature)} | ${mdCode(f.returns)} | ${f.kind} | ${mdText(f.comment) || '(no comment)'} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

export function renderDocs(model: SchemaModel): { erd: string; dictionary: string } {
  return { erd: renderErd(model), dictionary: renderDictionary(model) };
}

export async function renderSchemaDocs(url: string): Promise<{ erd: string; dictionary: string }> {
  return renderDocs({ ...(await readSchema(url)), areas: readAreas() });
}
