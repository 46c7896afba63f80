-- What catalog.product_pages holds, computed from the catalog: the definition that the triggers (one
-- product: catalog.refresh_product_pages) and the bulk build (a tenant: catalog.build_product_pages) write
-- out in their own statements (Citus routes neither a read of this view from a trigger on a shard nor from
-- a delegated function), and that the freshness tests compare the stored pages with. A view, not a function body, so that the catalog knows which tables and columns feed the page
-- (pg_depend): db-tests/catalog/product_pages/every_source_column_has_the_refresh_trigger.test.sql checks
-- that each of them has the trigger that rewrites the page, so a column added here without its trigger
-- fails the test. Correlated subqueries per product: one product costs three index lookups.
-- security_invoker: it reads as the caller, under the caller's row-level security.
create or replace view catalog.product_page_sources with (security_invoker = true) as
select p.tenant_id, p.product_id, p.attributes, p.created_at,
  coalesce((
    select jsonb_object_agg(tr.locale, jsonb_build_object('name', tr.name, 'slug', tr.slug, 'description', tr.description))
    from catalog.product_translations tr
    where tr.tenant_id = p.tenant_id and tr.product_id = p.product_id
  ), '{}'::jsonb) as translations,
  coalesce((
    select jsonb_agg(jsonb_build_object(
        'variant_id', v.variant_id, 'sku', v.sku, 'attributes', v.attributes,
        'prices', coalesce((
          select jsonb_agg(jsonb_build_object(
              'price_list_id', pr.price_list_id, 'currency', pr.currency, 'unit_price', pr.unit_price,
              'quantities', pr.quantities, 'valid_during', pr.valid_during)
            order by pr.price_list_id, pr.currency, pr.quantities, pr.valid_during)
          from catalog.prices pr
          where pr.tenant_id = v.tenant_id and pr.variant_id = v.variant_id
        ), '[]'::jsonb))
      order by v.sku)
    from catalog.variants v
    where v.tenant_id = p.tenant_id and v.product_id = p.product_id and v.archived_at is null
  ), '[]'::jsonb) as variants
from catalog.products p
where p.archived_at is null;
comment on view catalog.product_page_sources is
  'The rows of catalog.product_pages computed from the catalog (live products; translations by locale; live variants by SKU, each with every price row of every list and currency). Read as the caller (security_invoker). Its table and column dependencies are the ones the page triggers must cover (checked by a test).';
