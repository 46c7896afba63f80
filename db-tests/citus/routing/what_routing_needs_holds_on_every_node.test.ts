// The cluster-wide conditions under which every package call routes (issue 10, kind 2), checked on every
// node, beside the call-by-call plan check of every_package_call_is_routed_to_one_shard.test.ts:
// - reference tables are written through the coordinator only (node setting
//   citus.allow_modifications_from_workers_to_replicated_tables = off). Otherwise the coordinator locks
//   every reference table that the written one references on the first worker, as the calling role, with a
//   check that the role may write them: b2b_app updating its tenant (tenancy.tenants references
//   catalog.currencies and catalog.locales, which it may only read) was refused (citusdata/citus#8011).
// - no tenant function forces a generic plan (migrate resets plan_cache_mode on Citus): Citus routes a
//   statement that joins distributed tables only with its parameters' values.
import { createPool, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as tenancy from '../../../packages/tenancy/src/index';

describe('what routing needs holds on every node (Citus)', () => {
  const db = citusTestDatabase();
  const nodes = () => [db.adminUrl, ...db.workerAdminUrls];
  let pool: pg.Pool;
  let tenantId: string;

  beforeAll(async () => {
    ({ tenantId } = await freshTenant('routing-nodes'));
    pool = createPool({ connectionString: db.appUrl, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
  });

  test('every node takes writes of reference tables from the coordinator only', async () => {
    expect(nodes().length).toBe(3);
    for (const url of nodes()) {
      const setting = await withClient(url, async (c) => {
        const { rows } = await c.query(
          `select current_setting('citus.allow_modifications_from_workers_to_replicated_tables') as value`,
        );
        return rows[0]?.value;
      });
      expect(setting, url.replace(/:[^:@]*@/, ':***@')).toBe('off');
    }
  });

  test('b2b_app changes its tenant (a reference table that references two others) and reads it back', async () => {
    const changed = await withTenant(pool, { tenantId }, (c) =>
      tenancy.updateTenantSettings(c, { name: 'Routed', defaultLocale: 'de', defaultCurrency: 'CHF' }),
    );
    expect(changed).toMatchObject({
      tenant_id: tenantId,
      name: 'Routed',
      default_locale: 'de',
      default_currency: 'CHF',
    });
    // the copy on every node changed (a reference table is written on all of them, in one transaction)
    for (const url of nodes()) {
      const row = await withClient(url, async (c) => {
        const { rows } = await c.query(
          `select name, default_locale, default_currency from tenancy.tenants where tenant_id = $1`,
          [tenantId],
        );
        return rows[0];
      });
      expect(row).toEqual({ name: 'Routed', default_locale: 'de', default_currency: 'CHF' });
    }
  });

  test('no tenant function forces a generic plan on any node', async () => {
    for (const url of nodes()) {
      const forced = await withClient(url, async (c) => {
        const { rows } = await c.query<{ fn: string }>(
          `select p.oid::regprocedure::text as fn from pg_proc p
            where (p.proargnames)[1] = 'p_tenant_id'
              and 'plan_cache_mode=force_generic_plan' = any (p.proconfig)`,
        );
        return rows.map((r) => r.fn);
      });
      expect(forced).toEqual([]);
    }
    // not vacuous: the functions that force it on plain PostgreSQL exist here
    const names = await withClient(db.adminUrl, async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `select count(*)::int as n from pg_proc where oid in ('catalog.product_page'::regproc, 'catalog.search_products'::regproc)`,
      );
      return rows[0]?.n;
    });
    expect(names).toBe(2);
  });
});
