-- The first step of every function that gives reserved stock back or ships it (release_stock,
-- consume_stock): lock the stock rows an order holds allocations on, in the one global order
-- (variant_id, warehouse_id) that reserve_stock and receive_return lock in too, so that concurrent
-- stock changes wait for each other instead of deadlocking. One definition of that order.
create or replace function orders.lock_allocated_stock(p_tenant_id uuid, p_order_id uuid)
returns void
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
begin
  perform 1
  from catalog.stock_levels s
  where s.tenant_id = tenant
    and (s.variant_id, s.warehouse_id) in (
      select a.variant_id, a.warehouse_id from orders.order_allocations a
      where a.tenant_id = tenant and a.order_id = p_order_id and a.reserved_quantity > 0)
  order by s.variant_id, s.warehouse_id
  for no key update;
end
$$;
comment on function orders.lock_allocated_stock(uuid, uuid) is
  'Internal step of release_stock and consume_stock: locks (for no key update) the stock rows order p_order_id of tenant p_tenant_id still holds reservations on, sorted by (variant_id, warehouse_id), the lock order of every stock change.';
