// The `demo` seed profile: the `small` profile's three tenants and staff (seeds/small/), each given a whole
// world built through the packages' own functions (accounts.ts, catalog.ts, orders.ts), so the seed obeys
// every rule the application does. One transaction on one connection, as the application role: a failed
// load leaves nothing. Then, as the scheduled job would, quotes past their date are marked expired.
import { createPool, type Queryable, withTenant } from '@b2b/db';
import type pg from 'pg';
import { buildAccounts } from './accounts';
import { buildCatalog } from './catalog';
import { DemoSession } from './context';
import { demoExamples, exampleCommand } from './examples';
import { buildOrders, expireDemoQuotes } from './orders';
import { idOf, TENANTS } from './tenants';

export { TENANTS as DEMO_TENANTS } from './tenants';
export { demoExamples, exampleCommand };

export interface DemoUrls {
  /** Owner/superuser URL: runs the tenants' SQL (as the `small` profile does) and switches to b2b_app. */
  adminUrl: string;
  /** Application role URL (RLS applies): the scheduled expiry step runs there through withTenant. */
  appUrl: string;
}

const LAST = TENANTS[TENANTS.length - 1];

/** Whether the demo world is loaded: its last tenant's last company exists (the load is one transaction). */
export async function demoIsLoaded(client: pg.ClientBase): Promise<boolean> {
  if (!LAST) return false;
  await client.query('begin');
  try {
    await client.query('select app.set_tenant($1)', [LAST.tenantId]);
    const { rows } = await client.query<{ loaded: boolean }>(
      // `select 1`: Citus cannot plan a zero-column EXISTS over a distributed table
      'select exists (select 1 from accounts.companies where company_id = $1) as loaded',
      [idOf(LAST, 'company/japan')],
    );
    return rows[0]?.loaded ?? false;
  } finally {
    await client.query('rollback');
  }
}

/**
 * Loads the demo world. `loadTenants` runs the `small` profile's SQL (tenants and staff) on the same
 * connection, inside the transaction; it is skipped when those tenants exist already (a database seeded
 * with `small` before gets the world on top).
 */
export async function loadDemo(
  urls: DemoUrls,
  say: (line: string) => void,
  loadTenants: (client: Queryable) => Promise<void>,
): Promise<void> {
  // b2b-seed: the audit trail attributes these writes to the seed (audit.source_of), not to the application
  const pool = createPool({ connectionString: urls.adminUrl, max: 1, applicationName: 'b2b-seed:demo' });
  let expiringAt = new Date();
  try {
    const client = await pool.connect();
    try {
      await client.query('begin');
      try {
        const { rows } = await client.query<{ n: number }>(
          'select count(*)::int as n from tenancy.tenants where tenant_id = any($1::uuid[])',
          [TENANTS.map((t) => t.tenantId)],
        );
        const present = rows[0]?.n ?? 0;
        if (present === 0) await loadTenants(client);
        else if (present < TENANTS.length) {
          throw new Error(
            `${present} of the ${TENANTS.length} demo tenants exist (${TENANTS.map((t) => t.slug).join(', ')}): start from an empty database (pnpm db:reset)`,
          );
        }
        // from here on as the application role: grants, row-level security and every trigger apply
        await client.query('set local role b2b_app');
        const session = new DemoSession(client);
        for (const tenant of TENANTS) {
          const started = performance.now();
          const accounts = await buildAccounts(session, tenant);
          const catalog = await buildCatalog(session, tenant, accounts);
          const orders = await buildOrders(session, tenant, accounts, catalog);
          expiringAt = orders.expiringAt;
          say(`  ${tenant.slug}: accounts, catalog, orders (${Math.round(performance.now() - started)} ms)`);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw new Error(`Seeding the demo world failed, nothing was loaded: ${(error as Error).message}`, {
          cause: error,
        });
      }
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
  await expireQuotes(urls.appUrl, expiringAt, say);
  await sealAuditTrail(urls.adminUrl, say);
}

/** A connection string with the given application_name (the audit trail's source of the writes). */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

/** As the daily maintenance would: month partitions of the audit trail, and the demo's events sealed. */
async function sealAuditTrail(adminUrl: string, say: (line: string) => void): Promise<void> {
  const pool = createPool({ connectionString: adminUrl, max: 1, applicationName: 'b2b-maintenance' });
  try {
    await pool.query('select audit.create_partitions()');
    const { rows } = await pool.query<{ sealed: number }>(
      'select coalesce(sum(sealed), 0)::int as sealed from audit.seal_all()',
    );
    say(`  audit trail: month partitions made, ${rows[0]?.sealed ?? 0} events sealed (audit.seal_all)`);
  } finally {
    await pool.end();
  }
}

/** The scheduled job's step, per tenant through withTenant, once the staged quote's time has passed. */
async function expireQuotes(appUrl: string, after: Date, say: (line: string) => void): Promise<void> {
  const wait = after.getTime() - Date.now() + 5;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const pool = createPool({ connectionString: appUrl, max: 1 });
  try {
    let expired = 0;
    for (const tenant of TENANTS) {
      expired += await withTenant(
        pool,
        { tenantId: tenant.tenantId, userId: tenant.ownerId },
        expireDemoQuotes,
      );
    }
    say(`  quotes past their date marked expired (orders.expire_quotes): ${expired}`);
  } finally {
    await pool.end();
  }
}

export interface TableCount {
  table: string;
  rows: number;
  tenants: number;
}

/**
 * Rows and distinct tenants of every table with a tenant_id column, from the system catalog (so a table
 * added later is counted too). Run as the owner or a superuser: the application role would see one tenant.
 */
export async function tenantTableCounts(client: pg.ClientBase): Promise<TableCount[]> {
  const { rows: tables } = await client.query<{ name: string }>(`
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where c.relkind in ('r', 'p') and not c.relispartition
      and n.nspname not in ('pg_catalog', 'information_schema', 'tests')
    order by 1`);
  const counts: TableCount[] = [];
  for (const { name } of tables) {
    const { rows } = await client.query<{ rows: number; tenants: number }>(
      `select count(*)::int as rows, count(distinct tenant_id)::int as tenants from ${name}`,
    );
    counts.push({ table: name, rows: rows[0]?.rows ?? 0, tenants: rows[0]?.tenants ?? 0 });
  }
  return counts;
}

/** The counts as aligned lines, two tables a line. */
export function formatCounts(counts: readonly TableCount[]): string[] {
  const cells = counts.map(
    (c) => `${c.table.padEnd(36)} ${String(c.rows).padStart(5)} (${c.tenants} tenants)`,
  );
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += 2) lines.push(`  ${cells.slice(i, i + 2).join('   ')}`);
  return lines;
}

/** What db:up (and db:seed, db:reset) print about the demo world: counts when just loaded, and how to explore it. */
export async function describeDemo(
  adminUrl: string,
  say: (line: string) => void,
  options: { counts: boolean },
): Promise<void> {
  if (options.counts) {
    const counts = await withClientOn(adminUrl, tenantTableCounts);
    say(`loaded, rows per tenant table (${counts.length} tables):`);
    for (const line of formatCounts(counts)) say(line);
  }
  say('');
  say('Explore the demo world (psql as the application role b2b_app, one tenant set):');
  for (const example of demoExamples()) {
    say(`  # ${example.title}`);
    say(`  ${exampleCommand(example)}`);
  }
}

async function withClientOn<T>(url: string, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const pool = createPool({ connectionString: url, max: 1 });
  try {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}
