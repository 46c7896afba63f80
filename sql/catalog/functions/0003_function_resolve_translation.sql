-- The translation of a product for a locale, with fallback.
create or replace function catalog.resolve_translation(product uuid, requested_locale text)
returns setof catalog.product_translations
language sql stable
as $$
  -- fallback chain: the requested locale, its language, the tenant's default locale, that locale's language
  with chain (locale, rank) as (
    select requested_locale, 1
    union all
    select split_part(requested_locale, '-', 1), 2
    union all
    select t.default_locale, 3 from tenancy.tenants t where t.tenant_id = app.current_tenant_id()
    union all
    select split_part(t.default_locale, '-', 1), 4 from tenancy.tenants t where t.tenant_id = app.current_tenant_id()
  )
  select tr.*
  from catalog.product_translations tr
  join chain on chain.locale = tr.locale
  where tr.tenant_id = app.current_tenant_id()
    and tr.product_id = product
  order by chain.rank
  limit 1
$$;
comment on function catalog.resolve_translation(uuid, text) is
  'The product''s translation for requested_locale, falling back in this order: the requested locale (de-CH), its language (de), the tenant''s default locale (tenancy.tenants.default_locale), that locale''s language. No row when none of them exists. The row''s locale says which one was used.';
