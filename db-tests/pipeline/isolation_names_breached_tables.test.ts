// The cross-tenant isolation tests fail when a table's UPDATE or DELETE policy stops checking the tenant,
// naming the table and the statement: the attacks read no column, so the SELECT policy cannot hide the
// broken one (db-tests/_support/0007_isolation_attacks.sql). Each case breaks one policy in a clone.
import { join } from 'node:path';
import { withClient } from '@b2b/testing';
import { createTestDatabase, runPgTapFile } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

const DB_TESTS = join(import.meta.dirname, '..');
const EVERY_TABLE = 'tenancy/isolation/every_tenant_table_resists_bare_writes_of_another_tenant.test.sql';
/** The form the issue found passing: it is true for every tenant, so it checks nothing. */
const ANY_TENANT = '((select app.current_tenant_id()) is not null)';
const OWN_TENANT = '(tenant_id = (select app.current_tenant_id()))';

interface Case {
  table: string;
  policy: string;
  /** The policy as the broken migration would leave it. */
  broken: string;
  /** The domain's own isolation file. */
  file: string;
  /** Expected in the failure: the table and the statement that got through. */
  expected: string;
}

const cases: Case[] = [
  {
    table: 'accounts.companies',
    policy: 'companies_delete',
    broken: `for delete to b2b_app using ${ANY_TENANT}`,
    file: 'accounts/isolation/another_tenant_sees_and_changes_nothing.test.sql',
    // beta's company has buyers: the foreign key refuses the delete, and only the probe sees it got through
    expected: 'accounts.companies: `delete from accounts.companies` as tenant',
  },
  {
    table: 'accounts.addresses',
    policy: 'addresses_delete',
    broken: `for delete to b2b_app using ${ANY_TENANT}`,
    file: 'accounts/isolation/another_tenant_sees_and_changes_nothing.test.sql',
    expected: 'accounts.addresses: `delete from accounts.addresses` as tenant',
  },
  {
    table: 'tenancy.staff_users',
    policy: 'staff_users_update',
    broken: `for update to b2b_app using ${ANY_TENANT} with check ${ANY_TENANT}`,
    file: 'tenancy/isolation/another_tenant_sees_and_changes_nothing.test.sql',
    expected: 'tenancy.staff_users: `update tenancy.staff_users set display_name = default` as tenant',
  },
  {
    table: 'catalog.prices',
    policy: 'prices_update',
    // USING broken, WITH CHECK intact: the new row is refused, so nothing changes; the probe still tells
    broken: `for update to b2b_app using ${ANY_TENANT} with check ${OWN_TENANT}`,
    file: 'catalog/isolation/another_tenant_sees_and_changes_no_prices.test.sql',
    expected: 'catalog.prices: `update catalog.prices set unit_price = default` as tenant',
  },
  {
    table: 'catalog.stock_levels',
    policy: 'stock_levels_delete',
    broken: `for delete to b2b_app using ${ANY_TENANT}`,
    file: 'catalog/isolation/another_tenant_sees_and_changes_no_stock.test.sql',
    expected: 'catalog.stock_levels: `delete from catalog.stock_levels` as tenant',
  },
  {
    table: 'orders.order_lines',
    policy: 'order_lines_update',
    broken: `for update to b2b_app using ${ANY_TENANT} with check ${ANY_TENANT}`,
    file: 'orders/isolation/another_tenant_sees_and_changes_no_orders.test.sql',
    expected: 'orders.order_lines: `update orders.order_lines set',
  },
  {
    table: 'orders.approval_rules',
    policy: 'approval_rules_delete',
    broken: `for delete to b2b_app using ${ANY_TENANT}`,
    file: 'orders/isolation/another_tenant_sees_and_changes_no_approvals.test.sql',
    expected: 'orders.approval_rules: `delete from orders.approval_rules` as tenant',
  },
];

describe('a broken UPDATE or DELETE policy makes the isolation tests fail, naming the table', () => {
  for (const c of cases) {
    test.concurrent(`${c.table} (${c.policy}): its domain's isolation file and the every-table check`, async () => {
      const db = await createTestDatabase();
      try {
        await withClient(db.adminUrl, (client) =>
          client.query(`set role b2b_owner;
            drop policy ${c.policy} on ${c.table};
            create policy ${c.policy} on ${c.table} ${c.broken};`),
        );
        for (const file of [c.file, EVERY_TABLE]) {
          const result = await runPgTapFile(db.adminUrl, join(DB_TESTS, file));
          expect(result.failure, `${file} should fail`).toContain(c.expected);
          // only the broken table is named
          const named = new Set([...(result.failure ?? '').matchAll(/\("(\w+\.\w+): /g)].map((m) => m[1]));
          expect([...named], file).toEqual([c.table]);
        }
      } finally {
        await db.drop();
      }
    });
  }
});
