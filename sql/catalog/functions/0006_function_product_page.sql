-- The product page as one function, so that its plan is cached per connection.
-- Why a function: the application sends its queries as unnamed statements (pgtyped), planned again on
-- every call; this query (with resolve_translation and resolve_price inlined) takes about as long to
-- plan as to run, and planning alone was most of the page's 2 ms budget. A PL/pgSQL `return query` is
-- prepared once per connection and session; with plan_cache_mode = force_generic_plan it is planned
-- once, for any arguments, and each call only executes. Works through PgBouncer in transaction mode
-- too (named prepared statements would not). The generic plan is safe here: every argument is compared
-- by equality (or picks a row after the index lookups), and every table is reached by its tenant-leading
-- key; packages/catalog/src/query-plans.test.ts pins the plan.
-- SECURITY INVOKER (the default): row-level security applies to the caller, as for a plain query.
-- The viewer is checked here (catalog.viewer_pricing) rather than by a query of its own before, so a page
-- is one round trip.
create or replace function catalog.product_page(
  product uuid,
  requested_locale text,
  buyer uuid,
  company uuid,
  requested_currency text,
  quantity integer
)
returns table (
  currency text,
  product_id uuid,
  attributes jsonb,
  created_at timestamptz,
  locale text,
  name text,
  slug text,
  description text,
  variant_id uuid,
  sku text,
  variant_attributes jsonb,
  unit_price numeric,
  price_list_id uuid,
  price_list_scope text,
  price_quantities text,
  available bigint
)
language plpgsql stable
set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
declare
  viewer_company uuid;
  viewer_currency text;
begin
  select v.company_id, v.currency into viewer_company, viewer_currency
  from catalog.viewer_pricing(buyer, company, requested_currency) v;
  return query
  select viewer_currency, p.product_id, p.attributes, p.created_at,
    t.locale, t.name, t.slug, t.description,
    v.variant_id, v.sku, v.attributes,
    price.unit_price::numeric, price.price_list_id, price.list_scope, price.quantities::text,
    stock.available
  from catalog.products p
  left join lateral catalog.resolve_translation(p.product_id, product_page.requested_locale) t on true
  left join catalog.variants v
    on v.tenant_id = p.tenant_id and v.product_id = p.product_id and v.archived_at is null
  left join lateral catalog.resolve_price(
    viewer_company, v.variant_id, product_page.quantity, viewer_currency
  ) price on v.variant_id is not null
  left join lateral (
    select sum(s.available)::bigint as available
    from catalog.stock_levels s
    join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
    where s.tenant_id = v.tenant_id and s.variant_id = v.variant_id and w.is_active
  ) stock on v.variant_id is not null
  where p.product_id = product_page.product and p.archived_at is null
  order by v.sku;
end
$$;
comment on function catalog.product_page(uuid, text, uuid, uuid, text, integer) is
  'The product page of product for a viewer (catalog.viewer_pricing: buyer acting for company, or a visitor with base prices in requested_currency; its errors B2104, B2105, B2204 come first, before any product lookup): one row per live variant ordered by SKU (one row with null variant columns when it has none; no row for an unknown or archived product), with the translation for requested_locale (catalog.resolve_translation''s fallback), the currency shown, the price for the viewer''s company buying quantity units in that currency now (catalog.resolve_price; no buyer: base lists), and the units available over active warehouses. One cached generic plan per connection (plan_cache_mode = force_generic_plan).';
