-- Cancels an order before anything shipped and gives its stock back.
create or replace function orders.cancel_order(p_order_id uuid)
returns orders.orders
language plpgsql
as $$
declare
  target orders.orders := orders.lock_order(p_order_id);
  cancelled orders.orders;
begin
  -- the state machine refuses cancelling from partially_fulfilled on (B3001) before any stock moves
  update orders.orders o set state = 'cancelled'
  where o.tenant_id = target.tenant_id and o.order_id = p_order_id
  returning o.* into cancelled;
  perform orders.release_stock(p_order_id);
  return cancelled;
end
$$;
comment on function orders.cancel_order(uuid) is
  'Cancels order p_order_id (from draft, pending_approval or placed; SQLSTATE B3001 otherwise) and releases the stock it reserved.';
