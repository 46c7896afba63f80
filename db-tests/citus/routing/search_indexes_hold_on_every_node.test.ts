// Search runs on the worker that holds the tenant (catalog.search_products is a distributed function), so
// what makes it fast must be there too, not only on the coordinator where the migrator runs: btree_gin and
// pg_trgm installed, and every shard of the searched tables carrying its GIN index with tenant_id inside
// (the shard's copy of the index the migration created), with the same options (fastupdate off).
import { withClient } from '@b2b/testing';
import { citusTestDatabase } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

/** The search indexes, by the table they are on, as the migrations define them. */
const SEARCH_INDEXES = [
  { table: 'product_translations', def: 'gin (tenant_id, search_vector)' },
  { table: 'product_translations', def: 'gin (tenant_id, name extensions.gin_trgm_ops)' },
  { table: 'variants', def: 'gin (tenant_id, sku extensions.gin_trgm_ops)' },
];

describe('the search indexes hold on every node (Citus)', () => {
  const db = citusTestDatabase();

  test('btree_gin and pg_trgm are installed on the coordinator and every worker', async () => {
    for (const url of [db.adminUrl, ...db.workerAdminUrls]) {
      const installed = await withClient(url, async (c) =>
        (
          await c.query<{ name: string }>(
            `select extname as name from pg_extension where extname in ('btree_gin', 'pg_trgm') order by 1`,
          )
        ).rows.map((r) => r.name),
      );
      expect(installed, url.replace(/:[^:@]*@/, ':***@')).toEqual(['btree_gin', 'pg_trgm']);
    }
  });

  test("every worker's shards of the searched tables carry the GIN indexes with tenant_id inside", async () => {
    expect(db.workerAdminUrls.length).toBe(2);
    let shardsSeen = 0;
    for (const url of db.workerAdminUrls) {
      const missing = await withClient(url, async (c) => {
        // Citus hides shards from catalog queries of other applications: show them to this session
        await c.query(`set citus.show_shards_for_app_name_prefixes = '*'`);
        const { rows } = await c.query<{ shard: string; def: string }>(
          `select s.relname as shard, want.def
           from pg_class s
           join pg_namespace n on n.oid = s.relnamespace and n.nspname = 'catalog'
           cross join jsonb_to_recordset($1::jsonb) as want("table" text, def text)
           where s.relkind = 'r' and s.relname ~ ('^' || want."table" || '_[0-9]+$')
             and not exists (
               select 1 from pg_index i
               where i.indrelid = s.oid
                 and pg_get_indexdef(i.indexrelid) like '%USING ' || want.def || ' WITH (fastupdate=off)%'
             )`,
          [JSON.stringify(SEARCH_INDEXES)],
        );
        return rows;
      });
      expect(missing, url.replace(/:[^:@]*@/, ':***@')).toEqual([]);
      shardsSeen += await withClient(url, async (c) => {
        await c.query(`set citus.show_shards_for_app_name_prefixes = '*'`);
        return Number(
          (
            await c.query(
              `select count(*) from pg_class s join pg_namespace n on n.oid = s.relnamespace
               where n.nspname = 'catalog' and s.relkind = 'r' and s.relname ~ '^product_translations_[0-9]+$'`,
            )
          ).rows[0].count,
        );
      });
    }
    // the check above means something only if the workers hold shards
    expect(shardsSeen).toBeGreaterThan(0);
  });
});
