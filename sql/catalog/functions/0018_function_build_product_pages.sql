-- Bulk build of the product page read model for one tenant, set-based: one statement computes every page
-- (grouped by product, hash joins: no lookup per product), as catalog.product_page_sources defines them.
-- For loads that write the catalog with the page triggers off (the large seed's COPY, a Citus move),
-- called once per tenant at the end; also repairs a tenant's pages. Run by the
-- owner or the superuser (not granted to the application roles), in the tenant's context (app.set_tenant).
create or replace function catalog.build_product_pages(p_tenant_id uuid)
returns bigint
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  built bigint;
  page record;
begin
  delete from catalog.product_pages pp where pp.tenant_id = v_tenant;
  -- one statement computes every page of the tenant (catalog.product_page_sources written out with every
  -- table filtered on the tenant, which Citus routes to the tenant's shard); the rows are then inserted
  -- one by one: Citus routes neither an INSERT ... SELECT with these subqueries nor a read of the view
  -- from a delegated function
  built := 0;
  for page in
    select p.product_id, p.attributes, p.created_at,
      coalesce(tr.translations, '{}'::jsonb) as translations, coalesce(vs.variants, '[]'::jsonb) as variants
    from catalog.products p
    left join (
      select t.product_id,
        jsonb_object_agg(t.locale, jsonb_build_object('name', t.name, 'slug', t.slug, 'description', t.description)) as translations
      from catalog.product_translations t
      where t.tenant_id = v_tenant
      group by t.product_id
    ) tr on tr.product_id = p.product_id
    left join (
      select v.product_id,
        jsonb_agg(jsonb_build_object(
            'variant_id', v.variant_id, 'sku', v.sku, 'attributes', v.attributes,
            'prices', coalesce(pr.prices, '[]'::jsonb))
          order by v.sku) as variants
      from catalog.variants v
      left join (
        select x.variant_id,
          jsonb_agg(jsonb_build_object(
              'price_list_id', x.price_list_id, 'currency', x.currency, 'unit_price', x.unit_price,
              'quantities', x.quantities, 'valid_during', x.valid_during)
            order by x.price_list_id, x.currency, x.quantities, x.valid_during) as prices
        from catalog.prices x
        where x.tenant_id = v_tenant
        group by x.variant_id
      ) pr on pr.variant_id = v.variant_id
      where v.tenant_id = v_tenant and v.archived_at is null
      group by v.product_id
    ) vs on vs.product_id = p.product_id
    where p.tenant_id = v_tenant and p.archived_at is null
  loop
    insert into catalog.product_pages (tenant_id, product_id, attributes, created_at, translations, variants)
    values (v_tenant, page.product_id, page.attributes, page.created_at, page.translations, page.variants);
    built := built + 1;
  end loop;
  return built;
end
$$;
comment on function catalog.build_product_pages(uuid) is
  'Rebuilds catalog.product_pages of tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant) as catalog.product_page_sources defines them, computed in one statement (then inserted row by row, which Citus routes); returns the pages written. For bulk loads that ran with the page triggers off, and repairs. Owner or superuser only.';
