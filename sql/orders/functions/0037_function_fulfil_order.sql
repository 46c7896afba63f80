-- Ships units of a placed order: consumes its reservations (on_hand and reserved both go down), invoices
-- them (due after the order's net terms), counts them on the lines, and moves the order to
-- partially_fulfilled or fulfilled.
create or replace function orders.fulfil_order(p_tenant_id uuid, p_order_id uuid, p_lines jsonb default null)
returns orders.orders
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders := orders.lock_order(tenant, p_order_id);
  bad record;
  shipment jsonb;
  next_state text;
  fulfilled orders.orders;
begin
  if target.state not in ('placed', 'partially_fulfilled') then
    raise exception using
      errcode = 'B3001',
      message = format('order %s cannot move from %s to fulfilled: only placed orders ship', p_order_id, target.state);
  end if;

  -- what ships now: the given lines, or everything still outstanding
  if p_lines is null then
    select coalesce(jsonb_agg(jsonb_build_object('variant_id', l.variant_id, 'quantity', l.quantity - l.fulfilled_quantity)), '[]')
    into shipment
    from orders.order_lines l
    where l.tenant_id = tenant and l.order_id = p_order_id and l.quantity > l.fulfilled_quantity;
  else
    select jsonb_agg(jsonb_build_object('variant_id', p.variant_id, 'quantity', p.quantity))
    into shipment
    from orders.parse_order_lines(p_lines) p;
  end if;

  select sh.variant_id, sh.quantity, l.quantity - l.fulfilled_quantity as outstanding into bad
  from jsonb_to_recordset(shipment) as sh(variant_id uuid, quantity bigint)
  left join orders.order_lines l on l.tenant_id = tenant and l.order_id = p_order_id and l.variant_id = sh.variant_id
  where l.variant_id is null or sh.quantity < 1 or sh.quantity > l.quantity - l.fulfilled_quantity
  limit 1;
  if found then
    raise exception using
      errcode = 'B3202',
      message = format('order %s cannot ship %s units of variant %s: %s outstanding', p_order_id, bad.quantity,
        bad.variant_id, coalesce(bad.outstanding, 0));
  end if;

  -- the company's credit exposure before any stock row (the invoice changes it): placing an order locks
  -- them in that order, so the two cannot wait for each other
  perform orders.lock_credit_exposure(tenant, target.company_id);
  -- consume the reservations (stock and allocations; security definer, as only the stock writers may)
  perform orders.consume_stock(tenant, p_order_id, shipment);

  perform orders.issue_invoice(tenant, target, shipment);

  update orders.order_lines l
  set fulfilled_quantity = l.fulfilled_quantity + sh.quantity
  from jsonb_to_recordset(shipment) as sh(variant_id uuid, quantity bigint)
  where l.tenant_id = tenant and l.order_id = p_order_id and l.variant_id = sh.variant_id;

  -- partially_fulfilled or fulfilled; a further partial shipment leaves the state as it is (no move)
  select case when exists (
      select 1 from orders.order_lines l
      where l.tenant_id = tenant and l.order_id = p_order_id and l.fulfilled_quantity < l.quantity)
    then 'partially_fulfilled' else 'fulfilled' end
  into next_state;
  if next_state = target.state then
    select o.* into fulfilled from orders.orders o where o.tenant_id = tenant and o.order_id = p_order_id;
  else
    update orders.orders o set state = next_state
    where o.tenant_id = tenant and o.order_id = p_order_id
    returning o.* into fulfilled;
  end if;
  return fulfilled;
end
$$;
comment on function orders.fulfil_order(uuid, uuid, jsonb) is
  'Ships units of placed or partially fulfilled order p_order_id of tenant p_tenant_id (the transaction''s: B2002): p_lines ([{variant_id, quantity}]) or, when null, everything outstanding. Consumes the reservations (on_hand and reserved go down; warehouses by code), issues an invoice for the shipped units (orders.issue_invoice), adds to the lines'' fulfilled_quantity and moves the order to partially_fulfilled or fulfilled. SQLSTATE B3001 from another state, B3202 for more units than outstanding or a variant not on the order.';
