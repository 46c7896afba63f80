// The statement kinds of the statement lint (db-tests/lint/statements.ts), each tried on Citus: a tiny
// tenant function per case, distributed as the migrator distributes ours (keyed on p_tenant_id, colocated,
// force_delegation), called in a transaction with the tenant set, once as the application calls ours
// (delegated to the tenant's worker) and once with a subquery as the tenant argument (not delegated: it
// runs on the coordinator). Each refused form is refused with the message docs/scaling.md names, and its
// rewrite (the form the lint accepts) runs. Kind (d) of issue 10 (an outer join to a lateral subquery on
// true) ran in every form tried, so it has no lint rule. The functions live in a schema of their own, with
// nothing granted, dropped at the end, so the files that enumerate our functions never see them.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const db = citusTestDatabase();
const SCHEMA = 'citus_statement_kinds';

/** name -> body of a `returns text` plpgsql function (p_tenant_id uuid); v_tenant is the tenant. */
const CASES: Record<string, string> = {
  // (a) a non-immutable function inside CASE/COALESCE of an UPDATE, in RETURNING, with a column argument
  a_coalesce_now_in_update: `update catalog.products set archived_at = coalesce(archived_at, now())
      where tenant_id = v_tenant and product_id = v_product`,
  a_case_now_in_update: `update catalog.products
      set archived_at = case when archived_at is null then now() else archived_at end
      where tenant_id = v_tenant and product_id = v_product`,
  a_least_now_in_update: `update catalog.products set archived_at = least(archived_at, now())
      where tenant_id = v_tenant and product_id = v_product`,
  a_now_in_update: `update catalog.products set archived_at = now()
      where tenant_id = v_tenant and product_id = v_product`,
  a_stable_with_column_in_update: `update catalog.products
      set attributes = jsonb_build_object('year', to_char(created_at, 'YYYY'))
      where tenant_id = v_tenant and product_id = v_product`,
  a_volatile_in_update: `update catalog.products set attributes = jsonb_build_object('r', random())
      where tenant_id = v_tenant and product_id = v_product`,
  a_stable_cast_in_returning: `update catalog.products set archived_at = null
      where tenant_id = v_tenant and product_id = v_product returning created_at::text into v_text`,
  a_column_in_returning: `update catalog.products set archived_at = null
      where tenant_id = v_tenant and product_id = v_product returning created_at into v_at`,
  a_now_in_delete_returning: `delete from catalog.products
      where tenant_id = v_tenant and product_id = v_product returning now() into v_at`,
  a_volatile_in_delete_where: `delete from catalog.products
      where tenant_id = v_tenant and product_id = v_product and random() < 2`,
  a_now_in_on_conflict_set: `insert into catalog.products (tenant_id, product_id) values (v_tenant, v_product)
      on conflict (tenant_id, product_id) do update set archived_at = now()`,
  a_column_in_on_conflict_set: `insert into catalog.products (tenant_id, product_id) values (v_tenant, v_product)
      on conflict (tenant_id, product_id) do update set archived_at = excluded.archived_at`,
  // (b) a reference table joined with a distributed table
  b_reference_join: `select count(*) into v_count from catalog.products p
      join tenancy.tenants t on t.tenant_id = p.tenant_id where p.tenant_id = v_tenant`,
  b_reference_subquery: `select count(*) into v_count from catalog.products p
      where p.tenant_id = v_tenant and exists (select from tenancy.tenants t where t.tenant_id = v_tenant)`,
  b_reference_alone: `select count(*) into v_count from tenancy.tenants t where t.tenant_id = v_tenant`,
  // (c) a tenant function inside a statement that reads tables; alone in its statement
  c_tenant_function_beside_tables: `select count(*) into v_count from catalog.products p
      where p.tenant_id = v_tenant and ${SCHEMA}.inner_count(v_tenant) > 0`,
  c_tenant_function_in_select_list: `select ${SCHEMA}.inner_count(v_tenant) into v_count
      from catalog.products p where p.tenant_id = v_tenant`,
  c_tenant_function_in_from_join: `select count(*) into v_count from ${SCHEMA}.inner_count(v_tenant) f
      join catalog.products p on p.tenant_id = v_tenant`,
  c_tenant_function_in_lateral: `select count(*) into v_count from catalog.products p
      left join lateral ${SCHEMA}.inner_count(v_tenant) f on true where p.tenant_id = v_tenant`,
  c_tenant_function_alone: `select ${SCHEMA}.inner_count(v_tenant) into v_count`,
  // (d) an outer join to a lateral subquery on true: filtered by the value, and by the outer row's column
  d_outer_lateral_by_value: `select count(*) into v_count from catalog.products p
      left join lateral (select count(*) as n from catalog.variants v
                          where v.tenant_id = v_tenant and v.product_id = p.product_id) x on true
      where p.tenant_id = v_tenant`,
  d_outer_lateral_by_outer_column: `select count(*) into v_count from catalog.products p
      left join lateral (select count(*) as n from catalog.variants v
                          where v.tenant_id = p.tenant_id and v.product_id = p.product_id) x on true
      where p.tenant_id = v_tenant`,
  d_outer_lateral_by_value_pseudoconstant: `select count(*) into v_count from catalog.products p
      left join lateral (select count(*) as n from catalog.variants v
                          where v.tenant_id = v_tenant and v.product_id = p.product_id) x on true
      where p.tenant_id = v_tenant and v_product is not null`,
  d_outer_lateral_by_outer_column_pseudoconstant: `select count(*) into v_count from catalog.products p
      left join lateral (select count(*) as n from catalog.variants v
                          where v.tenant_id = p.tenant_id and v.product_id = p.product_id) x on true
      where p.tenant_id = v_tenant and v_product is not null`,
  // the form orders.receive_return had: the lateral joins two tables, its tenant filter the outer row's
  d_outer_lateral_join_by_outer_column: `select count(*) into v_count from catalog.products p
      join catalog.variants v0 on v0.tenant_id = p.tenant_id and v0.product_id = p.product_id
      left join lateral (select sum(1) as units from catalog.variants v
          join catalog.products p2 on p2.tenant_id = v.tenant_id and p2.product_id = v.product_id
          where v.tenant_id = p.tenant_id and v.product_id = p.product_id and p2.archived_at is null) b on true
      where p.tenant_id = v_tenant`,
  d_outer_lateral_join_by_value: `select count(*) into v_count from catalog.products p
      join catalog.variants v0 on v0.tenant_id = p.tenant_id and v0.product_id = p.product_id
      left join lateral (select sum(1) as units from catalog.variants v
          join catalog.products p2 on p2.tenant_id = v.tenant_id and p2.product_id = v.product_id
          where v.tenant_id = v_tenant and v.product_id = p.product_id and p2.archived_at is null) b on true
      where p.tenant_id = v_tenant`,
};

const CASE_OR_COALESCE = 'non-IMMUTABLE functions are not allowed in CASE or COALESCE statements';
const RETURNING = 'non-IMMUTABLE functions are not allowed in the RETURNING clause';
const FORCED_PUSHDOWN = 'queries must filter by the distribution argument in the same colocation group';
const ON_CONFLICT_SET =
  'functions used in the DO UPDATE SET clause of INSERTs on distributed tables must be marked IMMUTABLE';
const NESTED = 'cannot execute a distributed query from a query on a shard';

/**
 * What Citus answers each case with ('ok' or the start of its message): called as the application calls a
 * tenant function (delegated to the tenant's worker), and with a subquery as the tenant argument, which
 * Citus does not delegate (the function runs on the coordinator, as when a caller computes an argument
 * with a volatile function: docs/scaling.md, the routing table).
 */
const EXPECTED: Record<string, [delegated: string, notDelegated: string]> = {
  a_coalesce_now_in_update: [CASE_OR_COALESCE, CASE_OR_COALESCE],
  a_case_now_in_update: [CASE_OR_COALESCE, CASE_OR_COALESCE],
  a_least_now_in_update: ['ok', 'ok'],
  a_now_in_update: ['ok', 'ok'],
  a_stable_with_column_in_update: [
    'STABLE functions used in UPDATE queries cannot be called with column references',
    'STABLE functions used in UPDATE queries cannot be called with column references',
  ],
  a_volatile_in_update: [
    'functions used in UPDATE queries on distributed tables must not be VOLATILE',
    'functions used in UPDATE queries on distributed tables must not be VOLATILE',
  ],
  a_stable_cast_in_returning: [RETURNING, RETURNING],
  a_column_in_returning: ['ok', 'ok'],
  a_now_in_delete_returning: [RETURNING, RETURNING],
  a_volatile_in_delete_where: [
    'functions used in the WHERE/ON/WHEN clause of modification queries on distributed tables must not be VOLATILE',
    'functions used in the WHERE/ON/WHEN clause of modification queries on distributed tables must not be VOLATILE',
  ],
  a_now_in_on_conflict_set: [ON_CONFLICT_SET, ON_CONFLICT_SET],
  a_column_in_on_conflict_set: ['ok', 'ok'],
  // only a delegated call is refused: the coordinator routes the same statement to one shard
  b_reference_join: [FORCED_PUSHDOWN, 'ok'],
  b_reference_subquery: [FORCED_PUSHDOWN, 'ok'],
  b_reference_alone: ['ok', 'ok'],
  // only a call run on the coordinator is refused: delegated, the nested reads are local tasks of the same
  // tenant, which Citus allows inside a forced delegation (IsTaskExecutionAllowed, multi_executor.c)
  c_tenant_function_beside_tables: ['ok', NESTED],
  c_tenant_function_in_select_list: ['ok', NESTED],
  c_tenant_function_in_from_join: ['ok', NESTED],
  c_tenant_function_in_lateral: ['ok', NESTED],
  c_tenant_function_alone: ['ok', 'ok'],
  // accepted in every form tried (Citus raises "Distributed queries with outer joins and pseudoconstant
  // quals are not supported in PG15 and PG16" only for a statement it cannot route to one shard,
  // recursive_planning.c): no lint; the routing check (db-tests/citus/routing/) stays the guard
  d_outer_lateral_by_value: ['ok', 'ok'],
  d_outer_lateral_by_outer_column: ['ok', 'ok'],
  d_outer_lateral_by_value_pseudoconstant: ['ok', 'ok'],
  d_outer_lateral_by_outer_column_pseudoconstant: ['ok', 'ok'],
  d_outer_lateral_join_by_outer_column: ['ok', 'ok'],
  d_outer_lateral_join_by_value: ['ok', 'ok'],
};

let tenant = '';
let product = '';

beforeAll(async () => {
  tenant = (await freshTenant('statement kinds')).tenantId;
  await withClient(db.adminUrl, async (c) => {
    await c.query('begin');
    await c.query(`set local citus.multi_shard_modify_mode = 'sequential'`);
    await c.query(`select app.set_tenant($1, null)`, [tenant]);
    const { rows } = await c.query<{ product_id: string }>(
      `insert into catalog.products (tenant_id) values ($1) returning product_id`,
      [tenant],
    );
    product = rows[0]?.product_id ?? '';
    await c.query(`create schema ${SCHEMA}`);
    await c.query(`create function ${SCHEMA}.inner_count(p_tenant_id uuid) returns bigint language plpgsql as $$
      begin return (select count(*) from catalog.products where tenant_id = p_tenant_id); end $$`);
    for (const [name, body] of Object.entries(CASES)) {
      await c.query(`create function ${SCHEMA}.${name}(p_tenant_id uuid, v_product uuid) returns text
        language plpgsql as $$
        declare v_tenant uuid := p_tenant_id; v_count bigint; v_text text; v_at timestamptz;
        begin
          ${body};
          return 'ok';
        end $$`);
    }
    await c.query(`revoke all on all functions in schema ${SCHEMA} from public`);
    await c.query('commit');
    // as the migrator distributes ours (packages/migrate/src/citus.ts, distributeTenantFunctions)
    await c.query(
      `select create_distributed_function(p.oid::regprocedure, '$1',
                colocate_with => 'catalog.products', force_delegation => true)
         from pg_proc p where p.pronamespace = $1::regnamespace`,
      [SCHEMA],
    );
  });
}, 300_000);

afterAll(async () => {
  await withClient(db.adminUrl, (c) => c.query(`drop schema if exists ${SCHEMA} cascade`));
});

describe('the statement kinds on Citus, in delegated tenant functions', () => {
  test('each refused kind is refused with its message, each rewrite runs', async () => {
    const outcomes = await withClient(db.adminUrl, async (c) => {
      const found: Record<string, string> = {};
      for (const [name, tenantArgument] of Object.keys(CASES).flatMap((n): [string, string][] => [
        [n, '$1'],
        // a subquery as the tenant argument: Citus does not delegate the call, the function runs on the
        // coordinator ("arguments in a distributed function must not contain subqueries")
        [`${n} (not delegated)`, '(select $1::uuid)'],
      ])) {
        await c.query('begin');
        try {
          await c.query(`select app.set_tenant($1, null)`, [tenant]);
          const fn = name.replace(' (not delegated)', '');
          const { rows } = await c.query<{ r: string }>(
            `select ${SCHEMA}.${fn}(${tenantArgument}, $2) as r`,
            [tenant, product],
          );
          found[name] = rows[0]?.r ?? 'no row';
        } catch (error) {
          found[name] = (error as Error).message;
        } finally {
          await c.query('rollback');
        }
      }
      return found;
    });
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).flatMap(([name, [delegated, notDelegated]]) => [
        [name, delegated],
        [`${name} (not delegated)`, notDelegated],
      ]),
    );
    const verdict = Object.fromEntries(
      Object.entries(outcomes).map(([name, outcome]) => {
        const want = expected[name] ?? '?';
        return [name, outcome.startsWith(want) ? want : outcome];
      }),
    );
    expect(verdict).toEqual(expected);
  });

  test('every case was delegated: it is a distributed function keyed on the tenant', async () => {
    await withClient(db.adminUrl, async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `select count(*)::int as n from pg_dist_object o join pg_proc p on p.oid = o.objid
          where o.classid = 'pg_proc'::regclass and p.pronamespace = $1::regnamespace
            and o.distribution_argument_index = 0 and o.force_delegation`,
        [SCHEMA],
      );
      expect(rows[0]?.n).toBe(Object.keys(CASES).length + 1);
    });
  });
});
