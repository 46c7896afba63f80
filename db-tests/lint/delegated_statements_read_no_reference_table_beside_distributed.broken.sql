-- A tenant function (delegated on Citus) that joins the tenants (a reference table) with products, and a
-- helper it calls that reads the currencies (reference) in a subquery beside the variants (distributed).
-- expect: catalog.rogue_product_count(uuid) line 5: reads reference table tenancy.tenants with distributed catalog.products
-- expect: catalog.rogue_variant_count(uuid) line 3: reads reference table catalog.currencies with distributed catalog.variants
create function catalog.rogue_variant_count(p_tenant uuid) returns bigint
language plpgsql
as $$
begin
  return (select count(*) from catalog.variants v
           where v.tenant_id = p_tenant and exists (select from catalog.currencies c where c.code = 'EUR'));
end
$$;
comment on function catalog.rogue_variant_count(uuid) is 'added by a test';
create function catalog.rogue_product_count(p_tenant_id uuid) returns bigint
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  return (select count(*) from catalog.products p join tenancy.tenants t on t.tenant_id = p.tenant_id
           where p.tenant_id = v_tenant and t.status = 'active') + catalog.rogue_variant_count(v_tenant);
end
$$;
comment on function catalog.rogue_product_count(uuid) is 'added by a test';
