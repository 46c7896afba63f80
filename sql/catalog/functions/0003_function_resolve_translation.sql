-- The translation of a product for a locale, with fallback.
-- Inlined by the planner into the queries that call it (a single-statement sql function). The tenant's
-- default locale is a scalar subquery that does not depend on the product: the planner makes it an
-- InitPlan, read once per query rather than once per product (a product page or a page of search hits
-- used to read tenancy.tenants twice per row). The translations of the product are one range of
-- pk_product_translations (two to a few rows); the fallback rank is computed on them.
create or replace function catalog.resolve_translation(product uuid, requested_locale text)
returns setof catalog.product_translations
language sql stable
as $$
  select tr.*
  from catalog.product_translations tr
  cross join (
    select (
      select t.default_locale from tenancy.tenants t where t.tenant_id = app.current_tenant_id()
    ) as default_locale
  ) d
  where tr.tenant_id = app.current_tenant_id()
    and tr.product_id = product
    and tr.locale in (
      requested_locale, split_part(requested_locale, '-', 1), d.default_locale, split_part(d.default_locale, '-', 1)
    )
  -- fallback chain: the requested locale, its language, the tenant's default locale, that locale's language
  order by case tr.locale
    when requested_locale then 1
    when split_part(requested_locale, '-', 1) then 2
    when d.default_locale then 3
    else 4
  end
  limit 1
$$;
comment on function catalog.resolve_translation(uuid, text) is
  'The product''s translation for requested_locale, falling back in this order: the requested locale (de-CH), its language (de), the tenant''s default locale (tenancy.tenants.default_locale), that locale''s language. No row when none of them exists. The row''s locale says which one was used.';
