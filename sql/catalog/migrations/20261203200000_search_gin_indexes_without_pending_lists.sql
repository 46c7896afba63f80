-- Up Migration
-- The search GIN indexes write every new entry into the index itself (fastupdate off), not into a pending
-- list. Why: with fastupdate on (the default), rows written since the last vacuum wait in one unsorted
-- pending list per index, up to gin_pending_list_limit (4 MB), and every search of every tenant reads the
-- whole list: right after one tenant's bulk import, all tenants' searches slowed down (figures in
-- docs/benchmarks.md, Suite catalog, search after a bulk of writes). The price is paid by the writes,
-- which update the index as they go, and a catalog is read far more often than it is written.
-- On Citus, ALTER INDEX ... SET is carried to every shard's index.
alter index catalog.idx_product_translations_tenant_id_search_vector set (fastupdate = off);
alter index catalog.idx_product_translations_tenant_id_name_trgm set (fastupdate = off);
alter index catalog.idx_variants_tenant_id_sku_trgm set (fastupdate = off);
-- entries already pending stay there until a vacuum: move them into the indexes now
select gin_clean_pending_list('catalog.idx_product_translations_tenant_id_search_vector'::regclass),
  gin_clean_pending_list('catalog.idx_product_translations_tenant_id_name_trgm'::regclass),
  gin_clean_pending_list('catalog.idx_variants_tenant_id_sku_trgm'::regclass);

-- Down Migration
alter index catalog.idx_product_translations_tenant_id_search_vector reset (fastupdate);
alter index catalog.idx_product_translations_tenant_id_name_trgm reset (fastupdate);
alter index catalog.idx_variants_tenant_id_sku_trgm reset (fastupdate);
