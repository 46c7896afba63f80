// Every security test (the isolation files under db-tests/*/isolation) fails when the policy or grant it
// guards is broken, naming the table. Writes: the attacks read no column, so the SELECT policy cannot hide
// a broken UPDATE or DELETE policy (db-tests/_support/0007_isolation_attacks.sql). Each case breaks one
// object in a clone, runs the files that must catch it, and a guard below fails an isolation file that no
// case breaks.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withClient } from '@b2b/testing';
import { createTestDatabase, runPgTapFile } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

const DB_TESTS = join(import.meta.dirname, '..');
const EVERY_TABLE = 'tenancy/isolation/every_tenant_table_resists_bare_writes_of_another_tenant.test.sql';
/** The form the issue found passing: true for every tenant, so it checks nothing. */
const ANY_TENANT = '(app.current_tenant_id() is not null)';
const OWN_TENANT = '(tenant_id = app.current_tenant_id())';

interface Case {
  name: string;
  /** Run as the superuser in the clone: the broken object. */
  ddl: string;
  /** Each file must fail, its failure containing the text. */
  expected: Record<string, string>;
  /** For the bare-write attacks: the only table the failure may name. */
  table?: string;
}

function brokenPolicy(table: string, policy: string, body: string): string {
  return `set role b2b_owner; drop policy ${policy} on ${table}; create policy ${policy} on ${table} ${body}; reset role;`;
}

function writeCase(table: string, policy: string, body: string, file: string, statement: string): Case {
  return {
    name: `${table}: ${policy} ${body}`,
    ddl: brokenPolicy(table, policy, body),
    expected: { [file]: `${table}: \`${statement}`, [EVERY_TABLE]: `${table}: \`${statement}` },
    table,
  };
}

const cases: Case[] = [
  // beta's company has buyers: the foreign key refuses the delete, and only the probe sees it got through
  writeCase(
    'accounts.companies',
    'companies_delete',
    `for delete to b2b_app using ${ANY_TENANT}`,
    'accounts/isolation/another_tenant_sees_and_changes_nothing.test.sql',
    'delete from accounts.companies` as tenant',
  ),
  // a leaf table: the delete goes through and beta's row count drops
  writeCase(
    'accounts.addresses',
    'addresses_delete',
    `for delete to b2b_app using ${ANY_TENANT}`,
    'accounts/isolation/another_tenant_sees_and_changes_nothing.test.sql',
    'delete from accounts.addresses` as tenant',
  ),
  writeCase(
    'tenancy.staff_users',
    'staff_users_update',
    `for update to b2b_app using ${ANY_TENANT} with check ${ANY_TENANT}`,
    'tenancy/isolation/another_tenant_sees_and_changes_nothing.test.sql',
    'update tenancy.staff_users set display_name = default` as tenant',
  ),
  writeCase(
    'catalog.category_translations',
    'category_translations_delete',
    `for delete to b2b_app using ${ANY_TENANT}`,
    'catalog/isolation/another_tenant_sees_and_changes_no_content.test.sql',
    'delete from catalog.category_translations` as tenant',
  ),
  // USING broken, WITH CHECK intact: the new row is refused, so nothing changes; the probe still tells
  writeCase(
    'catalog.prices',
    'prices_update',
    `for update to b2b_app using ${ANY_TENANT} with check ${OWN_TENANT}`,
    'catalog/isolation/another_tenant_sees_and_changes_no_prices.test.sql',
    'update catalog.prices set unit_price = default` as tenant',
  ),
  writeCase(
    'catalog.stock_levels',
    'stock_levels_delete',
    `for delete to b2b_app using ${ANY_TENANT}`,
    'catalog/isolation/another_tenant_sees_and_changes_no_stock.test.sql',
    'delete from catalog.stock_levels` as tenant',
  ),
  writeCase(
    'orders.order_lines',
    'order_lines_update',
    `for update to b2b_app using ${ANY_TENANT} with check ${ANY_TENANT}`,
    'orders/isolation/another_tenant_sees_and_changes_no_orders.test.sql',
    'update orders.order_lines set',
  ),
  writeCase(
    'orders.approval_rules',
    'approval_rules_delete',
    `for delete to b2b_app using ${ANY_TENANT}`,
    'orders/isolation/another_tenant_sees_and_changes_no_approvals.test.sql',
    'delete from orders.approval_rules` as tenant',
  ),
  writeCase(
    'orders.quote_lines',
    'quote_lines_update',
    `for update to b2b_app using ${ANY_TENANT} with check ${ANY_TENANT}`,
    'orders/isolation/another_tenant_sees_and_changes_no_quotes.test.sql',
    'update orders.quote_lines set unit_price = default` as tenant',
  ),
  writeCase(
    'orders.returns',
    'returns_update',
    `for update to b2b_app using ${ANY_TENANT} with check ${ANY_TENANT}`,
    'orders/isolation/another_tenant_sees_and_changes_no_returns.test.sql',
    'update orders.returns set',
  ),
  // the ledger has neither a delete grant nor a delete policy; given both, the append-only trigger
  // refuses the delete (B3012), and the probe still sees that it reached beta's entries
  {
    name: 'orders.receivable_entries: a delete grant and a delete policy for any tenant',
    ddl: `grant delete on orders.receivable_entries to b2b_app;
      create policy receivable_entries_delete on orders.receivable_entries for delete to b2b_app using ${ANY_TENANT};`,
    expected: {
      'orders/isolation/another_tenant_sees_and_changes_no_receivables.test.sql':
        'orders.receivable_entries: `delete from orders.receivable_entries` as tenant',
      [EVERY_TABLE]: 'orders.receivable_entries: `delete from orders.receivable_entries` as tenant',
    },
    table: 'orders.receivable_entries',
  },
  // reads: a SELECT policy that lets rows through without a tenant, or to every tenant
  {
    name: 'catalog.prices: prices_select also without a tenant',
    ddl: brokenPolicy(
      'catalog.prices',
      'prices_select',
      `for select to b2b_app, b2b_readonly using (app.current_tenant_id() is null or ${OWN_TENANT})`,
    ),
    expected: { 'catalog/isolation/no_tenant_context_sees_nothing.test.sql': 'catalog.prices' },
  },
  {
    name: 'tenancy.staff_users: staff_users_select also without a tenant',
    ddl: brokenPolicy(
      'tenancy.staff_users',
      'staff_users_select',
      `for select to b2b_app, b2b_readonly using (app.current_tenant_id() is null or ${OWN_TENANT})`,
    ),
    expected: { 'tenancy/isolation/no_tenant_context_sees_nothing.test.sql': 'staff_users: nothing visible' },
  },
  {
    name: 'orders.invoices: invoices_select also without a tenant',
    ddl: brokenPolicy(
      'orders.invoices',
      'invoices_select',
      `for select to b2b_app, b2b_readonly using (app.current_tenant_id() is null or ${OWN_TENANT})`,
    ),
    expected: { [EVERY_TABLE]: 'orders.invoices' },
  },
  {
    name: 'app.check_tenant: any tenant argument accepted',
    ddl: `create or replace function app.check_tenant(p_tenant_id uuid) returns uuid language sql stable as $$ select p_tenant_id $$;`,
    expected: {
      'catalog/isolation/another_tenant_reads_nothing_through_page_and_search.test.sql':
        'alpha gets no page for beta',
    },
  },
  {
    name: 'catalog.products: products_select for any tenant',
    ddl: brokenPolicy(
      'catalog.products',
      'products_select',
      `for select to b2b_app, b2b_readonly using ${ANY_TENANT}`,
    ),
    // The product page and the search filter on their tenant argument too, so a broken policy alone no
    // longer shows another tenant's page through them (the case below breaks the argument's check).
    expected: {
      'catalog/isolation/another_tenant_sees_and_changes_no_content.test.sql': 'products: invisible',
      [EVERY_TABLE]: 'catalog.products: b2b_app acting as tenant',
    },
  },
  // inserts: with tenant_id in the insert grant and an insert policy for any tenant, a tenant writes rows
  // for another (either one alone is refused with 42501: the grant, or the policy's WITH CHECK)
  {
    name: 'accounts.companies: tenant_id in the insert grant and companies_insert for any tenant',
    ddl: `grant insert (tenant_id) on accounts.companies to b2b_app;
      ${brokenPolicy('accounts.companies', 'companies_insert', `for insert to b2b_app with check ${ANY_TENANT}`)}`,
    expected: {
      'accounts/isolation/another_tenant_sees_and_changes_nothing.test.sql':
        'companies: cannot insert for another tenant',
    },
  },
  // composite foreign keys: a key without tenant_id lets a row point into another tenant
  {
    name: 'accounts.rows_need_an_existing_tenant: fk_companies_tenant_id_tenants dropped',
    ddl: `alter table accounts.companies drop constraint fk_companies_tenant_id_tenants;`,
    expected: {
      'accounts/isolation/rows_need_an_existing_tenant.test.sql': 'companies: the tenant must exist',
    },
  },
];

test('every isolation file is made to fail by at least one case below', () => {
  const isolationFiles = readdirSync(DB_TESTS, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)isolation\/[^/]+\.test\.sql$/.test(f))
    .sort();
  const broken = new Set(cases.flatMap((c) => Object.keys(c.expected)));
  expect(isolationFiles.filter((f) => !broken.has(f))).toEqual([]);
});

describe('a broken policy or grant makes the isolation tests fail, naming the table', () => {
  for (const c of cases) {
    test.concurrent(c.name, async () => {
      const db = await createTestDatabase();
      try {
        await withClient(db.adminUrl, (client) => client.query(c.ddl));
        for (const [file, text] of Object.entries(c.expected)) {
          const result = await runPgTapFile(db.adminUrl, join(DB_TESTS, file));
          expect(result.failure ?? `${file} passed`).toContain(text);
          if (c.table) {
            // the bare-write attacks name only the broken table
            const named = new Set([...(result.failure ?? '').matchAll(/\("(\w+\.\w+): /g)].map((m) => m[1]));
            expect([...named], file).toEqual([c.table]);
          }
        }
      } finally {
        await db.drop();
      }
    });
  }
});
