-- A function that calls catalog.resolve_price (it reads distributed tables) beside catalog.variants in
-- one statement, and one that calls a helper of its own, which reads orders, in a WHERE over products.
-- expect: catalog.rogue_priced_variants(uuid,uuid) line 5: calls catalog.resolve_price() (it reads distributed tables) in a statement that reads catalog.variants
-- expect: catalog.rogue_ordered_products(uuid) line 5: calls catalog.rogue_order_count() (it reads distributed tables) in a statement that reads catalog.products
create function catalog.rogue_priced_variants(p_tenant_id uuid, p_company_id uuid) returns bigint
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  return (select count(r.unit_price) from catalog.variants v
    cross join lateral catalog.resolve_price(v_tenant, p_company_id, v.variant_id, 1, 'EUR', now()) r
    where v.tenant_id = v_tenant);
end
$$;
comment on function catalog.rogue_priced_variants(uuid, uuid) is 'added by a test';
create function catalog.rogue_order_count(p_tenant uuid) returns bigint
language plpgsql
as $$
begin
  return (select count(*) from orders.orders o where o.tenant_id = p_tenant);
end
$$;
comment on function catalog.rogue_order_count(uuid) is 'added by a test';
create function catalog.rogue_ordered_products(p_tenant_id uuid) returns bigint
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  return (select count(*) from catalog.products p
           where p.tenant_id = v_tenant and catalog.rogue_order_count(v_tenant) > 0);
end
$$;
comment on function catalog.rogue_ordered_products(uuid) is 'added by a test';
