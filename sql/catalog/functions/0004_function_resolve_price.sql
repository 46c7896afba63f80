-- The price that applies to a company buying a quantity of a variant, in a currency, at a time: the
-- precedence rule of catalog.resolve_prices (its one statement, for many lines) for one line. PL/pgSQL,
-- not SQL: Citus cannot plan a SQL-language function that reads distributed tables (inlined or not), and
-- a PL/pgSQL function keeps its plan per connection. The tenant is its first argument (app.check_tenant) and every table is filtered on it, so on Citus the call
-- is routed to the node that holds the tenant.
-- The product page and search apply the same rule inside their own statements (a call per variant would
-- cost a function call per row): db-tests/catalog/resolve_price proves the product page agrees with it.
create or replace function catalog.resolve_price(
  p_tenant_id uuid,
  company_id uuid,
  variant_id uuid,
  quantity integer,
  currency text,
  at timestamptz default now()
)
returns table (
  unit_price numeric,
  price_list_id uuid,
  list_scope text,
  list_priority integer,
  price_id uuid,
  quantities int4range
)
language plpgsql stable
as $$
#variable_conflict use_column
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  -- the rule is catalog.resolve_prices', for one line; no row when no price applies
  return query
  select r.unit_price, r.price_list_id, r.list_scope, r.list_priority, r.price_id, r.quantities
  from catalog.resolve_prices(v_tenant, resolve_price.company_id, resolve_price.currency, resolve_price.at,
    array[resolve_price.variant_id], array[resolve_price.quantity]) r
  where r.unit_price is not null;
end
$$;
comment on function catalog.resolve_price(uuid, uuid, uuid, integer, text, timestamptz) is
  'The price in tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant) for company_id buying quantity units of variant_id in currency at time at (default now). Precedence: (1) only prices whose quantity tier contains quantity and which, with their list, are valid at at; (2) a list for the company itself beats a list for one of the customer groups it belongs to, which beats a base list (lists and groups of a parent company are not inherited); (3) then the list with the higher priority; (4) then the lower unit price, then the lower price_list_id. A list with no tier for the quantity does not apply, so the next one does. company_id null means base lists only. No row when no price applies. Returns unit_price, price_list_id, list_scope, list_priority, price_id and the matched quantities tier.';
