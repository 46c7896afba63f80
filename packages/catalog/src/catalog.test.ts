// @b2b/catalog through withTenant as the application role: what apps do, and every typed error.
import { BuyerNotInCompanyError, createBuyer, createBuyerRole, createCompany } from '@b2b/accounts';
import { ConflictError, createPool, ForeignKeyError, ValidationError, withTenant } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addProductToCategory,
  archiveProduct,
  createCategory,
  createPriceList,
  createProduct,
  createVariant,
  createWarehouse,
  getProductPage,
  getStockByWarehouse,
  listProductsInCategory,
  moveCategory,
  NotFoundError,
  resolvePrice,
  searchProducts,
  upsertPrices,
  upsertProductTranslations,
  upsertStockLevels,
  upsertVariants,
} from './index';

describe('@b2b/catalog', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let alpha: string;
  let beta: string;
  // the alpha tenant's fixtures, built through the package APIs in beforeAll
  const ids: Record<string, string> = {};
  const id = (name: string) => ids[name] as string;

  const asAlpha = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(pool, { tenantId: alpha }, fn);
  const asBeta = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(pool, { tenantId: beta }, fn);

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    alpha = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    beta = (await admin.query(`select tests.create_tenant('beta') as id`)).rows[0].id;
    await admin.end();
    pool = createPool({ connectionString: db.appUrl, max: 2 });

    await asAlpha(async (c) => {
      // companies and buyers
      const acme = await createCompany(c, { legalName: 'Acme', defaultCurrency: 'EUR', defaultLocale: 'de' });
      const bolt = await createCompany(c, { legalName: 'Bolt', defaultCurrency: 'EUR', defaultLocale: 'en' });
      const role = await createBuyerRole(c, { name: 'Purchaser', permissions: ['orders.create'] });
      const ann = await createBuyer(c, {
        companyId: acme.company_id,
        buyerRoleId: role.buyer_role_id,
        email: 'ann@acme.example',
        fullName: 'Ann',
      });
      Object.assign(ids, { acme: acme.company_id, bolt: bolt.company_id, ann: ann.buyer_id });

      // categories: tools > power tools; garden (elsewhere)
      const tools = await createCategory(c);
      const power = await createCategory(c, { parentCategoryId: tools.category_id });
      const garden = await createCategory(c);
      Object.assign(ids, { tools: tools.category_id, power: power.category_id, garden: garden.category_id });
    });

    // products, oldest first, each in its own transaction (now() is the transaction's start)
    const products: [string, string, string, string][] = [
      ['drill', 'Cordless drill', 'cordless-drill', 'A drill with two batteries for masonry and wood.'],
      ['saw', 'Circular saw', 'circular-saw', 'Cuts wood and plastics.'],
      ['hammer', 'Claw hammer', 'claw-hammer', 'Steel hammer with a fibreglass handle.'],
      ['mower', 'Lawn mower', 'lawn-mower', 'Petrol mower.'],
    ];
    for (const [key, name, slug, description] of products) {
      const p = await asAlpha((c) =>
        createProduct(c, { translation: { locale: 'en', name, slug, description } }),
      );
      ids[key] = p.product_id;
    }

    await asAlpha(async (c) => {
      await addProductToCategory(c, { categoryId: id('power'), productId: id('drill') });
      await addProductToCategory(c, { categoryId: id('power'), productId: id('saw') });
      await addProductToCategory(c, { categoryId: id('tools'), productId: id('hammer') });
      await addProductToCategory(c, { categoryId: id('tools'), productId: id('drill') });
      await addProductToCategory(c, { categoryId: id('garden'), productId: id('mower') });
      await upsertProductTranslations(c, [
        {
          productId: id('drill'),
          locale: 'de',
          name: 'Akku-Bohrschrauber',
          slug: 'akku-bohrschrauber',
          description: 'Bohrt in Holz und Mauerwerk.',
        },
      ]);

      const variants = await upsertVariants(c, [
        { productId: id('drill'), sku: 'DRL-18V-2AH' },
        { productId: id('drill'), sku: 'DRL-18V-5AH' },
        { productId: id('saw'), sku: 'SAW-190' },
        { productId: id('hammer'), sku: 'HAM-500' },
      ]);
      for (const v of variants) ids[v.sku] = v.variant_id;
    });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  test('lists a category subtree, newest first, a page at a time; archived products leave it', async () => {
    const first = await asAlpha((c) =>
      listProductsInCategory(c, { categoryId: id('tools'), locale: 'en', limit: 2 }),
    );
    expect(first.items.map((p) => p.name)).toEqual(['Claw hammer', 'Circular saw']);
    const second = await asAlpha((c) =>
      listProductsInCategory(c, { categoryId: id('tools'), locale: 'en', limit: 2, after: first.next }),
    );
    expect(second.items.map((p) => p.name)).toEqual(['Cordless drill']);
    const power = await asAlpha((c) =>
      listProductsInCategory(c, { categoryId: id('power'), locale: 'de-CH' }),
    );
    // de-CH falls back to de where there is one, else to the tenant's default locale
    expect(power.items.map((p) => [p.name, p.locale])).toEqual([
      ['Circular saw', 'en'],
      ['Akku-Bohrschrauber', 'de'],
    ]);
    expect(power.next).toBeUndefined();

    await asAlpha((c) => archiveProduct(c, id('mower')));
    const garden = await asAlpha((c) =>
      listProductsInCategory(c, { categoryId: id('garden'), locale: 'en' }),
    );
    expect(garden.items).toEqual([]);
    expect(
      await asBeta((c) => listProductsInCategory(c, { categoryId: id('tools'), locale: 'en' })).catch(
        (e) => e,
      ),
    ).toBeInstanceOf(NotFoundError);
  });

  test('paging a subtree one product at a time returns every live product exactly once', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page: Awaited<ReturnType<typeof listProductsInCategory>> = await asAlpha((c) =>
        listProductsInCategory(c, { categoryId: id('tools'), locale: 'en', limit: 1, after }),
      );
      seen.push(...page.items.map((p) => p.product_id));
      after = page.next;
    } while (after);
    expect(seen.sort()).toEqual([id('drill'), id('saw'), id('hammer')].sort());
  });

  test('searches names by full text and similarity, and SKUs by similarity; archived products never', async () => {
    const drills = await asAlpha((c) => searchProducts(c, { text: 'drills', locale: 'en' }));
    expect(drills.items.map((h) => h.name)).toContain('Cordless drill');
    const bySku = await asAlpha((c) => searchProducts(c, { text: 'SAW-190', locale: 'en' }));
    expect(bySku.items[0]?.name).toBe('Circular saw');
    const wood = await asAlpha((c) => searchProducts(c, { text: 'wood', locale: 'en', limit: 1 }));
    expect(wood.items).toHaveLength(1);
    const rest = await asAlpha((c) => searchProducts(c, { text: 'wood', locale: 'en', after: wood.next }));
    expect([...wood.items, ...rest.items].map((h) => h.name).sort()).toEqual([
      'Circular saw',
      'Cordless drill',
    ]);
    const mower = await asAlpha((c) => searchProducts(c, { text: 'mower', locale: 'en' }));
    expect(mower.items).toEqual([]);
    expect((await asBeta((c) => searchProducts(c, { text: 'drill', locale: 'en' }))).items).toEqual([]);
  });

  test('prices: bulk upsert, resolution for a buyer, and the product page with price and stock', async () => {
    const base = await asAlpha((c) => createPriceList(c, { name: 'Base EUR', currency: 'EUR' }));
    const acmeList = await asAlpha((c) =>
      createPriceList(c, { name: 'Acme EUR', currency: 'EUR', scope: 'company', companyId: id('acme') }),
    );
    const price = (priceListId: string, sku: string, unitPrice: string, quantities = '[1,)') => ({
      priceId: crypto.randomUUID(),
      priceListId,
      variantId: id(sku),
      currency: 'EUR',
      unitPrice,
      quantities,
      validDuring: '(,)',
    });
    const rows = [
      price(base.price_list_id, 'DRL-18V-2AH', '100.00', '[1,10)'),
      price(base.price_list_id, 'DRL-18V-2AH', '90.00', '[10,)'),
      price(base.price_list_id, 'DRL-18V-5AH', '150.00'),
      price(acmeList.price_list_id, 'DRL-18V-2AH', '80.00'),
    ];
    const inserted = await asAlpha((c) => upsertPrices(c, rows));
    expect(inserted.map((r) => r.inserted)).toEqual([true, true, true, true]);
    const updated = await asAlpha((c) =>
      upsertPrices(c, [{ ...(rows[2] as (typeof rows)[number]), unitPrice: '140' }]),
    );
    expect(updated.map((r) => r.inserted)).toEqual([false]);

    const forAnn = await asAlpha((c) =>
      resolvePrice(c, {
        variantId: id('DRL-18V-2AH'),
        quantity: 1,
        viewer: { buyerId: id('ann'), companyId: id('acme') },
      }),
    );
    expect(forAnn).toMatchObject({ unit_price: '80.00', list_scope: 'company', currency: 'EUR' });
    const anonymous = await asAlpha((c) =>
      resolvePrice(c, { variantId: id('DRL-18V-2AH'), quantity: 12, viewer: { currency: 'EUR' } }),
    );
    expect(anonymous).toMatchObject({ unit_price: '90.00', list_scope: 'base', quantities: '[10,)' });
    expect(
      await asAlpha((c) =>
        resolvePrice(c, { variantId: id('HAM-500'), quantity: 1, viewer: { currency: 'EUR' } }),
      ),
    ).toBeNull();

    const berlin = await asAlpha((c) =>
      createWarehouse(c, { code: 'BER', name: 'Berlin', countryCode: 'DE' }),
    );
    const vienna = await asAlpha((c) =>
      createWarehouse(c, { code: 'VIE', name: 'Vienna', countryCode: 'AT' }),
    );
    await asAlpha((c) =>
      upsertStockLevels(c, [
        { variantId: id('DRL-18V-2AH'), warehouseId: berlin.warehouse_id, onHand: 7 },
        { variantId: id('DRL-18V-2AH'), warehouseId: vienna.warehouse_id, onHand: 5 },
      ]),
    );
    const stock = await asAlpha((c) => getStockByWarehouse(c, id('DRL-18V-2AH')));
    expect(stock.map((s) => [s.code, s.on_hand, s.reserved, s.available])).toEqual([
      ['BER', '7', '0', '7'],
      ['VIE', '5', '0', '5'],
    ]);

    const page = await asAlpha((c) =>
      getProductPage(c, {
        productId: id('drill'),
        locale: 'de-AT',
        viewer: { buyerId: id('ann'), companyId: id('acme') },
      }),
    );
    expect(page).toMatchObject({ name: 'Akku-Bohrschrauber', locale: 'de', currency: 'EUR' });
    expect(page.variants.map((v) => [v.sku, v.price?.unit_price ?? null, v.available])).toEqual([
      ['DRL-18V-2AH', '80.00', '12'],
      ['DRL-18V-5AH', '140', '0'],
    ]);
    await expect(
      asAlpha((c) =>
        getProductPage(c, { productId: id('mower'), locale: 'en', viewer: { currency: 'EUR' } }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  test('search filters: category subtree, price range for the viewer, in stock (the same variant for both)', async () => {
    // state from the test above: drill DRL-18V-2AH costs Acme 80 (company list), anyone 100 (base),
    // 12 in stock; DRL-18V-5AH costs 140, none in stock; the saw has no price and no stock
    const names = (r: { items: { name: string | null }[] }) => r.items.map((h) => h.name).sort();
    const search = (filters: Omit<Parameters<typeof searchProducts>[1], 'text' | 'locale'>, text = 'wood') =>
      asAlpha((c) => searchProducts(c, { text, locale: 'en', ...filters }));
    const ann = { buyerId: id('ann'), companyId: id('acme') };

    expect(names(await search({}, 'hammer or drill'))).toEqual(['Claw hammer', 'Cordless drill']);
    expect(names(await search({ categoryId: id('power') }, 'hammer or drill'))).toEqual(['Cordless drill']);
    expect(names(await search({ categoryId: id('tools') }, 'hammer or drill'))).toEqual([
      'Claw hammer',
      'Cordless drill',
    ]);
    expect(names(await search({ categoryId: id('garden') }, 'hammer or drill'))).toEqual([]);

    expect(names(await search({ viewer: ann, price: { max: '85' } }))).toEqual(['Cordless drill']);
    expect(names(await search({ viewer: { currency: 'EUR' }, price: { max: '85' } }))).toEqual([]);
    expect(names(await search({ viewer: { currency: 'EUR' }, price: { min: '100', max: '100' } }))).toEqual([
      'Cordless drill',
    ]);
    expect(names(await search({ viewer: ann, price: { min: '200' } }))).toEqual([]);

    expect(names(await search({ inStock: true }))).toEqual(['Cordless drill']);
    // in stock and at least 100 for Acme: 2AH is in stock but 80, 5AH is 140 but out of stock
    expect(names(await search({ viewer: ann, price: { min: '100' }, inStock: true }))).toEqual([]);
    expect(names(await search({ viewer: ann, price: { min: '100' } }))).toEqual(['Cordless drill']);

    await expect(search({ price: { max: '10' } })).rejects.toBeInstanceOf(RangeError);
    await expect(search({ categoryId: crypto.randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    const otherCompany = await search({
      viewer: { buyerId: id('ann'), companyId: id('bolt') },
      price: { max: '85' },
    }).catch((e: unknown) => e);
    expect(otherCompany).toBeInstanceOf(BuyerNotInCompanyError);
  });

  test('a duplicate SKU is a ConflictError sku_taken, one at a time or in bulk', async () => {
    const one = await asAlpha((c) => createVariant(c, { productId: id('saw'), sku: 'DRL-18V-2AH' })).catch(
      (e: unknown) => e,
    );
    expect(one).toBeInstanceOf(ConflictError);
    expect(one).toMatchObject({ code: 'sku_taken', constraint: 'uq_variants_tenant_id_sku' });
    const bulk = await asAlpha((c) =>
      upsertVariants(c, [
        { productId: id('saw'), sku: 'SAW-165' },
        { productId: id('saw'), sku: 'HAM-500' },
      ]),
    ).catch((e: unknown) => e);
    expect(bulk).toBeInstanceOf(ConflictError);
    expect(bulk).toMatchObject({ code: 'sku_taken', message: expect.stringContaining('HAM-500') });
    // the whole batch rolled back: SAW-165 is new again
    const again = await asAlpha((c) => upsertVariants(c, [{ productId: id('saw'), sku: 'SAW-165' }]));
    expect(again[0]?.inserted).toBe(true);
  });

  test('an overlapping price is a ConflictError price_overlaps', async () => {
    const [list] = await asAlpha(async (c) => [
      await createPriceList(c, { name: 'Overlap EUR', currency: 'EUR' }),
    ]);
    const row = (quantities: string) => ({
      priceId: crypto.randomUUID(),
      priceListId: list?.price_list_id as string,
      variantId: id('SAW-190'),
      currency: 'EUR',
      unitPrice: '50',
      quantities,
      validDuring: '(,)',
    });
    const error = await asAlpha((c) => upsertPrices(c, [row('[1,10)'), row('[5,)')])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'price_overlaps', constraint: 'excl_prices_no_overlap' });
  });

  test('an unknown currency is a ForeignKeyError currency_unknown, for a price list, a price or a page asked in it', async () => {
    const error = await asAlpha((c) => createPriceList(c, { name: 'Fantasy', currency: 'XYZ' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ForeignKeyError);
    expect(error).toMatchObject({ code: 'currency_unknown' });
    const price = await asAlpha((c) =>
      resolvePrice(c, { variantId: id('SAW-190'), quantity: 1, viewer: { currency: 'XYZ' } }),
    ).catch((e: unknown) => e);
    expect(price).toBeInstanceOf(ForeignKeyError);
    expect(price).toMatchObject({ code: 'currency_unknown' });
    const page = await asAlpha((c) =>
      getProductPage(c, { productId: id('drill'), locale: 'en', viewer: { currency: 'XYZ' } }),
    ).catch((e: unknown) => e);
    expect(page).toBeInstanceOf(ForeignKeyError);
    expect(page).toMatchObject({ code: 'currency_unknown', sqlstate: 'B2204' });
  });

  test('negative stock is a ValidationError stock_negative; a fraction is stock_rows_invalid', async () => {
    const [warehouse] = await asAlpha((c) => getStockByWarehouse(c, id('DRL-18V-2AH')));
    const stock = (onHand: number) => [
      { variantId: id('SAW-190'), warehouseId: warehouse?.warehouse_id as string, onHand },
    ];
    const negative = await asAlpha((c) => upsertStockLevels(c, stock(-1))).catch((e: unknown) => e);
    expect(negative).toBeInstanceOf(ValidationError);
    expect(negative).toMatchObject({
      code: 'stock_negative',
      constraint: 'chk_stock_levels_on_hand_not_negative',
    });
    const fraction = await asAlpha((c) => upsertStockLevels(c, stock(1.5))).catch((e: unknown) => e);
    expect(fraction).toBeInstanceOf(ValidationError);
    expect(fraction).toMatchObject({ code: 'stock_rows_invalid', sqlstate: 'B2211' });
  });

  test('a buyer acting for another company is a BuyerNotInCompanyError buyer_not_in_company', async () => {
    const viewer = { buyerId: id('ann'), companyId: id('bolt') };
    const page = await asAlpha((c) =>
      getProductPage(c, { productId: id('drill'), locale: 'en', viewer }),
    ).catch((e: unknown) => e);
    expect(page).toBeInstanceOf(BuyerNotInCompanyError);
    expect(page).toMatchObject({ code: 'buyer_not_in_company' });
    const price = await asAlpha((c) =>
      resolvePrice(c, { variantId: id('SAW-190'), quantity: 1, viewer }),
    ).catch((e: unknown) => e);
    expect(price).toMatchObject({ code: 'buyer_not_in_company' });
  });

  test('a cycle in the category tree is a ValidationError category_cycle', async () => {
    const error = await asAlpha((c) => moveCategory(c, id('tools'), id('power'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'category_cycle', sqlstate: 'B2201' });
    const moved = await asAlpha((c) => moveCategory(c, id('garden'), id('tools')));
    expect(moved.path).toBe(`/${id('tools')}/${id('garden')}/`);
  });
});
