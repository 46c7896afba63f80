// Does a (restored) database behave like the source where a plain dump and restore is known to differ?
// Catalog search as the application role under row-level security: its conditions (`@@`, pg_trgm's `%`)
// are index conditions only while sql/bootstrap/after_migrate's leakproof marks are in place. A restore
// that lost them still answers every search right, only from the tenant's whole heap (about 24 ms instead
// of 2 ms a search on the large profile): this check sees it in the plans, at any data size.
import type pg from 'pg';

export interface PlanCheck {
  what: string;
  /** The table searched and the index that serves the search. */
  table: string;
  index: string;
  /** The search operator that must appear in an `Index Cond` line of the plan. */
  operator: string;
  sql: string;
}

export const SEARCH_PLAN_CHECKS: PlanCheck[] = [
  {
    what: 'search by full text (catalog.product_translations.search_vector @@ tsquery)',
    table: 'catalog.product_translations',
    index: 'catalog.idx_product_translations_tenant_id_search_vector',
    operator: '@@',
    sql: `select 1 from catalog.product_translations t where t.search_vector @@ websearch_to_tsquery('english', 'valve')`,
  },
  {
    what: 'search by similar name (catalog.product_translations.name % text)',
    table: 'catalog.product_translations',
    index: 'catalog.idx_product_translations_tenant_id_name_trgm',
    operator: 'OPERATOR(extensions.%)',
    sql: `select 1 from catalog.product_translations t where t.name operator(extensions.%) 'steel valve'`,
  },
  {
    what: 'search by similar SKU (catalog.variants.sku % text)',
    table: 'catalog.variants',
    index: 'catalog.idx_variants_tenant_id_sku_trgm',
    operator: 'OPERATOR(extensions.%)',
    sql: `select 1 from catalog.variants v where v.archived_at is null and v.sku operator(extensions.%) 'VALVE-10'`,
  },
];

export interface PlanCheckResult {
  what: string;
  ok: boolean;
  plan: string;
}

/** True when some `Index Cond` of `plan` (EXPLAIN text) applies `operator`. */
export function usesIndexFor(plan: string, operator: string): boolean {
  return plan.split('\n').some((line) => /Index Cond:/.test(line) && line.includes(` ${operator} `));
}

/**
 * Every other index of the check's table goes, in the check's transaction (rolled back): on a small table
 * the planner rightly prefers a btree on tenant_id (from the policy) and filters the rest, whatever the
 * leakproof marks say, so the question "can the search index take the search condition under RLS" is asked
 * with that index as the only one. Constraint indexes go with their constraint (and the foreign keys on it).
 */
const DROP_OTHER_INDEXES = `
do $$
declare
  r record;
begin
  for r in
    select i.indexrelid::regclass::text as index, c.conname, c.conrelid::regclass::text as tbl
    from pg_catalog.pg_index i
    left join pg_catalog.pg_constraint c on c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x')
    where i.indrelid = current_setting('b2b.plan_check_table')::regclass
      and i.indexrelid <> current_setting('b2b.plan_check_index')::regclass
  loop
    if r.conname is not null then
      execute format('alter table %s drop constraint %I cascade', r.tbl, r.conname);
    elsif pg_catalog.to_regclass(r.index) is not null then
      execute format('drop index %s', r.index);
    end if;
  end loop;
end
$$`;

/**
 * Plans each search as b2b_app with a tenant set (any tenant of the database, or a random one: the plan
 * does not depend on the rows), the search's own index the only one left on its table and sequential
 * scans off, each in a transaction that is rolled back (its DDL takes the table's exclusive lock for those
 * milliseconds: meant for a restored database, not a busy one). `client` must be a superuser.
 */
export async function checkSearchPlans(client: pg.ClientBase): Promise<PlanCheckResult[]> {
  const results: PlanCheckResult[] = [];
  for (const check of SEARCH_PLAN_CHECKS) {
    await client.query('begin');
    try {
      await client.query(`set local lock_timeout = '5s'`);
      await client.query(
        `select set_config('b2b.plan_check_table', $1, true), set_config('b2b.plan_check_index', $2, true)`,
        [check.table, check.index],
      );
      await client.query(DROP_OTHER_INDEXES);
      const { rows } = await client.query<{ tenant: string }>(
        `select coalesce((select tenant_id::text from tenancy.tenants limit 1), gen_random_uuid()::text) as tenant`,
      );
      await client.query(`select set_config('app.tenant_id', $1, true)`, [rows[0]?.tenant]);
      await client.query('set local enable_seqscan = off');
      await client.query('set local role b2b_app');
      const explained = await client.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${check.sql}`);
      const plan = explained.rows.map((r) => r['QUERY PLAN']).join('\n');
      results.push({ what: check.what, ok: usesIndexFor(plan, check.operator), plan });
    } finally {
      await client.query('rollback');
    }
  }
  return results;
}
