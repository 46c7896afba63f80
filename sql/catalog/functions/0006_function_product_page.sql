-- The product page as one function, so that its plan is cached per connection.
-- Why a function: the application sends its queries as unnamed statements (pgtyped), planned again on
-- every call; this query takes about as long to plan as to run, and planning alone was most of the
-- page's 2 ms budget. A PL/pgSQL `return query` is prepared once per connection and session; with
-- plan_cache_mode = force_generic_plan it is planned once, for any arguments, and each call only
-- executes. Works through PgBouncer in transaction mode too (named prepared statements would not). The
-- generic plan is safe here: every argument is compared by equality (or picks a row after the index
-- lookups), and every table is reached by its tenant-leading key; packages/catalog/src/query-plans.test.ts
-- pins the plan.
-- Routing: the tenant is the first argument (app.check_tenant) and every tenant table of the statement is
-- filtered on it, so on Citus the call runs on the node that holds the tenant and its statement on the
-- tenant's shards only.
-- Issue 13: it reads the product page read model, catalog.product_pages (one row per live product: the
-- product, its translations, its live variants and every price row of every list, kept fresh by the
-- catalog's triggers), instead of a dozen index lookups; what depends on the viewer and the moment is
-- resolved here: the price lists that apply (read live), the price row for the quantity and now, and the
-- stock (read live). The translation fallback and the price precedence are those of
-- catalog.resolve_translation and catalog.resolve_price, written into this statement;
-- db-tests/catalog/resolve_price/product_page_prices_as_resolve_price.test.sql proves they agree.
-- SECURITY INVOKER (the default): row-level security applies to the caller, as for a plain query.
-- The viewer is checked here (catalog.viewer_pricing) rather than by a query of its own before, so a page
-- is one round trip.
create or replace function catalog.product_page(
  p_tenant_id uuid,
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
  v_tenant uuid := app.check_tenant(p_tenant_id);
  -- The tenant's default locale (the translation fallback), read here, once per call: on Citus a statement
  -- of a delegated function may not join a reference table (tenancy.tenants) with the distributed ones
  -- ("queries must filter by the distribution argument in the same colocation group").
  tenant_locale text;
  viewer_company uuid;
  viewer_currency text;
begin
  select tn.default_locale into tenant_locale from tenancy.tenants tn where tn.tenant_id = v_tenant;
  select v.company_id, v.currency into viewer_company, viewer_currency
  from catalog.viewer_pricing(v_tenant, buyer, company, requested_currency) v;
  return query
  with lists as materialized (
    -- the price lists that apply to this viewer now, in the viewer's currency (read live: a list's scope,
    -- target and validity are not in the page), ranked as catalog.resolve_price ranks them
    select l.price_list_id, l.scope, l.priority,
      case l.scope when 'company' then 1 when 'customer_group' then 2 else 3 end as rank
    from catalog.price_lists l
    where l.tenant_id = v_tenant
      and l.currency = viewer_currency
      and l.valid_during @> now()
      and (
        l.scope = 'base'
        or (l.scope = 'company' and l.company_id = viewer_company)
        or (l.scope = 'customer_group' and l.customer_group_id in (
          select g.customer_group_id
          from accounts.company_customer_groups g
          where g.tenant_id = v_tenant and g.company_id = viewer_company
        ))
      )
  ),
  active_warehouses as materialized (
    -- read once per page, not once per stock row
    select w.warehouse_id from catalog.warehouses w where w.tenant_id = v_tenant and w.is_active
  )
  select viewer_currency, pg.product_id, pg.attributes, pg.created_at,
    t.locale, t.tr ->> 'name', t.tr ->> 'slug', t.tr ->> 'description',
    v.variant_id, v.sku, v.attributes,
    price.unit_price, price.price_list_id, price.scope, price.quantities::text,
    stock.available
  from catalog.product_pages pg
  -- the translation (catalog.resolve_translation's fallback; the tenant's default locale read before)
  left join lateral (
    select c.locale, pg.translations -> c.locale as tr
    from (values
      (1, product_page.requested_locale), (2, split_part(product_page.requested_locale, '-', 1)),
      (3, tenant_locale), (4, split_part(tenant_locale, '-', 1))
    ) c(preference, locale)
    where pg.translations ? c.locale
    order by c.preference
    limit 1
  ) t on true
  -- the live variants, in SKU order (the page keeps them so)
  left join lateral rows from (
    jsonb_to_recordset(pg.variants) as (variant_id uuid, sku text, attributes jsonb, prices jsonb)
  ) with ordinality as v(variant_id, sku, attributes, prices, position) on true
  -- the price (catalog.resolve_price's precedence, for the viewer's company, the quantity and now)
  left join lateral (
    select pr.unit_price, l.price_list_id, l.scope, pr.quantities
    from jsonb_to_recordset(v.prices)
      as pr(price_list_id uuid, currency text, unit_price numeric, quantities int4range, valid_during tstzrange)
    join lists l on l.price_list_id = pr.price_list_id
    where pr.currency = viewer_currency
      and pr.quantities @> product_page.quantity
      and pr.valid_during @> now()
    order by l.rank, l.priority desc, pr.unit_price, l.price_list_id
    limit 1
  ) price on v.variant_id is not null
  -- the stock, live (orders change it on every order: see catalog.product_pages)
  left join lateral (
    select sum(s.available)::bigint as available
    from catalog.stock_levels s
    join active_warehouses w on w.warehouse_id = s.warehouse_id
    where s.tenant_id = v_tenant and s.variant_id = v.variant_id
  ) stock on v.variant_id is not null
  where pg.tenant_id = v_tenant and pg.product_id = product_page.product
  order by v.position;
end
$$;
comment on function catalog.product_page(uuid, uuid, text, uuid, uuid, text, integer) is
  'The product page of product in tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant) for a viewer (catalog.viewer_pricing: buyer acting for company, or a visitor with base prices in requested_currency; its errors B2104, B2105, B2204 come first, before any product lookup): one row per live variant ordered by SKU (one row with null variant columns when it has none; no row for an unknown or archived product), with the translation for requested_locale (catalog.resolve_translation''s fallback), the currency shown, the price for the viewer''s company buying quantity units in that currency now (catalog.resolve_price''s precedence; no buyer: base lists), and the units available over active warehouses. One cached generic plan per connection (plan_cache_mode = force_generic_plan).';
