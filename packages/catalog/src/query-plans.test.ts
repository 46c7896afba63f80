// Plan shapes of the buyer-facing reads (product page, category listing, search) as the application
// role under RLS, at a size where the planner chooses between a scan of the tenant's rows and the
// indexes (on a tiny table any plan is cheap). The statements are the generated pgtyped ones, run through
// the package's own query objects, so the plans are of the SQL the app sends: with EXPLAIN put in front
// (the listing), or, for the product page and search, which call a PL/pgSQL function whose statement is
// planned once per connection, the plan auto_explain logs for that statement inside the function (the
// cached generic plan every call runs). No enable_seqscan = off: the planner must prefer the indexes.
import { withTenant } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import type { IDatabaseConnection } from '@pgtyped/runtime';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getProductPage, listProductsInSubtree, searchProducts } from '../queries/products.queries';
import { listStockMovements } from '../queries/stock.queries';

const TENANTS = 20;
const PRODUCTS_PER_TENANT = 1000; // 2 variants, 1 price and 1 stock level per variant: about 180,000 rows

// Words of generated names: a search for one of them finds about 1 product in 30 of a tenant.
const NOUNS =
  'drill saw hammer wrench sander grinder ladder clamp chisel level router plane file rasp vise bench torch cutter stapler mixer pump hose spade rake broom bucket trowel mallet pliers socket'.split(
    ' ',
  );
const ADJECTIVES =
  'cordless compact heavy light steel brass rotary angle precision folding magnetic industrial electric manual pneumatic'.split(
    ' ',
  );

const SEED = `
select tests.create_tenant('plans-' || i) from generate_series(1, ${TENANTS}) i;
-- a bulk load: the product page triggers off, the pages built set-based at the end (as scripts/lib/product-pages.ts)
alter table catalog.products disable trigger trg_products_zz_page;
alter table catalog.product_translations disable trigger trg_product_translations_zz_page;
alter table catalog.variants disable trigger trg_variants_zz_page;
alter table catalog.prices disable trigger trg_prices_zz_page;
-- tenants interleaved, as rows arrive in production: a tenant's rows spread over the whole heap
insert into catalog.products (tenant_id, product_id, created_at)
select t.tenant_id, gen_random_uuid(), now() - make_interval(mins => g)
from generate_series(1, ${PRODUCTS_PER_TENANT}) g, tenancy.tenants t
order by g, t.tenant_id;
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug, description)
select tenant_id, product_id, 'en', name, 'p-' || md5(product_id::text), 'A ' || name || ' for the workshop.'
from (
  select tenant_id, product_id,
    initcap((array[${ADJECTIVES.map((w) => `'${w}'`).join(',')}])[1 + abs(hashtext(product_id::text || 'a')) % ${ADJECTIVES.length}])
    || ' ' || (array[${NOUNS.map((w) => `'${w}'`).join(',')}])[1 + abs(hashtext(product_id::text)) % ${NOUNS.length}]
    || ' ' || upper(left(md5(product_id::text), 4)) as name
  from catalog.products
) p;
insert into catalog.variants (tenant_id, product_id, sku)
select tenant_id, product_id, upper(left(md5(product_id::text || n), 10)) from catalog.products, generate_series(1, 2) n;
insert into catalog.categories (tenant_id) select tenant_id from tenancy.tenants, generate_series(1, 10);
insert into catalog.categories (tenant_id, parent_category_id)
select tenant_id, category_id from catalog.categories, generate_series(1, 5);
insert into catalog.product_categories (tenant_id, category_id, product_id)
select p.tenant_id, c.category_id, p.product_id
from (select tenant_id, product_id, row_number() over (partition by tenant_id order by product_id) % 50 as k
      from catalog.products) p
join (select tenant_id, category_id, row_number() over (partition by tenant_id order by category_id) % 50 as k
      from catalog.categories where parent_category_id is not null) c using (tenant_id, k);
insert into catalog.price_lists (tenant_id, name, currency) select tenant_id, 'Base', 'EUR' from tenancy.tenants;
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
select v.tenant_id, l.price_list_id, v.variant_id, 'EUR', 5 + abs(hashtext(v.sku)) % 500
from catalog.variants v join catalog.price_lists l using (tenant_id);
insert into catalog.warehouses (tenant_id, code, name, country_code)
select tenant_id, 'MAIN', 'Main', 'DE' from tenancy.tenants;
insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand)
select v.tenant_id, v.variant_id, w.warehouse_id, abs(hashtext(v.sku)) % 3 * 5
from catalog.variants v join catalog.warehouses w using (tenant_id);
alter table catalog.products enable trigger trg_products_zz_page;
alter table catalog.product_translations enable trigger trg_product_translations_zz_page;
alter table catalog.variants enable trigger trg_variants_zz_page;
alter table catalog.prices enable trigger trg_prices_zz_page;
-- statistics of the rows just loaded first: without them the build took 350 s instead of 1 s
analyze catalog.products, catalog.product_translations, catalog.variants, catalog.prices;
do $$
declare t uuid;
begin
  for t in select tenant_id from tenancy.tenants loop
    perform app.set_tenant(t);
    perform catalog.build_product_pages(t);
  end loop;
  perform app.set_tenant(null);
end
$$;
`;

/** Tables whose sequential scan would read every tenant's rows: none of these queries may have one. */
const NO_SEQ_SCAN =
  /Seq Scan on (products|product_pages|variants|prices|product_translations|product_categories|categories|stock_levels)\b/;

/** A pgtyped connection that returns the EXPLAIN of each statement instead of running it. */
function explaining(client: pg.ClientBase, into: string[]): IDatabaseConnection {
  return {
    query: async (text, bindings) => {
      const result = await client.query(`explain (costs off) ${text}`, bindings);
      into.push(result.rows.map((r) => r['QUERY PLAN']).join('\n'));
      return { rows: [], rowCount: 0 };
    },
  };
}

/** Plans without their cost estimates, so that patterns can match node and condition lines. */
const withoutCosts = (plan: string) => plan.replace(/\s+\(cost=[^)]*\)/g, '');
/** ...and without the actual row counts and loops (kept only where a test asks about them). */
const withoutActuals = (plan: string) => plan.replace(/\s+\((actual [^)]*|never executed)\)/g, '');

/**
 * The plans of the statements run inside PL/pgSQL functions by `run` on `client` (already in a
 * transaction as the application role), as auto_explain logs them (with row counts and loops): LOG
 * messages sent to this client only. The caller loads auto_explain as superuser first (autoExplain).
 */
async function nestedPlans(
  client: pg.ClientBase,
  run: (connection: IDatabaseConnection) => Promise<unknown>,
): Promise<string[]> {
  const plans: string[] = [];
  const onNotice = (notice: { severity?: string; message?: string }) => {
    const text = notice.message ?? '';
    // the call itself (a Function Scan as the plan's top node, unindented) is not one of the statements
    // inside; a function scan nested in a statement's plan (jsonb_to_recordset of the read model) is
    if (notice.severity === 'LOG' && text.includes('plan:') && !/^Function Scan on \w+/m.test(text)) {
      plans.push(withoutCosts(text));
    }
  };
  client.on('notice', onNotice);
  try {
    await client.query('set local client_min_messages = log');
    await run(client as unknown as IDatabaseConnection);
    await client.query('set local client_min_messages = notice');
  } finally {
    client.off('notice', onNotice);
  }
  return plans;
}

/** auto_explain for this session: every statement, nested ones too, with actual rows and loops. */
async function autoExplain(admin: pg.ClientBase): Promise<void> {
  await admin.query(`load 'auto_explain'`);
  await admin.query('set auto_explain.log_min_duration = 0');
  await admin.query('set auto_explain.log_nested_statements = on');
  await admin.query('set auto_explain.log_analyze = on');
  await admin.query('set auto_explain.log_timing = off');
}

describe('query plans at scale, as the application role', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let tenantId: string;
  let productId: string;
  let rootPath: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await admin.query(SEED);
      // vacuum, not only analyze: it also moves the rows just inserted from the GIN indexes' pending
      // lists (fastupdate) into the indexes; a long pending list makes every GIN scan look expensive
      await admin.query('vacuum analyze');
      const row = (
        await admin.query(`
          select p.tenant_id, p.product_id, c.path
          from catalog.products p
          join catalog.categories c on c.tenant_id = p.tenant_id and c.parent_category_id is null
          order by p.tenant_id, p.product_id, c.path limit 1`)
      ).rows[0];
      ({ tenant_id: tenantId, product_id: productId, path: rootPath } = row);
    } finally {
      await admin.end();
    }
    pool = new pg.Pool({ connectionString: db.appUrl, max: 1 });
  }, 600_000); // on a busy 2-core machine the seed and its vacuum took nearly 5 minutes
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const planOf = async (run: (connection: IDatabaseConnection) => Promise<unknown>) => {
    const plans: string[] = [];
    await withTenant(pool, { tenantId }, (client) => run(explaining(client, plans)));
    expect(plans).toHaveLength(1);
    return plans[0] as string;
  };

  /**
   * The plan of the statement inside the function that `run` calls, on its second call in the same
   * connection (a cached plan is what the application runs), as the application role. When the function
   * runs more than one statement (the product page checks its viewer first), `options.statement` picks
   * the one whose text it matches.
   */
  const cachedPlanOf = async (
    run: (connection: IDatabaseConnection) => Promise<unknown>,
    prepare?: (admin: pg.ClientBase) => Promise<void>,
    options: { actuals?: boolean; statement?: RegExp } = {},
  ) => {
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await autoExplain(admin);
      await admin.query('begin');
      await prepare?.(admin);
      await admin.query(`select app.set_tenant($1)`, [tenantId]);
      await admin.query('set local role b2b_app');
      await run(admin as unknown as IDatabaseConnection);
      const all = await nestedPlans(admin, run);
      const plans = options.statement ? all.filter((p) => options.statement?.test(p)) : all;
      expect(plans).toHaveLength(1);
      const plan = plans[0] as string;
      return options.actuals ? plan : withoutActuals(plan);
    } finally {
      await admin.query('rollback');
      await admin.end();
    }
  };

  /** The product page for a visitor in EUR, and its main statement (after the viewer check). */
  const pageOfVisitor = () => ({
    tenantId,
    productId,
    locale: 'en',
    buyerId: null,
    companyId: null,
    quantity: 1,
    currency: 'EUR',
  });
  const PAGE_STATEMENT = /from catalog\.product_pages pg\b/;
  /** The search's statement (after the read of the tenant's default locale). */
  const SEARCH_STATEMENT = /from ranked r\b/;

  const search = {
    text: 'drill',
    locale: 'en',
    pathFrom: null,
    pathTo: null,
    companyId: null,
    currency: null,
    minPrice: null,
    maxPrice: null,
    inStock: false,
    afterScore: null,
    afterProductId: null,
    limit: 24,
  };

  test('the product page reads its read model by key, the applicable price lists and the stock by index', async () => {
    const plan = await cachedPlanOf((c) => getProductPage.run(pageOfVisitor(), c), undefined, {
      statement: PAGE_STATEMENT,
    });
    expect(plan).not.toMatch(NO_SEQ_SCAN);
    // one row of the read model (issue 13) instead of the product, its variants and their prices
    expect(plan).toContain('pk_product_pages');
    expect(plan).not.toContain('idx_variants_tenant_id_product_id');
    expect(plan).not.toMatch(/ on prices \w+/);
    // what depends on the viewer and the moment, read live: the lists (once per page) and the stock
    expect(plan).toMatch(/CTE lists[\s\S]*on price_lists l/);
    expect(plan).toContain('pk_stock_levels');
  });

  test('the product page runs a cached generic plan: no planning per call', async () => {
    const plan = await cachedPlanOf((c) => getProductPage.run(pageOfVisitor(), c), undefined, {
      statement: PAGE_STATEMENT,
    });
    // generic: the product is a parameter of the plan, not the value of this call folded in; the tenant is a
    // parameter or the policy's own expression (tenant_id = app.current_tenant_id(), inlined: evaluated once
    // per scan), never a value
    expect(plan).toMatch(
      /pk_product_pages on product_pages pg\s+Index Cond: \(\(tenant_id = (\$\d+|\(NULLIF\(current_setting\('app\.tenant_id'::text, true\), ''::text\)\)::uuid)\) AND \(product_id = \$\d+\)\)/,
    );
    expect(plan).not.toContain(productId);
  });

  test('the tenant (its default locale) is read once per call, in a statement of its own', async () => {
    // not inside the page's or the search's statement: on Citus a statement of a delegated function may not
    // join the reference table tenancy.tenants with the distributed ones
    const searchRun = (c: IDatabaseConnection) => searchProducts.run({ ...search, tenantId }, c);
    const pageRun = (c: IDatabaseConnection) => getProductPage.run(pageOfVisitor(), c);
    const tenantRead = /from tenancy\.tenants tn where tn\.tenant_id = v_tenant/;
    for (const run of [searchRun, pageRun]) {
      const read = await cachedPlanOf(run, undefined, { actuals: true, statement: tenantRead });
      expect(read).toMatch(/ on tenants tn\b[^\n]*loops=1\)/);
    }
    expect(await cachedPlanOf(searchRun, undefined, { statement: SEARCH_STATEMENT })).not.toMatch(
      / on tenants /,
    );
    expect(await cachedPlanOf(pageRun, undefined, { statement: PAGE_STATEMENT })).not.toMatch(/ on tenants /);
  });

  test('the category listing ranges over the subtree paths by index', async () => {
    const plan = await planOf((c) =>
      listProductsInSubtree.run(
        {
          tenantId,
          locale: 'en',
          pathFrom: rootPath,
          pathTo: `${rootPath.slice(0, -1)}0`,
          afterCreatedAt: null,
          afterProductId: null,
          limit: 24,
        },
        c,
      ),
    );
    expect(plan).not.toMatch(NO_SEQ_SCAN);
    expect(plan).toMatch(/idx_categories_tenant_id_path on categories \w+\s+Index Cond: [^\n]*path >= /);
  });

  test('the stock journal pages in index order (no sort) for a level, a warehouse and the tenant', async () => {
    const { variant_id: variantId, warehouse_id: warehouseId } = (
      await withTenant(pool, { tenantId }, (c) =>
        c.query('select variant_id, warehouse_id from catalog.stock_levels order by variant_id limit 1'),
      )
    ).rows[0];
    // a level and the tenant are read in index order; one warehouse by its own index (at this size, where
    // the seed's movements share one moved_at and the tenant has one warehouse, the planner may fetch the
    // warehouse's rows by bitmap and sort them; at a warehouse's real journal length the ordered scan wins)
    const cases = [
      {
        variantId,
        warehouseId,
        index: 'idx_stock_movements_tenant_id_variant_id_warehouse_id_moved_at',
        ordered: true,
      },
      {
        variantId: null,
        warehouseId: null,
        index: 'idx_stock_movements_tenant_id_moved_at_movement_id',
        ordered: true,
      },
      {
        variantId: null,
        warehouseId,
        index: 'idx_stock_movements_tenant_id_warehouse_id_moved_at',
        ordered: false,
      },
    ];
    // the first page, and a later one (a cursor after every row of the seed: the whole journal qualifies)
    const afters = [
      { afterMovedAt: null, afterMovementId: null },
      { afterMovedAt: '2999-01-01T00:00:00.000000Z', afterMovementId: productId },
    ];
    for (const { index, ordered, ...filters } of cases)
      for (const after of afters) {
        const plan = await planOf((c) =>
          listStockMovements.run({ ...filters, ...after, tenantId, limit: 51 }, c),
        );
        expect(plan).not.toMatch(/Seq Scan/);
        expect(plan).toMatch(new RegExp(`Index Scan (using|on) ${index}\\b`));
        if (ordered) {
          expect(plan).not.toMatch(/Sort/);
          if (after.afterMovedAt !== null)
            expect(plan).toMatch(/Index Cond: [^\n]*ROW\(moved_at, movement_id\) </);
        }
      }
  });

  test('search matches names, full text and SKUs inside the GIN indexes (tenant_id in them)', async () => {
    const plan = await cachedPlanOf((c) => searchProducts.run({ ...search, tenantId }, c), undefined, {
      statement: SEARCH_STATEMENT,
    });
    expect(plan).not.toMatch(NO_SEQ_SCAN);
    expect(plan).toMatch(
      /idx_product_translations_tenant_id_search_vector\s+Index Cond: [^\n]*search_vector @@/,
    );
    expect(plan).toMatch(
      /idx_product_translations_tenant_id_name_trgm\s+Index Cond: [^\n]*name OPERATOR\(extensions\.%\)/,
    );
    expect(plan).toMatch(/idx_variants_tenant_id_sku_trgm\s+Index Cond: [^\n]*sku OPERATOR\(extensions\.%\)/);
  });

  test('search runs a cached generic plan, the text parsed once per call', async () => {
    const plan = await cachedPlanOf((c) => searchProducts.run({ ...search, tenantId }, c), undefined, {
      statement: SEARCH_STATEMENT,
    });
    // the tsquery is a parameter: websearch_to_tsquery is not called again per ranked or rechecked row
    expect(plan).toMatch(/search_vector @@ \$\d+/);
    expect(plan).not.toContain('websearch_to_tsquery');
    expect(plan).not.toContain("'drill'");
  });

  test('search scans similar names only when the full text finds too little (a one-time filter)', async () => {
    // 'workshop' is in every description: enough full-text matches (24) to skip the trigram scan of names
    // (and the similarity of every full-text match), the costly part of a search; a misspelled word
    // matches nothing by full text, so the scan runs
    const plan = await cachedPlanOf(
      (c) => searchProducts.run({ ...search, text: 'workshop', tenantId }, c),
      undefined,
      {
        actuals: true,
        statement: SEARCH_STATEMENT,
      },
    );
    // the gate: a one-time filter on whether the full text found too little (an InitPlan over `fuzzy`)
    expect(plan).toMatch(
      /One-Time Filter: \(\$\d+ AND [^\n]*\n\s+InitPlan \d+ \(returns \$\d+\)\n\s+-> {2}CTE Scan on fuzzy/,
    );
    expect(plan).toMatch(
      /Bitmap Index Scan on idx_product_translations_tenant_id_name_trgm \(never executed\)/,
    );
    expect(plan).toMatch(/Bitmap Index Scan on idx_product_translations_tenant_id_search_vector \(actual /);
    const typo = await cachedPlanOf(
      (c) => searchProducts.run({ ...search, text: 'drlil', tenantId }, c),
      undefined,
      { actuals: true, statement: SEARCH_STATEMENT },
    );
    expect(typo).toMatch(/Bitmap Index Scan on idx_product_translations_tenant_id_name_trgm \(actual /);
  });

  test("search checks that a hit is live per hit shown, not by reading all of the tenant's products", async () => {
    const plan = await cachedPlanOf((c) => searchProducts.run({ ...search, tenantId }, c), undefined, {
      statement: SEARCH_STATEMENT,
    });
    expect(plan).toMatch(
      /Index Scan using pk_products on products p\s+Index Cond: [^\n]*product_id = r\.product_id/,
    );
    expect(plan).not.toContain('idx_products_tenant_id_created_at_live');
  });

  test('search with every filter still reads nothing but index ranges', async () => {
    const plan = await cachedPlanOf(
      (c) =>
        searchProducts.run(
          {
            ...search,
            tenantId,
            pathFrom: rootPath,
            pathTo: `${rootPath.slice(0, -1)}0`,
            currency: 'EUR',
            minPrice: '10',
            maxPrice: '200',
            inStock: true,
          },
          c,
        ),
      undefined,
      { statement: SEARCH_STATEMENT },
    );
    expect(plan).not.toMatch(NO_SEQ_SCAN);
    expect(plan).toContain('idx_product_translations_tenant_id_search_vector');
    expect(plan).toMatch(
      /Index Only Scan using idx_prices_tenant_id_variant_id_currency_incl on prices \w+\s+Index Cond: [^\n]*variant_id = v(_\d+)?\.variant_id/,
    );
    expect(plan).toContain('pk_stock_levels');
    expect(plan).toContain('idx_categories_tenant_id_path');
  });

  test('control: without the leakproof marks the same search cannot use its GIN indexes', async () => {
    // the marks are rolled back with the transaction (cachedPlanOf's); as superuser, then as the
    // application role
    const plan = await cachedPlanOf(
      (c) => searchProducts.run({ ...search, tenantId }, c),
      async (admin) => {
        await admin.query(`alter function pg_catalog.ts_match_vq(tsvector, tsquery) not leakproof`);
        await admin.query(`alter function extensions.similarity_op(text, text) not leakproof`);
      },
      { statement: SEARCH_STATEMENT },
    );
    // the GIN indexes may still serve tenant_id = ... alone, but no longer the search condition
    expect(plan).not.toMatch(/Index Cond: [^\n]*(@@|OPERATOR\(extensions\.%\))/);
    expect(plan).toMatch(/Filter: [^\n]*search_vector @@/);
  });
});
