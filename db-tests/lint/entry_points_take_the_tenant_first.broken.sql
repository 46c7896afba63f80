-- A function b2b_app may call that reads a tenant table without the tenant argument, and one that takes
-- it but filters on the setting instead (and does not check it).
-- expect: catalog.rogue_count_products() reads catalog.products without p_tenant_id uuid as its first argument
-- expect: catalog.rogue_count_variants(uuid) does not call app.check_tenant(p_tenant_id)
create function catalog.rogue_count_products() returns bigint
language plpgsql stable
as $$
begin
  return (select count(*) from catalog.products p where p.tenant_id = app.current_tenant_id());
end
$$;
comment on function catalog.rogue_count_products() is 'added by a test';
grant execute on function catalog.rogue_count_products() to b2b_app;
create function catalog.rogue_count_variants(p_tenant_id uuid) returns bigint
language plpgsql stable
as $$
begin
  return (select count(*) from catalog.variants v where v.tenant_id = app.current_tenant_id());
end
$$;
comment on function catalog.rogue_count_variants(uuid) is 'added by a test';
grant execute on function catalog.rogue_count_variants(uuid) to b2b_app;
