-- The price that applies to a company buying a quantity of a variant, in a currency, at a time: the one
-- statement of the precedence rule. PL/pgSQL, not SQL: Citus cannot plan a SQL-language function that
-- reads distributed tables (inlined or not), and a PL/pgSQL function keeps its plan per connection. The
-- tenant is its first argument (app.check_tenant) and every table is filtered on it, so on Citus the call
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
  return query
  -- candidates: prices of the variant in the currency whose tier holds the quantity and that are valid
  -- (price and list) at the time, from lists that apply to the company
  select p.unit_price, l.price_list_id, l.scope, l.priority, p.price_id, p.quantities
  from catalog.prices p
  join catalog.price_lists l on l.tenant_id = p.tenant_id and l.price_list_id = p.price_list_id
  where p.tenant_id = v_tenant
    and l.tenant_id = v_tenant
    and p.variant_id = resolve_price.variant_id
    and p.currency = resolve_price.currency
    and p.quantities @> resolve_price.quantity
    and p.valid_during @> resolve_price.at
    and l.valid_during @> resolve_price.at
    and (
      l.scope = 'base'
      or (l.scope = 'company' and l.company_id = resolve_price.company_id)
      or (l.scope = 'customer_group' and l.customer_group_id in (
        select g.customer_group_id
        from accounts.company_customer_groups g
        where g.tenant_id = v_tenant and g.company_id = resolve_price.company_id
      ))
    )
  -- precedence: company list, then customer group list, then base list; then higher priority; then the
  -- lower unit price; then the list id, so the answer is always the same
  order by
    case l.scope when 'company' then 1 when 'customer_group' then 2 else 3 end,
    l.priority desc,
    p.unit_price,
    l.price_list_id
  limit 1;
end
$$;
comment on function catalog.resolve_price(uuid, uuid, uuid, integer, text, timestamptz) is
  'The price in tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant) for company_id buying quantity units of variant_id in currency at time at (default now). Precedence: (1) only prices whose quantity tier contains quantity and which, with their list, are valid at at; (2) a list for the company itself beats a list for one of the customer groups it belongs to, which beats a base list (lists and groups of a parent company are not inherited); (3) then the list with the higher priority; (4) then the lower unit price, then the lower price_list_id. A list with no tier for the quantity does not apply, so the next one does. company_id null means base lists only. No row when no price applies. Returns unit_price, price_list_id, list_scope, list_priority, price_id and the matched quantities tier.';
