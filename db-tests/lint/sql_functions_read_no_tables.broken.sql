-- A SQL-language function that reads a tenant table.
-- expect: catalog.rogue_count_products(uuid) reads catalog.products
create function catalog.rogue_count_products(p_tenant_id uuid) returns bigint
language sql stable
as 'select count(*) from catalog.products p where p.tenant_id = p_tenant_id';
comment on function catalog.rogue_count_products(uuid) is 'added by a test';
