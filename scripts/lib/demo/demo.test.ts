// The demo seed profile (what `pnpm db:up` loads), in clones of the migrated template: every table with a
// tenant_id column (read from the system catalog, so a table added later must be seeded too) has rows of
// every demo tenant; orders, quotes and returns are in every state their tables know; amounts are in their
// currency's minor units; the example commands db:up prints work as the application role; a failed load
// leaves nothing; and a second load (db:reset) builds the same world.
import { getProductPage } from '@b2b/catalog';
import { createPool, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withSessionSetting } from '../dev-database';
import { loadSeed, seedIsLoaded } from '../seed';
import { DEMO_TENANTS, demoExamples, exampleCommand, tenantTableCounts } from './index';
import { idOf } from './tenants';

const quiet = () => {};

/** Per demo tenant: values of `column` in `table` that none of the tenant's rows of `rowsOf` carry. */
async function missingPerTenant(client: pg.ClientBase, valuesSql: string, presentSql: string) {
  const { rows } = await client.query<{ slug: string; missing: string }>(
    `select t.slug, v.value as missing
     from tenancy.tenants t cross join (${valuesSql}) v(value)
     where t.tenant_id = any($1::uuid[])
       and not exists (select from (${presentSql}) p(tenant_id, value) where p.tenant_id = t.tenant_id and p.value = v.value)
     order by 1, 2`,
    [DEMO_TENANTS.map((t) => t.tenantId)],
  );
  return rows.map((r) => `${r.slug}: ${r.missing}`);
}

/** What a second load must reproduce: every deterministic id and every count, total and state. */
async function fingerprint(client: pg.ClientBase): Promise<unknown> {
  const { rows } = await client.query(`
    select
      (select array_agg(company_id::text || ' ' || legal_name order by company_id) from accounts.companies) as companies,
      (select array_agg(buyer_id::text || ' ' || email order by buyer_id) from accounts.buyers) as buyers,
      (select array_agg(variant_id::text || ' ' || sku order by variant_id) from catalog.variants) as variants,
      (select array_agg(price_id::text || ' ' || unit_price || ' ' || quantities order by price_id) from catalog.prices) as prices,
      (select array_agg(x order by x) from (
         select tenant_id::text || ' ' || state || ' ' || currency || ' ' || count(*) || ' ' || sum(total_amount) as x
         from orders.orders group by tenant_id, state, currency) o) as orders,
      (select array_agg(x order by x) from (
         select tenant_id::text || ' ' || kind || ' ' || sum(amount) as x
         from orders.receivable_entries group by tenant_id, kind) r) as ledger,
      (select array_agg(x order by x) from (
         select tenant_id::text || ' ' || variant_id || ' ' || warehouse_id || ' ' || on_hand || ' ' || reserved as x
         from catalog.stock_levels) s) as stock`);
  return rows[0];
}

describe('demo seed profile', () => {
  let db: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    [db, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(await seedIsLoaded(db.adminUrl, 'demo')).toBe(false);
    await loadSeed(db, 'demo', quiet);
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), other?.drop()]);
  });

  test('every table with a tenant_id column has rows of every demo tenant (read from the catalog)', async () => {
    const counts = await withClient(db.adminUrl, tenantTableCounts);
    // the catalog query finds the tables: today over thirty in four schemas
    expect(counts.length).toBeGreaterThan(30);
    expect(new Set(counts.map((c) => c.table.split('.')[0]))).toEqual(
      new Set(['tenancy', 'accounts', 'catalog', 'orders', 'audit']),
    );
    const thin = counts.filter((c) => c.tenants < DEMO_TENANTS.length).map((c) => `${c.table}: ${c.tenants}`);
    expect(thin).toEqual([]);
    expect(await seedIsLoaded(db.adminUrl, 'demo')).toBe(true);
  });

  test('a tenant table added later that the demo does not fill is caught', async () => {
    await withClient(db.adminUrl, async (client) => {
      await client.query('begin');
      try {
        await client.query('create table orders.added_later (tenant_id uuid not null)');
        await client.query(`insert into orders.added_later values ($1)`, [DEMO_TENANTS[0]?.tenantId]);
        const counts = await tenantTableCounts(client);
        const thin = counts
          .filter((c) => c.tenants < DEMO_TENANTS.length)
          .map((c) => `${c.table}: ${c.tenants}`);
        expect(thin).toEqual(['orders.added_later: 1']);
      } finally {
        await client.query('rollback');
      }
    });
  });

  test('orders, quotes and returns are in every state their tables know, for every tenant', async () => {
    await withClient(db.adminUrl, async (client) => {
      expect(
        await missingPerTenant(
          client,
          'select state from orders.order_states',
          'select tenant_id, state from orders.orders',
        ),
      ).toEqual([]);
      expect(
        await missingPerTenant(
          client,
          'select state from orders.quote_states',
          'select tenant_id, state from orders.quotes',
        ),
      ).toEqual([]);
      // the check can fail: a state no order reaches is named for every tenant
      expect(
        await missingPerTenant(
          client,
          "select state from orders.order_states union all select 'shipped_by_owl'",
          'select tenant_id, state from orders.orders',
        ),
      ).toEqual(DEMO_TENANTS.map((t) => `${t.slug}: shipped_by_owl`).sort());
      // returns and ledger kinds are check constraints: the values are listed here
      expect(
        await missingPerTenant(
          client,
          "values ('requested'), ('received'), ('cancelled')",
          'select tenant_id, state from orders.returns',
        ),
      ).toEqual([]);
      expect(
        await missingPerTenant(
          client,
          "values ('invoice'), ('payment'), ('credit_note')",
          'select tenant_id, kind from orders.receivable_entries',
        ),
      ).toEqual([]);
      // approvals decided both ways, orders with two invoices, quantity tiers and three currencies
      const { rows } = await client.query(
        `
        select t.slug,
          (select count(distinct decision) from orders.order_approvals a where a.tenant_id = t.tenant_id) as decisions,
          (select max(n) from (select count(*) as n from orders.invoices i where i.tenant_id = t.tenant_id group by order_id) x) as most_invoices,
          (select count(distinct currency) from orders.orders o where o.tenant_id = t.tenant_id) as order_currencies,
          (select count(distinct currency) from catalog.price_lists l where l.tenant_id = t.tenant_id) as list_currencies,
          (select count(distinct scope) from catalog.price_lists l where l.tenant_id = t.tenant_id) as list_scopes,
          (select count(*) from catalog.prices p where p.tenant_id = t.tenant_id and upper(p.quantities) is not null) as bounded_tiers,
          (select max(nlevel) from (select array_length(string_to_array(trim(both '/' from path), '/'), 1) as nlevel
             from catalog.categories c where c.tenant_id = t.tenant_id) x) as category_depth,
          (select count(distinct locale) from catalog.product_translations p where p.tenant_id = t.tenant_id) as locales,
          (select count(*) from accounts.companies c where c.tenant_id = t.tenant_id and c.parent_company_id is not null) as subsidiaries,
          (select count(*) from accounts.buyers b where b.tenant_id = t.tenant_id and b.spending_limit is not null) as limited_buyers,
          (select count(distinct warehouse_id) from catalog.stock_levels s where s.tenant_id = t.tenant_id and s.on_hand > 0) as stocked_warehouses
        from tenancy.tenants t where t.tenant_id = any($1::uuid[]) order by t.slug`,
        [DEMO_TENANTS.map((t) => t.tenantId)],
      );
      expect(rows).toHaveLength(DEMO_TENANTS.length);
      for (const r of rows) {
        expect(r, r.slug).toMatchObject({
          decisions: '2',
          most_invoices: '2',
          order_currencies: '3',
          list_currencies: '3',
          list_scopes: '3',
          category_depth: 3,
          locales: '3',
          subsidiaries: '3',
          limited_buyers: '2',
          stocked_warehouses: '2',
        });
        expect(Number(r.bounded_tiers), r.slug).toBeGreaterThan(0);
      }
    });
  });

  test('every amount is in its currency minor units: whole yen, at most 2 decimals for EUR, USD, CHF, CAD', async () => {
    await withClient(db.adminUrl, async (client) => {
      const { rows } = await client.query(`
        with amounts (what, currency, amount) as (
          select 'order total', currency, total_amount from orders.orders
          union all select 'line total', o.currency, l.line_total from orders.order_lines l
            join orders.orders o using (tenant_id, order_id)
          union all select 'invoice', currency, amount from orders.invoices
          union all select 'ledger ' || kind, currency, amount from orders.receivable_entries
          union all select 'credit note', o.currency, r.credit_amount from orders.returns r
            join orders.orders o using (tenant_id, order_id) where r.credit_amount is not null
          union all select 'credit limit', default_currency, credit_limit from accounts.companies where credit_limit is not null
          union all select 'price', currency, unit_price from catalog.prices
        )
        select a.what, a.currency, a.amount::text
        from amounts a join catalog.currencies c on c.currency_code = a.currency
        where a.amount <> round(a.amount, c.minor_units) or a.amount = 'NaN'::numeric`);
      expect(rows).toEqual([]);
      const yen = await client.query(`select count(*)::int as n from orders.invoices where currency = 'JPY'`);
      expect(yen.rows[0].n).toBeGreaterThanOrEqual(DEMO_TENANTS.length);
    });
  });

  test('the example commands db:up prints run as the application role and see one tenant', async () => {
    const examples = demoExamples();
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const command = exampleCommand(example);
      expect(command).toMatch(/^pnpm db:psql --tenant [a-z-]+ -c "[^"$`\\]+"$/);
      const url = withSessionSetting(db.appUrl, 'app.tenant_id', example.tenant.tenantId);
      const { rows, user } = await withClient(url, async (client) => ({
        rows: (await client.query(example.sql)).rows,
        user: (await client.query<{ u: string }>('select current_user as u')).rows[0]?.u,
      }));
      expect(user, command).toBe('b2b_app');
      expect(rows.length, command).toBeGreaterThan(0);
    }
    const [byState, page, balances] = examples;
    // the first sees exactly its tenant's orders
    const total = await withClient(db.adminUrl, async (client) => {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from orders.orders where tenant_id = $1',
        [byState?.tenant.tenantId],
      );
      return rows[0]?.n;
    });
    const seen = await withClient(
      withSessionSetting(db.appUrl, 'app.tenant_id', byState?.tenant.tenantId ?? ''),
      (c) => c.query(byState?.sql ?? ''),
    );
    expect(seen.rows.reduce((sum, r) => sum + Number(r.orders), 0)).toBe(total);
    // the product page falls back from de-CH to de and prices every variant in CHF from the company list
    const pageRows = await withClient(
      withSessionSetting(db.appUrl, 'app.tenant_id', page?.tenant.tenantId ?? ''),
      (c) => c.query(page?.sql ?? ''),
    );
    for (const r of pageRows.rows) {
      expect(r).toMatchObject({
        locale: 'de',
        currency: 'CHF',
        price_list_scope: 'company',
        price_quantities: '[10,)',
      });
      expect(r.unit_price).not.toBeNull();
      expect(Number(r.available)).toBeGreaterThan(0);
    }
    // open balances: some company owes something
    const balanceRows = await withClient(
      withSessionSetting(db.appUrl, 'app.tenant_id', balances?.tenant.tenantId ?? ''),
      (c) => c.query(balances?.sql ?? ''),
    );
    expect(balanceRows.rows.some((r) => Number(r.open_balance) > 0)).toBe(true);
  });

  test('product pages fall back de-CH -> de -> the tenant default locale, through @b2b/catalog', async () => {
    const pool = createPool({ connectionString: db.appUrl, max: 1 });
    try {
      const page = async (slug: string, product: string, locale: string) => {
        const tenant = DEMO_TENANTS.find((t) => t.slug === slug);
        if (!tenant) throw new Error(slug);
        const result = await withTenant(pool, { tenantId: tenant.tenantId }, (c) =>
          getProductPage(c, {
            productId: idOf(tenant, `product/${product}`),
            locale,
            viewer: { currency: tenant.home.code },
          }),
        );
        return `${result.locale} ${result.name}`;
      };
      expect(await page('nordwind-technik', 'measuring-tape', 'de-CH')).toBe('de-CH Massband');
      expect(await page('nordwind-technik', 'combination-wrench', 'de-CH')).toBe('de Ring-Maulschlüssel');
      expect(await page('nordwind-technik', 'safety-goggles', 'en')).toBe('de Schutzbrille');
      expect(await page('acme-industrial', 'safety-goggles', 'de-CH')).toBe('en Safety goggles');
      expect(await page('maple-office', 'ball-valve', 'en-CA')).toBe('en Stainless steel ball valve');
    } finally {
      await pool.end();
    }
  });

  test('a failed load leaves nothing; loaded again (db:reset) it builds the same world', async () => {
    // the small profile first (the demo then builds on its tenants), and in the last tenant a staff user
    // in the way of the demo's own: the load fails after two tenants' worlds were built
    await loadSeed(other, 'small', quiet);
    const last = DEMO_TENANTS[DEMO_TENANTS.length - 1];
    const email = `casey.catalog@${last?.domain}`;
    await withClient(other.adminUrl, (client) =>
      client.query(
        `insert into tenancy.staff_users (tenant_id, email, display_name) values ($1, $2, 'In the way')`,
        [last?.tenantId, email],
      ),
    );
    await expect(loadSeed(other, 'demo', quiet)).rejects.toMatchObject({
      message: expect.stringMatching(/^Seeding the demo world failed, nothing was loaded: /),
      cause: { constraint: 'uq_staff_users_tenant_id_email' },
    });
    await withClient(other.adminUrl, async (client) => {
      const counts = await tenantTableCounts(client);
      const left = counts.filter((c) => c.rows > 0).map((c) => `${c.table}: ${c.rows}`);
      // what the small profile and the test put there, nothing more (and the audit trail of those writes)
      expect(left.sort()).toEqual([
        'audit.events: 9',
        'tenancy.memberships: 4',
        'tenancy.staff_users: 5',
        'tenancy.tenants: 3',
      ]);
      await client.query('delete from tenancy.staff_users where email = $1', [email]);
    });
    await loadSeed(other, 'demo', quiet);
    const [a, b] = await Promise.all([
      withClient(db.adminUrl, fingerprint),
      withClient(other.adminUrl, fingerprint),
    ]);
    expect(b).toEqual(a);
    // the audit trail differs by design: it also holds the staff user put in the way, and its removal
    const audited = (counts: { table: string }[]) => counts.filter((c) => !c.table.startsWith('audit.'));
    const [countsA, countsB] = await Promise.all([
      withClient(db.adminUrl, tenantTableCounts),
      withClient(other.adminUrl, tenantTableCounts),
    ]);
    expect(audited(countsB)).toEqual(audited(countsA));
  });
});
