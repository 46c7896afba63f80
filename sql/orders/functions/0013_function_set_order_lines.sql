-- Replaces the lines of a draft with newly priced ones and sets the order total to their sum. Prices
-- come from catalog.resolve_price for the company, quantity and currency at now().
create or replace function orders.set_order_lines(p_order_id uuid, p_company_id uuid, p_currency text, p_lines jsonb)
returns numeric
language plpgsql
as $$
declare
  tenant uuid := app.require_tenant_id();
  line record;
  price record;
  total numeric(19, 4) := 0;
  archived_sku text;
begin
  select v.sku into archived_sku
  from orders.parse_order_lines(p_lines) l
  join catalog.variants v on v.tenant_id = tenant and v.variant_id = l.variant_id
  where v.archived_at is not null
  limit 1;
  if archived_sku is not null then
    raise exception using
      errcode = 'B3014',
      message = format('variant %s is discontinued and can no longer be ordered', archived_sku);
  end if;

  delete from orders.order_lines l where l.tenant_id = tenant and l.order_id = p_order_id;
  for line in select * from orders.parse_order_lines(p_lines) loop
    select r.unit_price, r.price_list_id into price
    from catalog.resolve_price(p_company_id, line.variant_id, line.quantity, p_currency, now()) r;
    if not found then
      raise exception using
        errcode = 'B3008',
        message = format('variant %s has no price in %s for company %s at quantity %s',
          line.variant_id, p_currency, p_company_id, line.quantity);
    end if;
    insert into orders.order_lines (order_id, line_number, variant_id, quantity, unit_price, line_total,
      priced_from, price_list_id)
    values (p_order_id, line.line_number, line.variant_id, line.quantity, price.unit_price,
      line.quantity * price.unit_price, 'price_list', price.price_list_id);
    total := total + line.quantity * price.unit_price;
  end loop;

  update orders.orders o set total_amount = total where o.tenant_id = tenant and o.order_id = p_order_id;
  return total;
end
$$;
comment on function orders.set_order_lines(uuid, uuid, text, jsonb) is
  'Replaces the lines of draft p_order_id with p_lines (JSON array of {variant_id, quantity}), each priced by catalog.resolve_price at now(), and sets total_amount to their sum. SQLSTATE B3008 when a variant has no price, B3014 when it is discontinued, B3007 for malformed lines.';
