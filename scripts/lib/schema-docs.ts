// The ERD (mermaid, one diagram per domain) and the data dictionary, read from a live schema and its
// comments. Deterministic: same schema, same text.
import pg from 'pg';

interface Column {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  comment: string | null;
  pk: boolean;
}
interface Table {
  schema: string;
  name: string;
  comment: string | null;
  rls: boolean;
  forced: boolean;
  tenantOwned: boolean;
}
interface DbFunction {
  signature: string;
  returns: string;
  kind: string;
  comment: string | null;
}
interface ForeignKey {
  table: string;
  name: string;
  references: string;
  columns: string;
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

const DOMAIN_SCHEMAS = `
  select n.nspname from pg_namespace n
  where n.nspname not in ('information_schema', 'tests', 'tap', 'migrations', 'public', 'extensions')
    and n.nspname not like 'pg\\_%'`;

async function readSchema(url: string) {
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
             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n) as columns
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
    return { tables, columns, foreignKeys, functions };
  } finally {
    await client.end();
  }
}

const entity = (qualified: string) => qualified.replace('.', '__');
const mermaidType = (type: string) => type.replace(/[^a-zA-Z0-9_]+/g, '_').replace(/_+$/, '');
const cell = (text: string | null) => (text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');

export async function renderSchemaDocs(url: string): Promise<{ erd: string; dictionary: string }> {
  const { tables, columns, foreignKeys, functions } = await readSchema(url);
  const schemas = [...new Set(tables.map((t) => t.schema))];
  const header = (title: string) => [
    `# ${title}`,
    '',
    'Generated from the live schema and its comments by `pnpm db:docs`; do not edit by hand.',
    '',
  ];

  const erd = [...header('Entity-relationship diagrams')];
  for (const schema of schemas) {
    erd.push(`## ${schema}`, '', '```mermaid', 'erDiagram');
    for (const table of tables.filter((t) => t.schema === schema)) {
      const q = `${table.schema}.${table.name}`;
      erd.push(`  ${entity(q)}["${q}"] {`);
      for (const c of columns.filter((col) => col.table === q)) {
        const fk = foreignKeys.some((f) => f.table === q && f.columns.split(', ').includes(c.name));
        const keys = [c.pk ? 'PK' : '', fk ? 'FK' : ''].filter(Boolean).join(', ');
        erd.push(`    ${mermaidType(c.type)} ${c.name}${keys ? ` ${keys}` : ''}`);
      }
      erd.push('  }');
    }
    for (const fk of foreignKeys.filter((f) => f.table.startsWith(`${schema}.`))) {
      erd.push(`  ${entity(fk.references)} ||--o{ ${entity(fk.table)} : "${fk.columns}"`);
    }
    erd.push('```', '');
  }

  const dictionary = [...header('Data dictionary')];
  dictionary.push(
    'One entry per table: owner package, description, tenant key, row-level security, and columns;',
    'then every function, with what it returns and its description.',
    'Columns whose comment says (PII) hold personal data.',
    '',
  );
  for (const table of tables) {
    const q = `${table.schema}.${table.name}`;
    const cols = columns.filter((c) => c.table === q);
    const pii = cols.filter((c) => c.comment?.includes('(PII)')).map((c) => c.name);
    dictionary.push(
      `## ${q}`,
      '',
      cell(table.comment) || '(no comment)',
      '',
      `- owner package: \`${PACKAGE_OF_SCHEMA[table.schema] ?? table.schema}\``,
      `- tenant key: ${table.tenantOwned ? '`tenant_id`' : 'none (shared reference data)'}`,
      `- row-level security: ${table.rls ? (table.forced ? 'enabled, forced' : 'enabled, not forced') : 'off'}`,
      `- personal data: ${pii.length ? pii.map((p) => `\`${p}\``).join(', ') : 'none'}`,
      '',
      '| column | type | null | default | description |',
      '|---|---|---|---|---|',
      ...cols.map(
        (c) =>
          `| \`${c.name}\`${c.pk ? ' (pk)' : ''} | \`${c.type}\` | ${c.nullable ? 'yes' : 'no'} | ${c.default ? `\`${cell(c.default)}\`` : ''} | ${cell(c.comment)} |`,
      ),
      '',
    );
  }
  dictionary.push('## Functions', '', '| function | returns | kind | description |', '|---|---|---|---|');
  for (const f of functions) {
    dictionary.push(
      `| \`${cell(f.signature)}\` | \`${cell(f.returns)}\` | ${f.kind} | ${cell(f.comment) || '(no comment)'} |`,
    );
  }
  dictionary.push('');
  return { erd: erd.join('\n'), dictionary: dictionary.join('\n') };
}
