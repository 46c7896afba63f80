-- Closes a fulfilled order (the seller's last step; no more returns are expected to change it).
create or replace function orders.complete_order(p_tenant_id uuid, p_order_id uuid)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders := orders.lock_order(v_tenant, p_order_id);
  completed orders.orders;
begin
  update orders.orders o set state = 'completed'
  where o.tenant_id = v_tenant and o.order_id = p_order_id
  returning o.* into completed;
  return completed;
end
$$;
comment on function orders.complete_order(uuid, uuid) is 'Moves fulfilled order p_order_id of tenant p_tenant_id (the transaction''s: B2002) to completed (SQLSTATE B3001 from any other state).';
