-- The translation of a product for a locale, with fallback: the one statement of the rule. PL/pgSQL, not
-- SQL: Citus cannot plan a SQL-language function that reads distributed tables (inlined or not), and a
-- PL/pgSQL function keeps its plan per connection. The tenant is its first argument (app.check_tenant)
-- and the query filters on it, so on Citus the call is routed to the node that holds the tenant.
-- The product page, search and the category listing apply the same fallback inside their own statements
-- (a call per row would cost a function call per product): db-tests/catalog/translations proves they
-- agree with this function.
-- It returns OUT columns rather than the product_translations row type, so that it does not depend on
-- the table (a versioned down migration drops the table).
create or replace function catalog.resolve_translation(p_tenant_id uuid, product uuid, requested_locale text)
returns table (product_id uuid, locale text, name text, slug text, description text)
language plpgsql stable
as $$
#variable_conflict use_column
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  tenant_locale text;
begin
  select t.default_locale into tenant_locale from tenancy.tenants t where t.tenant_id = v_tenant;
  return query
  select tr.product_id, tr.locale, tr.name, tr.slug, tr.description
  from catalog.product_translations tr
  where tr.tenant_id = v_tenant
    and tr.product_id = resolve_translation.product
    and tr.locale in (
      requested_locale, split_part(requested_locale, '-', 1), tenant_locale, split_part(tenant_locale, '-', 1)
    )
  -- fallback chain: the requested locale, its language, the tenant's default locale, that locale's language
  order by case tr.locale
    when requested_locale then 1
    when split_part(requested_locale, '-', 1) then 2
    when tenant_locale then 3
    else 4
  end
  limit 1;
end
$$;
comment on function catalog.resolve_translation(uuid, uuid, text) is
  'The translation of product (product_id, locale, name, slug, description) in tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant) for requested_locale, falling back in this order: the requested locale (de-CH), its language (de), the tenant''s default locale (tenancy.tenants.default_locale), that locale''s language. No row when none of them exists. The row''s locale says which one was used.';
