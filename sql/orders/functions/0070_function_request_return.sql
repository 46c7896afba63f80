-- A buyer of the order's company asks to return shipped units. The order row is locked first, so two
-- concurrent return requests for one order are checked one after the other against what was shipped.
create or replace function orders.request_return(
  p_tenant_id uuid,
  p_order_id uuid,
  p_buyer_id uuid,
  p_lines jsonb,
  p_reason text default null
)
returns orders.returns
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders := orders.lock_order(v_tenant, p_order_id);
  too_many record;
  requested orders.returns;
begin
  perform accounts.acting_buyer(v_tenant, p_buyer_id, target.company_id);

  -- per order line: units in returns not cancelled, plus these, at most what was shipped
  select p.variant_id, p.quantity, coalesce(l.fulfilled_quantity, 0) as fulfilled, b.already
  into too_many
  from orders.parse_order_lines(p_lines) p
  left join orders.order_lines l on l.tenant_id = v_tenant and l.order_id = p_order_id and l.variant_id = p.variant_id
  cross join lateral (
    select coalesce(sum(rl.quantity), 0) as already
    from orders.return_lines rl
    join orders.returns r on r.tenant_id = rl.tenant_id and r.return_id = rl.return_id
    where rl.tenant_id = v_tenant and rl.order_id = p_order_id and rl.variant_id = p.variant_id
      and r.state <> 'cancelled'
  ) b
  where p.quantity + b.already > coalesce(l.fulfilled_quantity, 0)
  order by p.line_number
  limit 1;
  if found then
    raise exception using
      errcode = 'B3401',
      message = format('order %s cannot take back %s units of variant %s: %s shipped, %s already being returned',
        p_order_id, too_many.quantity, too_many.variant_id, too_many.fulfilled, too_many.already);
  end if;

  insert into orders.returns (tenant_id, order_id, buyer_id, reason)
  values (v_tenant, p_order_id, p_buyer_id, p_reason)
  returning * into requested;
  insert into orders.return_lines (tenant_id, return_id, order_id, variant_id, quantity)
  select v_tenant, requested.return_id, p_order_id, p.variant_id, p.quantity
  from orders.parse_order_lines(p_lines) p;
  return requested;
end
$$;
comment on function orders.request_return(uuid, uuid, uuid, jsonb, text) is
  'In tenant p_tenant_id (the transaction''s: B2002), buyer p_buyer_id of the order''s company asks to return p_lines ([{variant_id, quantity}]) of order p_order_id: per order line, units in returns that are not cancelled plus these may not exceed its fulfilled_quantity (B3401). Returns the return, requested.';
