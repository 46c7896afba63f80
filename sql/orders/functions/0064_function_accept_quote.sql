-- The buyer accepts: before valid_until, the quote becomes an order at the quoted prices, submitted like
-- any other (approval rules, spending and credit limits, stock reservation apply). Accepting an accepted
-- quote again returns its order (a retry is harmless).
create or replace function orders.accept_quote(
  p_tenant_id uuid,
  p_quote_id uuid,
  p_buyer_id uuid,
  p_purchase_order_number text default null,
  p_billing_address_id uuid default null,
  p_shipping_address_id uuid default null
)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.quotes := orders.lock_quote(v_tenant, p_quote_id);
  s record;
  total numeric;
  placed orders.orders;
begin
  perform accounts.acting_buyer(v_tenant, p_buyer_id, target.company_id);
  if target.state = 'accepted' then
    select o.* into placed from orders.orders o where o.tenant_id = v_tenant and o.quote_id = p_quote_id;
    return placed;
  end if;
  if target.state <> 'quoted' then
    raise exception using
      errcode = 'B3001',
      message = format('quote %s cannot move from %s to accepted', p_quote_id, target.state);
  end if;
  if now() > target.valid_until then
    raise exception using
      errcode = 'B3301',
      message = format('quote %s expired at %s and can no longer be accepted', p_quote_id, target.valid_until);
  end if;

  -- the order: same checks as any order (buyer may order, company active, currency), no idempotency key
  -- needed (the quote admits one order: uq_orders_tenant_id_quote_id)
  select * into s from orders.start_order(v_tenant, target.company_id, p_buyer_id, target.currency, null,
    p_purchase_order_number, p_billing_address_id, p_shipping_address_id);
  -- the lines at the quoted prices, and their sum from the rows inserted (the quote is read once)
  with inserted as (
    insert into orders.order_lines (tenant_id, order_id, line_number, variant_id, quantity, unit_price, line_total,
      priced_from, minor_units)
    select v_tenant, (s.started).order_id, l.line_number, l.variant_id, l.quantity, l.unit_price,
      app.round_money(l.quantity * l.unit_price, (s.started).minor_units), 'quote', (s.started).minor_units
    from orders.quote_lines l
    where l.tenant_id = v_tenant and l.quote_id = p_quote_id
    returning line_total
  )
  select sum(i.line_total) into total from inserted i;
  update orders.orders o set total_amount = total, quote_id = p_quote_id
  where o.tenant_id = v_tenant and o.order_id = (s.started).order_id
  returning o.* into placed;
  placed := orders.submit(v_tenant, placed, false);

  update orders.quotes q set state = 'accepted', decided_at = now()
  where q.tenant_id = v_tenant and q.quote_id = p_quote_id;
  perform orders.run_deferred_checks();
  return placed;
end
$$;
comment on function orders.accept_quote(uuid, uuid, uuid, text, uuid, uuid) is
  'In tenant p_tenant_id (the transaction''s: B2002), buyer p_buyer_id of the quote''s company accepts quoted quote p_quote_id before valid_until (B3301 after): creates and submits an order at the quoted prices (approval rules, limits and stock apply), marks the quote accepted and returns the order. Accepting an accepted quote returns its order. B3001 from other states.';
