-- Replaces the lines of a draft with newly priced ones and returns their sum, leaving the header's total to
-- the caller: set_order_lines writes it at once, place_order with the state in submit's one update (one
-- update of the order instead of two; the deferred total check, orders.check_order_total, holds both to
-- the lines). Prices come from catalog.resolve_prices (the rule of catalog.resolve_price, all lines in one
-- statement) for the company, quantity and currency at now().
-- plan_cache_mode = force_generic_plan, as catalog.resolve_prices: the discontinued-variant check joins
-- an unnest of the lines' array, and with the default PostgreSQL planned it again on every call (0.22 ms
-- per order, issue 13); its generic plan is the same index lookup per line. On Citus migrate resets it.
create or replace function orders.write_order_lines(p_tenant_id uuid, p_order_id uuid, p_company_id uuid, p_currency text, p_lines jsonb)
returns numeric
language plpgsql
set plan_cache_mode = force_generic_plan
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  variant_ids uuid[];
  quantities integer[];
  unit_prices numeric[];
  price_list_ids uuid[];
  missing integer;
  total numeric;
  archived_sku text;
begin
  select array_agg(l.variant_id order by l.line_number), array_agg(l.quantity order by l.line_number)
  into variant_ids, quantities
  from orders.parse_order_lines(p_lines) l;

  -- the first discontinued variant, in line order
  select v.sku into archived_sku
  from unnest(variant_ids) with ordinality as x(variant_id, n)
  join catalog.variants v on v.tenant_id = tenant and v.variant_id = x.variant_id
  where v.archived_at is not null
  order by x.n limit 1;
  if archived_sku is not null then
    raise exception using
      errcode = 'B3014',
      message = format('variant %s is discontinued and can no longer be ordered', archived_sku);
  end if;

  delete from orders.order_lines l where l.tenant_id = tenant and l.order_id = p_order_id;

  -- every line priced in one statement (a null price: none applies, also for an unknown variant)
  select array_agg(r.unit_price order by r.line), array_agg(r.price_list_id order by r.line)
  into unit_prices, price_list_ids
  from catalog.resolve_prices(tenant, p_company_id, p_currency, now(), variant_ids, quantities) r;
  missing := array_position(unit_prices, null);
  if missing is not null then
    raise exception using
      errcode = 'B3008',
      message = format('variant %s has no price in %s for company %s at quantity %s',
        variant_ids[missing], p_currency, p_company_id, quantities[missing]);
  end if;

  -- one statement for all lines (in line order); a line total is rounded to the order currency's minor
  -- units by the one rounding rule (app.round_money)
  with inserted as (
    insert into orders.order_lines (tenant_id, order_id, line_number, variant_id, quantity, unit_price, line_total,
      priced_from, price_list_id, minor_units)
    select tenant, p_order_id, x.n::integer, x.variant_id, x.quantity, x.unit_price,
      app.round_money(x.quantity * x.unit_price, o.minor_units), 'price_list', x.price_list_id, o.minor_units
    from unnest(variant_ids, quantities, unit_prices, price_list_ids) with ordinality
      as x(variant_id, quantity, unit_price, price_list_id, n)
    cross join (select o.minor_units from orders.orders o where o.tenant_id = tenant and o.order_id = p_order_id) o
    order by x.n
    returning line_total
  )
  select coalesce(sum(i.line_total), 0) into total from inserted i;
  return total;
end
$$;
comment on function orders.write_order_lines(uuid, uuid, uuid, text, jsonb) is
  'Internal step of set_order_lines and place_order: replaces the lines of draft p_order_id of tenant p_tenant_id with p_lines (JSON array of {variant_id, quantity}), all priced in one statement by catalog.resolve_prices at now() (line_total = quantity x unit price rounded to the currency''s minor units by app.round_money), and returns their sum; the caller sets total_amount to it (the deferred check B3003 holds the header to its lines). SQLSTATE B3008 when a variant has no price, B3014 when it is discontinued, B3007 for malformed lines.';
