// What a backup promises about its data: every table's row count and a checksum of its contents, taken in
// the snapshot the dump was taken from, so a restore can prove it holds exactly those rows.
import type pg from 'pg';

export interface TableDigest {
  /** schema.table, as regclass prints it. */
  table: string;
  rows: number;
  /**
   * Order-independent checksum of the rows: the sum over rows of the first 64 bits of md5(row as text),
   * as decimal text. A changed, added, removed or duplicated row changes it (short of a 2^-64 accident).
   */
  checksum: string;
}

/**
 * Session settings that fix how a row prints as text, so the same rows give the same checksum on any
 * server and session (a timestamptz prints in the session's time zone; floats by extra_float_digits).
 */
export const CANONICAL_OUTPUT = [
  `set local timezone = 'UTC'`,
  `set local datestyle = 'ISO, YMD'`,
  `set local intervalstyle = 'postgres'`,
  'set local extra_float_digits = 3',
  `set local bytea_output = 'hex'`,
  // a superuser is not subject to RLS anyway; this makes a role that is fail instead of counting less
  'set local row_security = off',
];

/** The tables a manifest covers: every ordinary table (partitions, not their parents) outside the system. */
const TABLES_SQL = `
  select c.oid::regclass::text as table
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r'
    and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  order by 1`;

/**
 * Row count and checksum of every table, read in the caller's transaction (open it `repeatable read`
 * and export or import its snapshot to match a pg_dump). Runs CANONICAL_OUTPUT first (transaction-local).
 * `progress` hears each table as it is done.
 */
export async function digestTables(
  client: pg.ClientBase,
  progress: (done: number, total: number, table: string) => void = () => {},
): Promise<TableDigest[]> {
  for (const statement of CANONICAL_OUTPUT) await client.query(statement);
  const { rows: tables } = await client.query<{ table: string }>(TABLES_SQL);
  const digests: TableDigest[] = [];
  for (const { table } of tables) {
    // `table` comes from regclass output: already quoted where it needs to be.
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `select count(*) as rows,
         coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0)::text as checksum
       from only ${table} t`,
    );
    const [row] = rows;
    digests.push({ table, rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '0' });
    progress(digests.length, tables.length, table);
  }
  return digests;
}

/** One line per difference between the tables a backup recorded and those of a restored database. */
export function compareDigests(expected: TableDigest[], actual: TableDigest[]): string[] {
  const found = new Map(actual.map((d) => [d.table, d]));
  const differences: string[] = [];
  for (const want of expected) {
    const got = found.get(want.table);
    found.delete(want.table);
    if (!got) differences.push(`${want.table}: missing (the backup has ${want.rows} rows)`);
    else if (got.rows !== want.rows)
      differences.push(`${want.table}: ${got.rows} rows, the backup has ${want.rows}`);
    else if (got.checksum !== want.checksum)
      differences.push(
        `${want.table}: ${got.rows} rows as in the backup, but their contents differ (checksum)`,
      );
  }
  for (const extra of found.values())
    differences.push(`${extra.table}: not in the backup (${extra.rows} rows)`);
  return differences;
}
