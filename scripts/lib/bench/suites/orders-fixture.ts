// The data `pnpm bench orders` orders from: a scratch database on the development cluster, migrated like
// any other, with a fixture written in SQL as the superuser. It does not depend on a seed profile, so the
// figures mean the same on every machine, and the dev database is not filled with benchmark orders.
import { migrate } from '@b2b/migrate';
import { withClient } from '@b2b/testing';
import type pg from 'pg';
import { SQL_DIR } from '../../dev-database';

/** Fixed, so a run killed with -9 leaves at most this one behind and the next run drops it first. */
export const ORDERS_DATABASE = 'b2b_bench_orders';

/**
 * Sizes. Each order takes 5 random distinct variants of its tenant, so with 10,000 variants per tenant
 * (the large seed profile's) and 32 clients over 4 tenants, an order shares a stock row with one of the
 * 7 others in flight in its tenant about 2 % of the time (5 x 35 locked rows / 10,000 variants): some
 * waiting on row locks, as in a real shop, but no hot rows (a hot row would measure lock queueing).
 */
export const FIXTURE = {
  tenants: 4,
  companiesPerTenant: 25,
  buyersPerCompany: 2,
  productsPerTenant: 5_000,
  variantsPerProduct: 2,
  /** Units on hand per variant in each of the 2 warehouses: no order can run short. */
  onHand: 1_000_000,
} as const;

/** The fixture's sizes: FIXTURE for the benchmark; a drill may load a smaller one. */
export type FixtureSizes = { [K in keyof typeof FIXTURE]: number };

/** 10,000: the large seed profile's count per tenant. */
export const VARIANTS_PER_TENANT = FIXTURE.productsPerTenant * FIXTURE.variantsPerProduct;

export interface OrderingBuyer {
  tenantId: string;
  companyId: string;
  buyerId: string;
  currency: string;
}

export interface OrdersFixture {
  buyers: OrderingBuyer[];
  /** Variant ids per tenant. */
  variants: Map<string, string[]>;
  summary: string;
}

/**
 * One statement per table, all tenants at once. Companies have generous credit limits, no parent, no
 * approval rules and buyers no spending limits (so every order is placed, none waits for approval);
 * every company has default billing and shipping addresses (place_order copies them); one base EUR price
 * list per tenant prices every variant (tiers and company lists are the catalog suite's concern).
 */
const fixtureSql = (f: FixtureSizes): [sql: string, values: number[]][] => [
  [
    `insert into tenancy.tenants (slug, name)
     select 'bench-' || i, 'Bench tenant ' || i from generate_series(1, $1::int) i`,
    [f.tenants],
  ],
  [
    `insert into accounts.companies (tenant_id, legal_name, default_currency, default_locale, credit_limit)
     select t.tenant_id, 'Bench company ' || i, 'EUR', 'en', 1000000000
     from tenancy.tenants t, generate_series(1, $1::int) i`,
    [f.companiesPerTenant],
  ],
  [
    `insert into accounts.addresses (tenant_id, company_id, kind, is_default, recipient, line1, locality,
       postal_code, country_code)
     select c.tenant_id, c.company_id, k.kind, true, 'Receiving', 'Hafenstrasse 1', 'Hamburg', '20457', 'DE'
     from accounts.companies c, (values ('billing'), ('shipping')) k(kind)`,
    [],
  ],
  [
    `insert into accounts.buyer_roles (tenant_id, name) select tenant_id, 'Purchaser' from tenancy.tenants`,
    [],
  ],
  [
    `insert into accounts.buyer_role_permissions (tenant_id, buyer_role_id, permission)
     select tenant_id, buyer_role_id, 'orders.create' from accounts.buyer_roles`,
    [],
  ],
  [
    `insert into accounts.buyers (tenant_id, company_id, buyer_role_id, email, full_name)
     select c.tenant_id, c.company_id, r.buyer_role_id,
       'buyer' || i || '.' || left(c.company_id::text, 8) || '@example.com', 'Buyer ' || i
     from accounts.companies c
     join accounts.buyer_roles r on r.tenant_id = c.tenant_id
     cross join generate_series(1, $1::int) i`,
    [f.buyersPerCompany],
  ],
  [
    `insert into catalog.warehouses (tenant_id, code, name, country_code)
     select t.tenant_id, w.code, w.name, 'DE'
     from tenancy.tenants t, (values ('WH-NORTH', 'North'), ('WH-SOUTH', 'South')) w(code, name)`,
    [],
  ],
  [
    `insert into catalog.products (tenant_id) select t.tenant_id from tenancy.tenants t, generate_series(1, $1::int)`,
    [f.productsPerTenant],
  ],
  [
    `insert into catalog.variants (tenant_id, product_id, sku)
     select p.tenant_id, p.product_id, 'BENCH-' || row_number() over (partition by p.tenant_id) || '-' || v
     from catalog.products p, generate_series(1, $1::int) v`,
    [f.variantsPerProduct],
  ],
  [
    `insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand)
     select v.tenant_id, v.variant_id, w.warehouse_id, $1::bigint
     from catalog.variants v join catalog.warehouses w on w.tenant_id = v.tenant_id`,
    [f.onHand],
  ],
  [
    `insert into catalog.price_lists (tenant_id, name, currency) select tenant_id, 'Base EUR', 'EUR' from tenancy.tenants`,
    [],
  ],
  [
    `insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
     select v.tenant_id, l.price_list_id, v.variant_id, 'EUR', round((1 + random() * 499)::numeric, 2)
     from catalog.variants v join catalog.price_lists l on l.tenant_id = v.tenant_id`,
    [],
  ],
];

async function loadFixture(client: pg.Client, sizes: FixtureSizes): Promise<void> {
  await client.query('begin');
  for (const [sql, values] of fixtureSql(sizes)) await client.query(sql, values);
  await client.query('commit');
  // Fresh statistics, so the first measured orders do not run on plans made for empty tables.
  await client.query('analyze');
}

async function readFixture(client: pg.Client, f: FixtureSizes): Promise<OrdersFixture> {
  const buyers = (
    await client.query<OrderingBuyer>(
      `select b.tenant_id as "tenantId", b.company_id as "companyId", b.buyer_id as "buyerId",
         c.default_currency as currency
       from accounts.buyers b join accounts.companies c using (tenant_id, company_id)`,
    )
  ).rows;
  const variants = new Map<string, string[]>();
  const { rows } = await client.query<{ tenant_id: string; variant_id: string }>(
    'select tenant_id, variant_id from catalog.variants',
  );
  for (const r of rows) {
    const list = variants.get(r.tenant_id) ?? [];
    if (!list.length) variants.set(r.tenant_id, list);
    list.push(r.variant_id);
  }
  const perTenant = f.productsPerTenant * f.variantsPerProduct;
  return {
    buyers,
    variants,
    summary:
      `scratch fixture: ${f.tenants} tenants x ${f.companiesPerTenant} companies x ` +
      `${f.buyersPerCompany} buyers, ${perTenant.toLocaleString('en')} variants per tenant, ` +
      `each priced and stocked in 2 warehouses`,
  };
}

/**
 * Migrates the (new, empty) database at `adminUrl` from `sqlDir` (the working tree's sql/ by default) and
 * loads the fixture (of `sizes`) into it.
 */
export async function prepareOrdersDatabase(
  adminUrl: string,
  sizes: FixtureSizes = FIXTURE,
  sqlDir: string = SQL_DIR,
): Promise<OrdersFixture> {
  await migrate({ url: adminUrl, sqlDir, log: () => {} });
  return loadOrdersFixture(adminUrl, sizes);
}

/** Loads the fixture (of `sizes`) into the migrated, empty database at `adminUrl` (on Citus too). */
export async function loadOrdersFixture(
  adminUrl: string,
  sizes: FixtureSizes = FIXTURE,
): Promise<OrdersFixture> {
  return withClient(adminUrl, async (client) => {
    await loadFixture(client, sizes);
    return readFixture(client, sizes);
  });
}
