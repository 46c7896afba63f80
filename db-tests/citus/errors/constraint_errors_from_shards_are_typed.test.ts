// A constraint violated on a shard reaches the client through the coordinator with the shard's name of
// the constraint (`uq_staff_users_tenant_id_email_102040`, or a long name cut and hashed by Citus) in the
// message, and with no constraint, table or schema field (Citus re-raises a worker's error with its
// SQLSTATE, message, detail and hint only). @b2b/db's mapDbError maps them to the catalog's typed errors as
// on plain PostgreSQL (packages/db/src/shard-names.ts). Here: one unique, one check, one foreign key (a
// name long enough to be hashed on the shards, and one to a reference table) and the one exclusion
// constraint of a distributed table (catalog.prices), each through a package function as b2b_app.
import { ConflictError, createPool, ForeignKeyError, ValidationError, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createWarehouse,
  upsertCategoryTranslation,
  upsertPrices,
} from '../../../packages/catalog/src/public';
import { createStaffUser } from '../../../packages/tenancy/src/public';

const db = citusTestDatabase();
let pool: pg.Pool;
let tenantId: string;
let variantId = '';
let priceListId = '';

beforeAll(async () => {
  ({ tenantId } = await freshTenant('shard constraint errors'));
  // fixtures as the superuser, committed (createPriceList's RETURNING valid_during::text is refused on
  // Citus: "non-IMMUTABLE functions are not allowed in the RETURNING clause", left to the routing work)
  await withClient(db.adminUrl, async (c) => {
    const value = async (sql: string, params: unknown[]) =>
      String((await c.query<{ id: string }>(sql, params)).rows[0]?.id);
    const product = await value(`select tests.create_product($1, 'Shard drill') as id`, [tenantId]);
    variantId = await value(`select tests.create_variant($1, $2, 'SHD-1') as id`, [tenantId, product]);
    priceListId = await value(
      `insert into catalog.price_lists (tenant_id, name, currency) values ($1, 'Overlap EUR', 'EUR')
       returning price_list_id as id`,
      [tenantId],
    );
  });
  pool = createPool({ connectionString: db.appUrl, max: 2 });
});
afterAll(async () => {
  await pool.end();
});

const asTenant = <T>(fn: (c: pg.PoolClient) => Promise<T>) => withTenant(pool, { tenantId }, fn);
const errorOf = (run: Promise<unknown>) =>
  run.then(
    () => {
      throw new Error('the call succeeded');
    },
    (e: unknown) => e,
  );
/** What the driver got from the coordinator (the mapped error's cause). */
const raw = (e: unknown) => {
  const cause = (e as { cause?: { constraint?: string; message?: string } }).cause;
  return { constraint: cause?.constraint, message: cause?.message };
};

describe('constraint errors from shards, as b2b_app', () => {
  test('a unique violation on a shard is the ConflictError of the catalog name', async () => {
    await asTenant((c) => createStaffUser(c, { email: 'twice@shard.example', displayName: 'Once' }));
    const error = await errorOf(
      asTenant((c) => createStaffUser(c, { email: 'twice@shard.example', displayName: 'Twice' })),
    );
    console.log('unique on Citus:', raw(error));
    expect(raw(error).message).toMatch(/"uq_staff_users_tenant_id_email_\d+"/);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      sqlstate: '23505',
      code: 'staff_email_taken',
      constraint: 'uq_staff_users_tenant_id_email',
    });
  });

  test('a check violation on a shard is the ValidationError of the catalog name', async () => {
    const error = await errorOf(
      asTenant((c) => createWarehouse(c, { code: 'lower case', name: 'Bad code', countryCode: 'DE' })),
    );
    console.log('check on Citus:', raw(error));
    // Citus keeps a check constraint's name on the shards (only index-backed and foreign key names get the
    // shard id); the field is missing all the same
    expect(raw(error)).toMatchObject({ constraint: undefined });
    expect(raw(error).message).toMatch(/"chk_warehouses_code_format"/);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      sqlstate: '23514',
      code: 'warehouse_code_invalid',
      constraint: 'chk_warehouses_code_format',
    });
  });

  test('a foreign key violation on a shard, with a name Citus cuts and hashes, is the ForeignKeyError of the catalog name', async () => {
    const error = await errorOf(
      asTenant((c) =>
        upsertCategoryTranslation(c, {
          categoryId: crypto.randomUUID(),
          locale: 'en',
          name: 'Ghost',
          slug: 'ghost',
        }),
      ),
    );
    console.log('foreign key on Citus:', raw(error));
    // fk_category_translations_tenant_id_category_id_categories is 57 characters: with `_<shard id>` it
    // would pass 63, so the shard's copy is `<its first 47 characters>_<hash>_<shard id>`
    expect(raw(error).message).toMatch(/"fk_category_translations_tenant_id_category_id__[0-9a-f]{8}_\d+"/);
    expect(error).toBeInstanceOf(ForeignKeyError);
    expect(error).toMatchObject({
      sqlstate: '23503',
      code: 'category_not_found',
      constraint: 'fk_category_translations_tenant_id_category_id_categories',
    });
  });

  test('a foreign key to a reference table, violated on a shard, is the ForeignKeyError of the catalog name', async () => {
    const error = await errorOf(
      asTenant((c) => createWarehouse(c, { code: 'WH-X', name: 'Nowhere', countryCode: 'XX' })),
    );
    console.log('foreign key to a reference table on Citus:', raw(error));
    expect(error).toBeInstanceOf(ForeignKeyError);
    expect(error).toMatchObject({
      sqlstate: '23503',
      code: 'country_unknown',
      constraint: 'fk_warehouses_country_code_countries',
    });
  });

  test('the exclusion constraint on a shard is the ConflictError of the catalog name', async () => {
    const row = (quantities: string) => ({
      priceId: crypto.randomUUID(),
      priceListId,
      variantId,
      currency: 'EUR',
      unitPrice: '50',
      quantities,
      validDuring: '(,)',
    });
    const error = await errorOf(asTenant((c) => upsertPrices(c, [row('[1,10)'), row('[5,)')])));
    console.log('exclusion on Citus:', raw(error));
    expect(raw(error).message).toMatch(/"excl_prices_no_overlap_\d+"/);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      sqlstate: '23P01',
      code: 'price_overlaps',
      constraint: 'excl_prices_no_overlap',
    });
  });
});
