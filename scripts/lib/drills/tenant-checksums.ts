// Per-tenant row counts and order-independent checksums of every distributed table (the rebalancing
// drill's proof that a shard move lost or duplicated no row). A row's hash is the first 60 bits of the md5
// of its columns as text; a table's checksum per tenant is the SUM of its rows' hashes: independent of the
// order rows are read in and of which node they sit on, and (unlike XOR) a duplicated row changes it.
//
// Orders placed while the shards move are told apart from the rows that were there before: a row of a
// table with an `order_id` whose order's idempotency key is under the load's prefix is a "run" row. The
// rows that were there must come back unchanged; the run rows must be what the placers were told was
// committed. One table is changed in place by placing an order: catalog.stock_levels (reserved): its
// checksum leaves out the columns that move, and their sum is checked against the run's stock journal.
import type pg from 'pg';

/** Columns written in place when an order is placed, left out of the checksum; `measure` is re-added. */
export const MOVING_COLUMNS: Record<string, { columns: string[]; measure: string }> = {
  'catalog.stock_levels': { columns: ['reserved', 'available', 'updated_at'], measure: 'reserved' },
};

/**
 * Append-only tables written by every change (the audit trail), by their time column: a row written after
 * the run started is a run row (the events of the orders placed during the move); the rows there before
 * must come back unchanged like any other table's.
 */
export const APPEND_ONLY: Record<string, string> = { 'audit.events': 'occurred_at' };

/**
 * Derived tables, kept by a trigger from other tables (orders.credit_exposures, from the orders and the
 * receivables ledger): placing an order rewrites their rows in place and adds a company's first one, so
 * they are left out of the checksums and checked against what they derive from instead
 * (`creditExposureDrift`).
 */
export const DERIVED = ['orders.credit_exposures'];

/**
 * Companies (of every tenant) whose orders.credit_exposures row differs from what
 * orders.credit_exposure_sources computes from the ledger and the open orders. As the superuser (no
 * row-level security); pushed down per tenant on Citus.
 */
export async function creditExposureDrift(
  client: pg.ClientBase,
): Promise<{ companies: number; drifted: string[] }> {
  const { rows } = await client.query<{ company: string; drifted: boolean }>(
    `select s.company_id::text as company,
            (coalesce(e.debit_total, 0), coalesce(e.credit_total, 0), coalesce(e.open_order_amount, 0))
              is distinct from (s.debit_total, s.credit_total, s.open_order_amount) as drifted
       from orders.credit_exposure_sources s
       left join orders.credit_exposures e on e.tenant_id = s.tenant_id and e.company_id = s.company_id`,
  );
  return { companies: rows.length, drifted: rows.filter((r) => r.drifted).map((r) => r.company) };
}

/** Per table, the column summed for the run rows' consistency checks (units reserved and ordered). */
const MEASURES: Record<string, string> = {
  'orders.order_lines': 'quantity',
  'orders.order_allocations': 'reserved_quantity',
  'catalog.stock_movements': 'reserved_delta',
};

/** Rows of one tenant in one table: how many, their checksum, and the sum of the table's measure. */
export interface Cell {
  rows: number;
  /** SUM of the rows' 60-bit hashes, as a decimal string (exact). */
  sum: string;
  /** SUM of the table's measure column (decimal string), '0' when it has none. */
  measure: string;
}

/** Per tenant: the rows that are not the run's (`kept`) and those of orders placed by the run. */
export interface TenantCells {
  kept: Cell;
  run: Cell;
}

/** table -> tenant -> cells. */
export type Snapshot = Map<string, Map<string, TenantCells>>;

const EMPTY: Cell = { rows: 0, sum: '0', measure: '0' };

/**
 * The hash-distributed tables of the database (every tenant table on Citus), by name. A partition of a
 * partitioned table (audit.events' months) is distributed too, but its rows are counted with its parent's.
 */
export async function distributedTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select p.logicalrelid::regclass::text as name
       from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid
      where p.partmethod = 'h' and not c.relispartition
      order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Before distribution (a single node): the tables of the domain schemas with a tenant_id column. */
export async function tenantTables(client: pg.ClientBase, domains: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.oid::regclass::text as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any ($1) and c.relkind in ('r', 'p') and not c.relispartition
        and c.oid <> 'tenancy.tenants'::regclass
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`,
    [domains],
  );
  return rows.map((r) => r.name);
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * One query per table, grouped by tenant (pushed down: each worker sums its shards). `runPrefix`: the
 * idempotency key prefix of the orders placed during the drill ('' before the run: no row is a run row).
 * `runStartedAt` (timestamptz text): rows of the APPEND_ONLY tables written from then on are run rows.
 */
export async function takeSnapshot(
  client: pg.ClientBase,
  runPrefix: string,
  tables?: string[],
  runStartedAt?: string,
): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  const like = quoteLiteral(`${runPrefix.replace(/[\\%_]/g, '\\$&')}-%`);
  const all = tables ?? (await distributedTables(client)).filter((t) => !DERIVED.includes(t));
  for (const table of all) {
    const columns = await columnsOf(client, table);
    const moving = MOVING_COLUMNS[table];
    const hashed = columns.filter((c) => !moving?.columns.includes(c));
    const measure = moving?.measure ?? MEASURES[table];
    const hasOrder = columns.includes('order_id') && table !== 'orders.orders';
    const appendedAt = APPEND_ONLY[table];
    const run = !runPrefix
      ? 'false'
      : appendedAt
        ? runStartedAt
          ? `t.${quoteIdent(appendedAt)} >= ${quoteLiteral(runStartedAt)}::timestamptz`
          : 'false'
        : table === 'orders.orders'
          ? `coalesce(t.idempotency_key like ${like}, false)`
          : hasOrder
            ? `coalesce(o.idempotency_key like ${like}, false)`
            : 'false';
    const sql = `
      select t.tenant_id::text as tenant, ${run} as run, count(*)::bigint::text as rows,
             coalesce(sum(('x' || left(md5(row(${hashed.map((c) => `t.${quoteIdent(c)}`).join(', ')})::text), 15))::bit(60)::bigint), 0)::text as sum,
             ${measure ? `coalesce(sum(t.${quoteIdent(measure)}), 0)::text` : `'0'`} as measure
        from ${table} t
        ${runPrefix && hasOrder ? 'left join orders.orders o on o.tenant_id = t.tenant_id and o.order_id = t.order_id' : ''}
       group by 1, 2`;
    const { rows } = await client.query<{
      tenant: string;
      run: boolean;
      rows: string;
      sum: string;
      measure: string;
    }>(sql);
    const perTenant = new Map<string, TenantCells>();
    for (const r of rows) {
      const cells = perTenant.get(r.tenant) ?? { kept: EMPTY, run: EMPTY };
      cells[r.run ? 'run' : 'kept'] = { rows: Number(r.rows), sum: r.sum, measure: r.measure };
      perTenant.set(r.tenant, cells);
    }
    snapshot.set(table, perTenant);
  }
  return snapshot;
}

export interface Expectations {
  /** Orders the placers were told were committed, per tenant. */
  acknowledgedPerTenant: Map<string, number>;
  linesPerOrder: number;
  /** orders.order_state_history rows of a placed order (draft -> submitted -> placed). */
  historyPerOrder: number;
}

export interface Comparison {
  ok: boolean;
  /** One line per failed check (empty when ok). */
  problems: string[];
  /** Totals over every table and tenant. */
  tables: number;
  tenantCells: number;
  keptRows: number;
  runRows: number;
}

const cell = (s: Snapshot, table: string, tenant: string): TenantCells =>
  s.get(table)?.get(tenant) ?? { kept: EMPTY, run: EMPTY };

/**
 * The rows there before the move must all be there after, unchanged (count and checksum per tenant and
 * table; for the tables written in place, the unmoving columns, and the moving measure changed by exactly
 * what the run reserved); the run's rows must match the acknowledged orders (count per tenant, lines,
 * history, units reserved in allocations and in the stock journal equal to the units ordered).
 */
export function compareSnapshots(before: Snapshot, after: Snapshot, expect: Expectations): Comparison {
  const problems: string[] = [];
  let tenantCells = 0;
  let keptRows = 0;
  let runRows = 0;
  const tables = [...new Set([...before.keys(), ...after.keys()])].sort();
  const tenantsOf = (table: string) =>
    new Set([...(before.get(table)?.keys() ?? []), ...(after.get(table)?.keys() ?? [])]);
  const runMeasure = (table: string, tenant: string) => BigInt(cell(after, table, tenant).run.measure);
  for (const table of tables) {
    if (!before.has(table)) problems.push(`${table}: not there before`);
    if (!after.has(table)) problems.push(`${table}: not there after`);
    for (const tenant of tenantsOf(table)) {
      tenantCells++;
      const b = cell(before, table, tenant);
      const a = cell(after, table, tenant);
      keptRows += a.kept.rows;
      runRows += a.run.rows;
      const where = `${table}, tenant ${tenant}`;
      if (b.run.rows) problems.push(`${where}: ${b.run.rows} rows of the run before it started`);
      if (a.kept.rows !== b.kept.rows)
        problems.push(
          `${where}: ${b.kept.rows} rows before, ${a.kept.rows} after (${a.kept.rows - b.kept.rows})`,
        );
      else if (a.kept.sum !== b.kept.sum) problems.push(`${where}: same count, checksum changed`);
      const moving = MOVING_COLUMNS[table];
      if (moving) {
        const delta = BigInt(a.kept.measure) - BigInt(b.kept.measure);
        const reserved = runMeasure('catalog.stock_movements', tenant);
        if (delta !== reserved)
          problems.push(
            `${where}: ${moving.measure} changed by ${delta}, the run's stock journal says ${reserved}`,
          );
      } else if (a.kept.measure !== b.kept.measure) {
        problems.push(`${where}: the rows there before changed (${b.kept.measure} -> ${a.kept.measure})`);
      }
    }
  }
  const tenants = new Set([...expect.acknowledgedPerTenant.keys(), ...tenantsOf('orders.orders')]);
  for (const tenant of tenants) {
    const orders = expect.acknowledgedPerTenant.get(tenant) ?? 0;
    const got = (table: string) => cell(after, table, tenant).run.rows;
    const where = `tenant ${tenant}`;
    if (got('orders.orders') !== orders)
      problems.push(`${where}: ${orders} orders acknowledged, ${got('orders.orders')} there`);
    if (got('orders.order_lines') !== orders * expect.linesPerOrder)
      problems.push(
        `${where}: ${got('orders.order_lines')} lines for ${orders} orders of ${expect.linesPerOrder}`,
      );
    if (got('orders.order_state_history') !== orders * expect.historyPerOrder)
      problems.push(`${where}: ${got('orders.order_state_history')} history rows for ${orders} orders`);
    const ordered = runMeasure('orders.order_lines', tenant);
    for (const table of ['orders.order_allocations', 'catalog.stock_movements']) {
      if (runMeasure(table, tenant) !== ordered)
        problems.push(
          `${where}: ${ordered} units ordered, ${runMeasure(table, tenant)} reserved in ${table}`,
        );
    }
  }
  return { ok: problems.length === 0, problems, tables: tables.length, tenantCells, keptRows, runRows };
}
