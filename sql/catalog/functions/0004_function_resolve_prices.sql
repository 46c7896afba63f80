-- The price rule (catalog.resolve_price) for many lines at once: one statement for all of an order's lines
-- instead of one function call, one tenant check and one plan run per line. Every line gets a row, in
-- line order, with a null price when no price applies, so the caller names the first unpriced line.
-- catalog.resolve_price is this function for one line: the rule is written once, here. PL/pgSQL, not
-- SQL: Citus cannot plan a SQL-language function that reads distributed tables, and a PL/pgSQL function
-- keeps its plan per connection. The tenant is its first argument (app.check_tenant) and every table is
-- filtered on it, so on Citus the call is routed to the node that holds the tenant.
-- plan_cache_mode = force_generic_plan: with the default (auto) PostgreSQL planned the statement again on
-- every call (a custom plan knows the arrays' length, so it always costs less than the generic plan's
-- guess, and the generic plan is never chosen): 0.40 ms of planning per order, more than the statement
-- runs (issue 13). The generic plan is the same shape (one index lookup of the variant's prices per line;
-- packages/orders/src/plans.test.ts holds every statement of the order path to that). On Citus migrate resets the setting
-- (resetGenericPlans): Citus routes the statement with the parameters' values.
create or replace function catalog.resolve_prices(
  p_tenant_id uuid,
  p_company_id uuid,
  p_currency text,
  p_at timestamptz,
  p_variant_ids uuid[],
  p_quantities integer[]
)
returns table (
  line integer,
  variant_id uuid,
  quantity integer,
  unit_price numeric,
  price_list_id uuid,
  list_scope text,
  list_priority integer,
  price_id uuid,
  quantities int4range
)
language plpgsql stable
rows 5
set plan_cache_mode = force_generic_plan
as $$
#variable_conflict use_column
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  return query
  select x.n::integer, x.variant_id, x.quantity, r.unit_price, r.price_list_id, r.scope, r.priority, r.price_id,
    r.quantities
  from unnest(p_variant_ids, p_quantities) with ordinality as x(variant_id, quantity, n)
  left join lateral (
    -- candidates: prices of the variant in the currency whose tier holds the quantity and that are valid
    -- (price and list) at the time, from lists that apply to the company
    select p.unit_price, l.price_list_id, l.scope, l.priority, p.price_id, p.quantities
    from catalog.prices p
    join catalog.price_lists l on l.tenant_id = p.tenant_id and l.price_list_id = p.price_list_id
    where p.tenant_id = v_tenant
      and l.tenant_id = v_tenant
      and p.variant_id = x.variant_id
      and p.currency = p_currency
      and p.quantities @> x.quantity
      and p.valid_during @> p_at
      and l.valid_during @> p_at
      and (
        l.scope = 'base'
        or (l.scope = 'company' and l.company_id = p_company_id)
        or (l.scope = 'customer_group' and l.customer_group_id in (
          select g.customer_group_id
          from accounts.company_customer_groups g
          where g.tenant_id = v_tenant and g.company_id = p_company_id
        ))
      )
    -- precedence: company list, then customer group list, then base list; then higher priority; then the
    -- lower unit price; then the list id, so the answer is always the same
    order by
      case l.scope when 'company' then 1 when 'customer_group' then 2 else 3 end,
      l.priority desc,
      p.unit_price,
      l.price_list_id
    limit 1
  ) r on true
  order by x.n;
end
$$;
comment on function catalog.resolve_prices(uuid, uuid, text, timestamptz, uuid[], integer[]) is
  'catalog.resolve_price for many lines in one statement, in tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant): for line n (1-based) company p_company_id buys p_quantities[n] units of p_variant_ids[n] in p_currency at p_at. One row per line, in line order (line, variant_id, quantity), with the price that applies (unit_price, price_list_id, list_scope, list_priority, price_id, quantities), all null when none applies. The precedence rule is resolve_price''s.';
