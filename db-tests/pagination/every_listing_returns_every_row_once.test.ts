// Keyset pagination returns every row exactly once, in the stated order, also when rows tie on the first
// sort key (orders placed in one transaction share created_at; companies share a legal name; products of
// one import share created_at and a search score; stock movements of one transaction share moved_at).
// Driven by the packages' exports: every exported list* or search* function must have a scenario here, so
// a new listing cannot skip the test.
import type { Page } from '@b2b/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as accounts from '../../packages/accounts/src/index';
import * as catalog from '../../packages/catalog/src/index';
import * as orders from '../../packages/orders/src/index';
import { type OrdersTestBed, openTestBed } from '../../packages/orders/src/test-bed';
import * as tenancy from '../../packages/tenancy/src/index';

const PACKAGES = { tenancy, accounts, catalog, orders };
const TIES = 5;

interface Scenario {
  /** Rows this listing shows after seeding, in the stated order, read by SQL as the superuser. */
  expected: { sql: string; params: () => unknown[] };
  /**
   * The largest number of listed rows that share the first sort key: TIES, or 1 where that key is unique
   * by constraint (then the id only breaks ties the constraint already rules out).
   */
  ties: { sql: string; expected: number };
  page: (after: string | undefined, limit: number) => Promise<Page<unknown>>;
  id: (item: unknown) => string;
}

let bed: OrdersTestBed;
let admin: pg.Client;
let categoryId: string;

const rows = <T>(item: unknown) => item as T;

const SCENARIOS: Record<string, Scenario> = {
  'tenancy.listStaffUsers': {
    // email is unique per tenant (uq_staff_users_tenant_id_email): no ties possible; the id still breaks them
    ties: {
      sql: `select count(*) from tenancy.staff_users where tenant_id = $1 group by email`,
      expected: 1,
    },
    expected: {
      sql: `select staff_user_id::text as id from tenancy.staff_users where tenant_id = $1 order by email, staff_user_id`,
      params: () => [bed.world.tenantId],
    },
    page: (after, limit) => bed.asTenant((c) => tenancy.listStaffUsers(c, { after, limit })),
    id: (item) => rows<{ staff_user_id: string }>(item).staff_user_id,
  },
  'accounts.listCompanies': {
    ties: {
      sql: `select count(*) from accounts.companies where tenant_id = $1 group by legal_name`,
      expected: TIES,
    },
    expected: {
      sql: `select company_id::text as id from accounts.companies where tenant_id = $1 order by legal_name, company_id`,
      params: () => [bed.world.tenantId],
    },
    page: (after, limit) => bed.asTenant((c) => accounts.listCompanies(c, { after, limit })),
    id: (item) => rows<{ company_id: string }>(item).company_id,
  },
  'accounts.listBuyersOfCompany': {
    // email is unique per company (uq_buyers_tenant_id_company_id_email)
    ties: {
      sql: `select count(*) from accounts.buyers where tenant_id = $1 and company_id = $2 group by email`,
      expected: 1,
    },
    expected: {
      sql: `select buyer_id::text as id from accounts.buyers where tenant_id = $1 and company_id = $2 order by email, buyer_id`,
      params: () => [bed.world.tenantId, bed.world.companyId],
    },
    page: (after, limit) =>
      bed.asTenant((c) => accounts.listBuyersOfCompany(c, bed.world.companyId, { after, limit })),
    id: (item) => rows<{ buyer_id: string }>(item).buyer_id,
  },
  'catalog.listProductsInCategory': {
    ties: {
      sql: `select count(*) from catalog.products p join catalog.product_categories pc using (tenant_id, product_id)
        where p.tenant_id = $1 and pc.category_id = $2 group by p.created_at`,
      expected: TIES,
    },
    expected: {
      sql: `select p.product_id::text as id from catalog.products p
        join catalog.product_categories pc using (tenant_id, product_id)
        where p.tenant_id = $1 and pc.category_id = $2 and p.archived_at is null
        order by p.created_at desc, p.product_id`,
      params: () => [bed.world.tenantId, categoryId],
    },
    page: (after, limit) =>
      bed.asTenant((c) => catalog.listProductsInCategory(c, { categoryId, locale: 'en', after, limit })),
    id: (item) => rows<{ product_id: string }>(item).product_id,
  },
  'catalog.searchProducts': {
    ties: {
      sql: `select count(*) from catalog.product_translations where tenant_id = $1 and name = 'Tie widget'
        group by name, description`,
      expected: TIES,
    },
    expected: {
      // identical names and descriptions: one score, so the order is product_id ascending
      sql: `select p.product_id::text as id from catalog.products p
        join catalog.product_translations t using (tenant_id, product_id)
        where p.tenant_id = $1 and t.name = 'Tie widget' order by p.product_id`,
      params: () => [bed.world.tenantId],
    },
    page: (after, limit) =>
      bed.asTenant((c) => catalog.searchProducts(c, { text: 'tie widget', locale: 'en', after, limit })),
    id: (item) => rows<{ product_id: string }>(item).product_id,
  },
  'catalog.listStockMovements': {
    // the orders placed in one transaction reserve in one transaction: their movements share moved_at
    ties: {
      sql: `select count(*) from catalog.stock_movements where tenant_id = $1 and variant_id = $2 group by moved_at`,
      expected: TIES,
    },
    expected: {
      sql: `select movement_id::text as id from catalog.stock_movements where tenant_id = $1 and variant_id = $2
        order by moved_at desc, movement_id desc`,
      params: () => [bed.world.tenantId, bed.world.variantId],
    },
    page: (after, limit) =>
      bed.asTenant((c) => catalog.listStockMovements(c, { variantId: bed.world.variantId, after, limit })),
    id: (item) => rows<{ movement_id: string }>(item).movement_id,
  },
  'orders.listOrdersOfCompany': {
    ties: {
      sql: `select count(*) from orders.orders where tenant_id = $1 and company_id = $2 group by created_at`,
      expected: TIES,
    },
    expected: {
      sql: `select order_id::text as id from orders.orders where tenant_id = $1 and company_id = $2
        order by created_at desc, order_id desc`,
      params: () => [bed.world.tenantId, bed.world.companyId],
    },
    page: (after, limit) =>
      bed.asTenant((c) => orders.listOrdersOfCompany(c, { companyId: bed.world.companyId, after, limit })),
    id: (item) => rows<{ order_id: string }>(item).order_id,
  },
  'orders.listReceivableEntries': {
    ties: {
      sql: `select count(*) from orders.receivable_entries where tenant_id = $1 and company_id = $2
        group by recorded_at`,
      expected: TIES,
    },
    expected: {
      sql: `select entry_id::text as id from orders.receivable_entries where tenant_id = $1 and company_id = $2
        order by recorded_at desc, entry_id desc`,
      params: () => [bed.world.tenantId, bed.world.companyId],
    },
    page: (after, limit) =>
      bed.asTenant((c) => orders.listReceivableEntries(c, { companyId: bed.world.companyId, after, limit })),
    id: (item) => rows<{ entry_id: string }>(item).entry_id,
  },
};

/** Every page, following `next` until it is absent. */
async function pageThrough(scenario: Scenario, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await scenario.page(after, limit);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map(scenario.id));
    if (page.next === undefined) return ids;
    expect(page.items.length, 'a page with a next is full').toBe(limit);
    after = page.next;
  }
  throw new Error('paging did not end');
}

async function seed(): Promise<void> {
  const { tenantId, companyId, purchaserRoleId, variantId } = bed.world;
  // the same world in another tenant: its rows must never show up
  const beta: string = (await admin.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
  await admin.query(`select * from tests.create_order_world($1, stock => 100, prefix => 'beta')`, [beta]);

  await bed.asTenant(async (c) => {
    for (let i = 1; i <= TIES; i++) {
      await tenancy.createStaffUser(c, { email: `staff${i}@alpha.example`, displayName: `Staff ${i}` });
      await accounts.createCompany(c, {
        legalName: 'Same GmbH',
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
      });
      await accounts.createBuyer(c, {
        companyId,
        buyerRoleId: purchaserRoleId,
        email: `buyer${i}@acme.example`,
        fullName: `Buyer ${i}`,
      });
    }
  });
  // one transaction: the products share created_at (and, with one name, their search score)
  await bed.asTenant(async (c) => {
    categoryId = (await catalog.createCategory(c)).category_id;
    for (let i = 1; i <= TIES; i++) {
      const product = await catalog.createProduct(c, {
        translation: { locale: 'en', name: 'Tie widget', slug: `tie-widget-${i}` },
      });
      await catalog.addProductToCategory(c, { categoryId, productId: product.product_id });
    }
  });
  await bed.asTenant(async (c) => {
    const product = await catalog.createProduct(c, {
      translation: { locale: 'en', name: 'Later gadget', slug: 'later-gadget' },
    });
    await catalog.addProductToCategory(c, { categoryId, productId: product.product_id });
  });
  const place = (key: string) =>
    bed.asTenant((c) =>
      orders.placeOrder(c, {
        companyId,
        buyerId: bed.world.buyerId,
        currency: 'EUR',
        lines: [{ variantId, quantity: 1 }],
        idempotencyKey: key,
      }),
    );
  await place('before');
  // one transaction: the orders share created_at, the case of the issue
  await bed.asTenant(async (c) => {
    for (let i = 1; i <= TIES; i++)
      await orders.placeOrder(c, {
        companyId,
        buyerId: bed.world.buyerId,
        currency: 'EUR',
        lines: [{ variantId, quantity: 1 }],
        idempotencyKey: `tie-${i}`,
      });
  });
  await place('after');
  // ledger: payments through the API, and entries that share recorded_at to the microsecond (written as
  // the superuser: the API's clock_timestamp() makes such ties rare, not impossible)
  await bed.asTenant((c) =>
    orders.recordPayment(c, { companyId, amount: '1.00', currency: 'EUR', reference: 'first' }),
  );
  await admin.query(
    `insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, reference, recorded_at)
     select $1, $2, 'payment', 1, 'EUR', 'tie ' || n, '2026-11-29 21:00:00.123456+00'::timestamptz
     from generate_series(1, $3::int) n`,
    [tenantId, companyId, TIES],
  );
  // and entries in one millisecond that differ below it: a millisecond cursor would repeat or skip them
  await admin.query(
    `insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, reference, recorded_at)
     select $1, $2, 'payment', 1, 'EUR', 'sub-ms ' || us, '2026-11-29 21:00:00.124000+00'::timestamptz + us * interval '1 microsecond'
     from unnest(array[1, 2, 500, 999]) us`,
    [tenantId, companyId],
  );
  await bed.asTenant((c) =>
    orders.recordPayment(c, { companyId, amount: '1.00', currency: 'EUR', reference: 'last' }),
  );
}

describe('every listing returns every row exactly once', () => {
  beforeAll(async () => {
    bed = await openTestBed({ stock: 100 });
    admin = bed.admin;
    await seed();
  }, 120_000);
  afterAll(async () => {
    await bed?.close();
  });

  test('every exported list* and search* function of every package has a scenario here', () => {
    const listings = Object.entries(PACKAGES).flatMap(([name, exports]) =>
      Object.entries(exports)
        .filter(([key, value]) => typeof value === 'function' && /^(list|search)[A-Z]/.test(key))
        .map(([key]) => `${name}.${key}`),
    );
    expect(listings.length).toBeGreaterThanOrEqual(7);
    expect(listings.sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  describe.each(Object.entries(SCENARIOS))('%s', (_, scenario) => {
    test('pages of 1, 2 and 3 return every row once, in the stated order, ties included', async () => {
      const expected = (
        await admin.query<{ id: string }>(scenario.expected.sql, scenario.expected.params())
      ).rows.map((r) => r.id);
      expect(expected.length).toBeGreaterThanOrEqual(TIES);
      const whole = await pageThrough(scenario, 200);
      expect(whole).toEqual(expected);
      for (const limit of [1, 2, 3]) expect(await pageThrough(scenario, limit)).toEqual(expected);
    });

    test('the seed really has rows that tie on the first sort key (or the key is unique)', async () => {
      const counts = (await admin.query<{ count: string }>(scenario.ties.sql, scenario.expected.params()))
        .rows;
      expect(Math.max(...counts.map((r) => Number(r.count)))).toBe(scenario.ties.expected);
    });

    test('a cursor of another listing, or a tampered one, is ValidationError cursor_invalid', async () => {
      const foreign = Buffer.from(JSON.stringify({ l: 'elsewhere.listThings', k: ['x', 'y'] })).toString(
        'base64url',
      );
      for (const bad of [foreign, 'not-a-cursor', `${foreign}x`]) {
        const error = await scenario.page(bad, 2).catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'ValidationError', code: 'cursor_invalid' });
      }
    });
  });
});
