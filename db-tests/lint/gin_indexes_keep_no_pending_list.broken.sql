-- A GIN index with the default pending list (fastupdate on).
-- expect: catalog.idx_rogue_variants_tenant_id_attributes
create index idx_rogue_variants_tenant_id_attributes on catalog.variants using gin (tenant_id, attributes jsonb_path_ops);
