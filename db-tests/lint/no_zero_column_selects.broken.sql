-- A zero-column exists in a function, and one in a view.
-- expect: function catalog.rogue_has_products(uuid)
-- expect: view catalog.rogue_empty_tenants
create function catalog.rogue_has_products(p_tenant_id uuid) returns boolean
language plpgsql stable
as $$
begin
  return exists (select from catalog.products p where p.tenant_id = p_tenant_id);
end
$$;
comment on function catalog.rogue_has_products(uuid) is 'added by a test';
create view catalog.rogue_empty_tenants as
select t.tenant_id from tenancy.tenants t where not exists (select from catalog.products p where p.tenant_id = t.tenant_id);
comment on view catalog.rogue_empty_tenants is 'added by a test';
