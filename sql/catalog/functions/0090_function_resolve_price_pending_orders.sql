-- pending routing-orders: removed at merge. The old signature of catalog.resolve_price (no tenant
-- argument), kept only as a wrapper for the order functions, which call it until they take the tenant as
-- a value (issue 10); then this file goes and a versioned migration drops the function. It prices for the
-- transaction's tenant. Listed in the lint exceptions' pending block (db-tests/_support/0002_lint_catalog.sql).
create or replace function catalog.resolve_price(
  company_id uuid,
  variant_id uuid,
  quantity integer,
  currency text,
  at timestamptz default now()
)
returns table (
  unit_price numeric(19, 4),
  price_list_id uuid,
  list_scope text,
  list_priority integer,
  price_id uuid,
  quantities int4range
)
language plpgsql stable
as $$
begin
  return query
  select r.unit_price, r.price_list_id, r.list_scope, r.list_priority, r.price_id, r.quantities
  from catalog.resolve_price(app.require_tenant_id(), resolve_price.company_id, resolve_price.variant_id,
    resolve_price.quantity, resolve_price.currency, resolve_price.at) r;
end
$$;
comment on function catalog.resolve_price(uuid, uuid, integer, text, timestamptz) is
  'Pending the order functions'' move to tenant arguments: catalog.resolve_price(p_tenant_id, company_id, variant_id, quantity, currency, at) for the transaction''s tenant (B2001 when none).';
