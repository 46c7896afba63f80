// `pnpm db:health`: reads the ops.* health views (sql/ops/views) as the monitoring role and prints each
// section readably, or as JSON for machines. The SQL is in the views; this file only chooses columns and
// the order and limit of what is printed.
import type pg from 'pg';
import { markdownTable } from './bench/table';

export interface HealthSection {
  /** Key in the JSON report. */
  name: string;
  title: string;
  view: string;
  /** Condition on the view's rows for this section (the view has them all). */
  where?: string;
  /** Columns printed (the JSON report has every column). */
  columns: readonly string[];
  /** Printed when the section has no rows. */
  empty: string;
}

/** The sections in print order: one ops view each (duplicates and unused are both index usage). */
export const HEALTH_SECTIONS: readonly HealthSection[] = [
  {
    name: 'slow_queries',
    title: 'Slow queries (pg_stat_statements, by total time)',
    view: 'ops.slow_queries',
    columns: ['calls', 'total_ms', 'mean_ms', 'max_ms', 'share_pct', 'cache_hit_pct', 'toplevel', 'query'],
    empty: 'no statements recorded yet',
  },
  {
    name: 'table_sizes',
    title: 'Table sizes (largest first)',
    view: 'ops.table_sizes',
    columns: [
      'schema_name',
      'table_name',
      'total_size',
      'table_bytes',
      'index_bytes',
      'toast_bytes',
      'estimated_rows',
    ],
    empty: 'no tables',
  },
  {
    name: 'index_usage',
    title: 'Index usage (unused first, then largest)',
    view: 'ops.index_usage',
    columns: ['schema_name', 'table_name', 'index_name', 'scans', 'index_size', 'unused', 'counted_since'],
    empty: 'no indexes',
  },
  {
    name: 'duplicate_indexes',
    title: 'Duplicate indexes (the first is redundant given the second)',
    view: 'ops.duplicate_indexes',
    columns: ['schema_name', 'table_name', 'index_name', 'duplicate_of', 'kind', 'index_bytes'],
    empty: 'none',
  },
  {
    name: 'table_bloat',
    title: 'Estimated table bloat (ioguix/pgsql-bloat-estimation)',
    view: 'ops.table_bloat',
    columns: [
      'schema_name',
      'table_name',
      'table_bytes',
      'bloat_size',
      'bloat_pct',
      'dead_rows',
      'is_na',
      'last_vacuum',
    ],
    empty: 'no tables',
  },
  {
    name: 'long_transactions',
    title: 'Open transactions (oldest first)',
    view: 'ops.long_transactions',
    columns: [
      'pid',
      'database_name',
      'role_name',
      'state',
      'xact_seconds',
      'wait_event',
      'xmin_age',
      'query',
    ],
    empty: 'none open',
  },
  {
    name: 'blocked_locks',
    title: 'Blocked locks',
    view: 'ops.blocked_locks',
    columns: [
      'blocked_pid',
      'waits_for_mode',
      'relation',
      'waiting_seconds',
      'blocking_pid',
      'blocking_state',
      'blocked_query',
    ],
    empty: 'nobody waits for a lock',
  },
  {
    name: 'replication_lag',
    title: 'Replication lag',
    view: 'ops.replication_lag',
    columns: ['kind', 'name', 'state', 'sync_state', 'lag_bytes', 'write_lag', 'flush_lag', 'replay_lag'],
    empty: 'no standby, no replication slot, not a standby',
  },
  {
    name: 'xid_wraparound',
    title: 'Transaction ID wraparound margin',
    view: 'ops.xid_wraparound',
    columns: [
      'database_name',
      'xid_age',
      'xids_until_stop',
      'pct_towards_stop',
      'multixact_age',
      'oldest_table',
      'oldest_table_xid_age',
    ],
    empty: 'no databases',
  },
];

export type SectionResult =
  | { rows: Record<string, unknown>[]; total: number }
  | { error: string; code?: string };

export interface HealthReport {
  generatedAt: string;
  database: string;
  role: string;
  /** Rows per section, at most `limit` each; `total` is how many the view returned. */
  sections: Record<string, SectionResult>;
}

/**
 * Reads every section (each view in its own statement: one that fails, such as ops.slow_queries where
 * pg_stat_statements is not loaded, SQLSTATE 55000, is reported and the others still are).
 * `client` must act as b2b_monitor (or a role it is a member of): the views are readable by it only.
 */
export async function readHealth(client: pg.ClientBase, limit = 10): Promise<HealthReport> {
  const { rows } = await client.query<{ database: string; role: string; at: string }>(
    `select current_database() as database, current_user as role, now()::text as at`,
  );
  const sections: Record<string, SectionResult> = {};
  for (const section of HEALTH_SECTIONS) {
    try {
      const result = await client.query<Record<string, unknown> & { total__: string }>(
        `select *, count(*) over () as total__ from ${section.view}${section.where ? ` where ${section.where}` : ''} limit $1`,
        [limit],
      );
      sections[section.name] = {
        total: Number(result.rows[0]?.total__ ?? 0),
        rows: result.rows.map(({ total__, ...row }) => row),
      };
    } catch (error) {
      const e = error as Error & { code?: string };
      sections[section.name] = { error: e.message, code: e.code };
    }
  }
  return {
    generatedAt: rows[0]?.at ?? '',
    database: rows[0]?.database ?? '',
    role: rows[0]?.role ?? '',
    sections,
  };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    // node-postgres gives intervals as objects: print them as PostgreSQL would
    const parts = Object.entries(value as Record<string, number>).map(([unit, n]) => `${n} ${unit}`);
    return parts.join(' ') || '0';
  }
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The report as text: one titled table per section. */
export function formatHealth(report: HealthReport): string {
  const out = [`Health of ${report.database} as ${report.role}, ${report.generatedAt}`];
  for (const section of HEALTH_SECTIONS) {
    const result = report.sections[section.name];
    out.push('', `## ${section.title}`);
    if (!result) continue;
    if ('error' in result) {
      out.push(`unavailable: ${result.error}${result.code ? ` (SQLSTATE ${result.code})` : ''}`);
    } else if (result.rows.length === 0) {
      out.push(section.empty);
    } else {
      const numeric = (c: string) =>
        result.rows.some((r) => r[c] !== null) &&
        result.rows.every((r) => r[c] === null || /^-?[\d.]+$/.test(String(r[c])));
      out.push(
        markdownTable(
          section.columns.map((c) => ({
            header: c,
            align: numeric(c) ? ('right' as const) : ('left' as const),
          })),
          result.rows.map((r) => section.columns.map((c) => cell(r[c]))),
        ),
      );
      if (result.total > result.rows.length) out.push(`(${result.rows.length} of ${result.total} rows)`);
    }
  }
  return out.join('\n');
}
