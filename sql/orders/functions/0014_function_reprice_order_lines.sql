-- A draft may wait days before it is submitted: on submission its catalog-priced lines are priced again
-- at now(), so an order is never placed at a price that no longer applies. Quoted lines keep their price.
-- Set-based: all lines priced in one statement (catalog.resolve_prices), the changed ones updated in one.
create or replace function orders.reprice_order_lines(p_tenant_id uuid, p_order_id uuid)
returns numeric
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders;
  line_numbers integer[];
  variant_ids uuid[];
  quantities integer[];
  unit_prices numeric[];
  price_list_ids uuid[];
  missing integer;
  total numeric;
begin
  select o.* into target from orders.orders o where o.tenant_id = tenant and o.order_id = p_order_id;
  select array_agg(l.line_number order by l.line_number), array_agg(l.variant_id order by l.line_number),
    array_agg(l.quantity order by l.line_number)
  into line_numbers, variant_ids, quantities
  from orders.order_lines l
  where l.tenant_id = tenant and l.order_id = p_order_id and l.priced_from = 'price_list';

  if line_numbers is not null then
    select array_agg(r.unit_price order by r.line), array_agg(r.price_list_id order by r.line)
    into unit_prices, price_list_ids
    from catalog.resolve_prices(tenant, target.company_id, target.currency, now(), variant_ids, quantities) r;
    missing := array_position(unit_prices, null);
    if missing is not null then
      raise exception using
        errcode = 'B3008',
        message = format('variant %s has no price in %s for company %s at quantity %s',
          variant_ids[missing], target.currency, target.company_id, quantities[missing]);
    end if;
    update orders.order_lines l
    set unit_price = x.unit_price, line_total = app.round_money(l.quantity * x.unit_price, l.minor_units),
      price_list_id = x.price_list_id
    from unnest(line_numbers, unit_prices, price_list_ids) as x(line_number, unit_price, price_list_id)
    where l.tenant_id = tenant and l.order_id = p_order_id and l.line_number = x.line_number
      and l.unit_price <> x.unit_price;
  end if;

  select coalesce(sum(l.line_total), 0) into total
  from orders.order_lines l where l.tenant_id = tenant and l.order_id = p_order_id;
  if total <> target.total_amount then
    update orders.orders o set total_amount = total where o.tenant_id = tenant and o.order_id = p_order_id;
  end if;
  return total;
end
$$;
comment on function orders.reprice_order_lines(uuid, uuid) is
  'Prices the price_list lines of draft p_order_id of tenant p_tenant_id again at now(), all in one statement by catalog.resolve_prices (quoted lines keep their price), updates those whose price moved, and sets total_amount to the sum of the lines. SQLSTATE B3008 when a variant no longer has a price (the first such line).';
