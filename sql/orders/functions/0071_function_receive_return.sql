-- Returned units arrive: they go back on hand in the warehouse (stock rows locked in the global
-- (variant_id, warehouse_id) order, as every stock change), and a credit note at the order's unit prices
-- lowers the company's open balance.
create or replace function orders.receive_return(p_tenant_id uuid, p_return_id uuid, p_warehouse_id uuid)
returns orders.returns
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  target orders.returns := orders.lock_return(tenant, p_return_id);
  parent orders.orders;
  credit numeric;
  received orders.returns;
begin
  -- checked before any stock moves (the state machine trigger would refuse the move at the end too)
  if not exists (
    select 1 from orders.return_transitions t where t.from_state = target.state and t.to_state = 'received'
  ) then
    raise exception using
      errcode = 'B3001',
      message = format('return %s cannot move from %s to received', p_return_id, target.state);
  end if;
  -- the order row is locked (as request_return does), so two returns of one order are credited in turn
  select o.* into parent from orders.orders o where o.tenant_id = tenant and o.order_id = target.order_id
  for no key update;
  -- the company's credit exposure before any stock row (the credit note changes it): placing an order locks
  -- them in that order, so the two cannot wait for each other
  perform orders.lock_credit_exposure(tenant, parent.company_id);

  perform 1
  from catalog.stock_levels s
  where s.tenant_id = tenant and s.warehouse_id = p_warehouse_id
    and s.variant_id in (select rl.variant_id from orders.return_lines rl where rl.tenant_id = tenant and rl.return_id = p_return_id)
  order by s.variant_id, s.warehouse_id
  for no key update;
  perform catalog.set_stock_reason('return', target.order_id, p_return_id);
  -- tenant_id from its default (the transaction's tenant, which check_tenant made equal to tenant): b2b_app's
  -- insert grant on catalog.stock_levels names no tenant_id (sql/catalog/grants)
  insert into catalog.stock_levels (variant_id, warehouse_id, on_hand)
  select rl.variant_id, p_warehouse_id, rl.quantity
  from orders.return_lines rl
  where rl.tenant_id = tenant and rl.return_id = p_return_id
  order by rl.variant_id
  on conflict (tenant_id, variant_id, warehouse_id) do update set on_hand = catalog.stock_levels.on_hand + excluded.on_hand;
  perform catalog.set_stock_reason(null);

  -- the credit, in the order's minor units by the cumulative difference (as invoices): per line, the
  -- rounded value of the units returned so far (received returns and this one) minus that of the units
  -- received before, so the credit notes of a line never add up to more than what its units were invoiced
  select coalesce(sum(
      app.round_money((rl.quantity + coalesce(b.units, 0)) * l.unit_price, l.minor_units)
      - app.round_money(coalesce(b.units, 0) * l.unit_price, l.minor_units)), 0)
  into credit
  from orders.return_lines rl
  join orders.order_lines l on l.tenant_id = rl.tenant_id and l.order_id = rl.order_id and l.variant_id = rl.variant_id
  -- the units of each variant received before, grouped once (not a lateral join "on true": Citus cannot
  -- plan that outer join on PostgreSQL 15, "pseudoconstant quals")
  left join (
    select prev.variant_id, sum(prev.quantity) as units
    from orders.return_lines prev
    join orders.returns r on r.tenant_id = prev.tenant_id and r.return_id = prev.return_id
    where prev.tenant_id = tenant and prev.order_id = target.order_id and r.state = 'received'
    group by prev.variant_id
  ) b on b.variant_id = rl.variant_id
  where rl.tenant_id = tenant and rl.return_id = p_return_id;
  insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, return_id, reference)
  values (tenant, parent.company_id, 'credit_note', credit, parent.currency, p_return_id,
    coalesce(target.reason, 'return of order ' || parent.order_id));

  update orders.returns r
  set state = 'received', warehouse_id = p_warehouse_id, credit_amount = credit, received_at = now()
  where r.tenant_id = tenant and r.return_id = p_return_id
  returning r.* into received;
  return received;
end
$$;
comment on function orders.receive_return(uuid, uuid, uuid) is
  'Receives requested return p_return_id of tenant p_tenant_id (the transaction''s: B2002) into warehouse p_warehouse_id: restocks its units (on_hand up; stock rows locked in (variant_id, warehouse_id) order), books a credit note of the units at their order unit prices (in the currency''s minor units by the cumulative difference over the order''s received returns, app.round_money) in the receivables ledger and marks the return received. B3402 for an unknown return, B3001 unless requested.';
