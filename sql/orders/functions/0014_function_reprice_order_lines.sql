-- A draft may wait days before it is submitted: on submission its catalog-priced lines are priced again
-- at now(), so an order is never placed at a price that no longer applies. Quoted lines keep their price.
create or replace function orders.reprice_order_lines(p_tenant_id uuid, p_order_id uuid)
returns numeric
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders;
  line record;
  price record;
  total numeric;
begin
  select o.* into target from orders.orders o where o.tenant_id = tenant and o.order_id = p_order_id;
  for line in
    select l.line_number, l.variant_id, l.quantity, l.unit_price
    from orders.order_lines l
    where l.tenant_id = tenant and l.order_id = p_order_id and l.priced_from = 'price_list'
    order by l.line_number
  loop
    select r.unit_price, r.price_list_id into price
    from catalog.resolve_price(tenant, target.company_id, line.variant_id, line.quantity, target.currency, now()) r;
    if not found then
      raise exception using
        errcode = 'B3008',
        message = format('variant %s has no price in %s for company %s at quantity %s',
          line.variant_id, target.currency, target.company_id, line.quantity);
    end if;
    if price.unit_price <> line.unit_price then
      update orders.order_lines l
      set unit_price = price.unit_price, line_total = app.round_money(l.quantity * price.unit_price, l.minor_units),
        price_list_id = price.price_list_id
      where l.tenant_id = tenant and l.order_id = p_order_id and l.line_number = line.line_number;
    end if;
  end loop;
  select coalesce(sum(l.line_total), 0) into total
  from orders.order_lines l where l.tenant_id = tenant and l.order_id = p_order_id;
  if total <> target.total_amount then
    update orders.orders o set total_amount = total where o.tenant_id = tenant and o.order_id = p_order_id;
  end if;
  return total;
end
$$;
comment on function orders.reprice_order_lines(uuid, uuid) is
  'Prices the price_list lines of draft p_order_id of tenant p_tenant_id again with catalog.resolve_price at now() (quoted lines keep their price) and sets total_amount to the sum of the lines. SQLSTATE B3008 when a variant no longer has a price.';
