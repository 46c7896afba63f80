// `pnpm db:citus up` seeds the demo profile (issue 10, "The engine"): the same worlds as on plain PostgreSQL,
// written through the packages as b2b_app, load on the cluster. Two kinds broke it, both Citus rules: an
// INSERT ... SELECT that Citus cannot push down to one shard is sent with COPY, which row-level security
// refuses for b2b_app (0A000); and a delegated function's now() is its worker's, not the coordinator's
// transaction start, so a time computed from the coordinator's now() is not "the future" on the worker.
import { withClient } from '@b2b/testing';
import { citusTestDatabase } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';
import { loadCitusDemo } from '../../../scripts/lib/citus-seed';
import { TENANTS } from '../../../scripts/lib/demo/tenants';

const db = citusTestDatabase();

describe('the demo world on Citus', () => {
  test('loads as b2b_app: every demo tenant has its orders, quotes and stock journal', async () => {
    const outcome = await loadCitusDemo({ adminUrl: db.adminUrl, appUrl: db.appUrl }, () => {});
    expect(outcome).toBe('loaded');
    const counts = await withClient(db.adminUrl, async (c) => {
      const { rows } = await c.query<{ table: string; tenants: number }>(
        `select 'orders.orders' as table, count(distinct tenant_id)::int as tenants
           from orders.orders where tenant_id = any($1::uuid[])
         union all
         select 'orders.quotes', count(distinct tenant_id)::int from orders.quotes where tenant_id = any($1::uuid[])
         union all
         select 'catalog.stock_movements', count(distinct tenant_id)::int
           from catalog.stock_movements where tenant_id = any($1::uuid[])`,
        [TENANTS.map((t) => t.tenantId)],
      );
      return rows;
    });
    for (const row of counts) expect(row.tenants, row.table).toBe(TENANTS.length);
  }, 300_000);
});
