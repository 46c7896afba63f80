-- Up Migration
-- The attribute GIN indexes join the search ones (20261203200000) in writing every new entry into the
-- index itself (fastupdate off), not into a pending list: the same kind of index on the same kind of
-- table, so the same failure. With a pending list, rows written since the last vacuum wait unsorted in
-- one list per index, up to gin_pending_list_limit (4 MB), and every attribute filter of every tenant
-- reads the whole list: one tenant's bulk import slows all tenants' filters until a vacuum. The lint
-- gin_indexes_keep_no_pending_list (db-tests/lint) holds every GIN index of a tenant table to this,
-- indexes added later included. On Citus, ALTER INDEX ... SET is carried to every shard's index.
alter index catalog.idx_products_tenant_id_attributes set (fastupdate = off);
alter index catalog.idx_variants_tenant_id_attributes set (fastupdate = off);
-- entries already pending stay there until a vacuum: move them into the indexes now
select gin_clean_pending_list('catalog.idx_products_tenant_id_attributes'::regclass),
  gin_clean_pending_list('catalog.idx_variants_tenant_id_attributes'::regclass);

-- Down Migration
alter index catalog.idx_products_tenant_id_attributes reset (fastupdate);
alter index catalog.idx_variants_tenant_id_attributes reset (fastupdate);
