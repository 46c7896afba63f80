-- Cancels an order before anything shipped and gives its stock back.
create or replace function orders.cancel_order(p_tenant_id uuid, p_order_id uuid)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders := orders.lock_order(v_tenant, p_order_id);
  cancelled orders.orders;
begin
  -- the state machine refuses cancelling from partially_fulfilled on (B3001) before any stock moves
  update orders.orders o set state = 'cancelled'
  where o.tenant_id = v_tenant and o.order_id = p_order_id
  returning o.* into cancelled;
  perform orders.release_stock(v_tenant, p_order_id);
  perform orders.run_deferred_checks();
  return cancelled;
end
$$;
comment on function orders.cancel_order(uuid, uuid) is
  'Cancels order p_order_id of tenant p_tenant_id (the transaction''s: B2002) (from draft, pending_approval or placed; SQLSTATE B3001 otherwise) and releases the stock it reserved.';
