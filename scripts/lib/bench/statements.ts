// Where an order's time goes inside the server, per statement: pg_stat_statements with track = all
// (statements run inside functions and triggers too), read per database and divided by the orders measured.
// Wall time inside the server (the load moves it, unlike server-cpu.ts's figure), and nested: a statement's
// time includes the statements and triggers it ran (a function call's line includes its body's). Read it
// for the shares and the counts (calls and buffer hits per order), beside the CPU figure.
import { withClient } from '@b2b/testing';
import pg from 'pg';
import { markdownTable } from './table';

/** pg_stat_statements is a preloaded extension in every migrated database (the dev cluster preloads it). */
export async function trackAllStatements(adminUrl: string, database: string): Promise<void> {
  await withClient(adminUrl, (c) =>
    c.query(`alter database ${pg.escapeIdentifier(database)} set pg_stat_statements.track = 'all'`),
  );
}

/** Forgets what pg_stat_statements holds for the database (the measured batches start from nothing). */
export async function resetStatements(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (c) =>
    c.query(
      `select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)`,
    ),
  );
}

export interface StatementRow {
  msPerOrder: number;
  callsPerOrder: number;
  hitsPerOrder: number;
  query: string;
}

/** The `top` statements of the database by total time, per order of `orders`. */
export async function topStatements(adminUrl: string, orders: number, top = 15): Promise<StatementRow[]> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ ms: number; calls: number; hits: number; query: string }>(
      `select total_exec_time / $1 as ms, calls::float8 / $1 as calls, shared_blks_hit::float8 / $1 as hits,
         left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as query
       from pg_stat_statements
       where dbid = (select oid from pg_database where datname = current_database())
         and query not like '%pg_stat_statements%'
       order by total_exec_time desc limit $2`,
      [orders, top],
    );
    return rows.map((r) => ({
      msPerOrder: r.ms,
      callsPerOrder: r.calls,
      hitsPerOrder: r.hits,
      query: r.query,
    }));
  });
}

/** The statements as a Markdown table. */
export function statementsTable(title: string, rows: readonly StatementRow[]): string {
  return markdownTable(
    [
      { header: `${title}: ms per order (wall, nested)`, align: 'right' },
      { header: 'calls per order', align: 'right' },
      { header: 'buffer hits per order', align: 'right' },
      { header: 'statement' },
    ],
    rows.map((r) => [
      r.msPerOrder.toFixed(3),
      r.callsPerOrder.toFixed(1),
      r.hitsPerOrder.toFixed(0),
      r.query.replace(/\|/g, '\\|'),
    ]),
  );
}
