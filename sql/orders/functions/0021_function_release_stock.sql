-- Gives back the units an order still holds (cancel, reject). Locks stock rows in the same global
-- (variant_id, warehouse_id) order as reserve_stock, so it cannot deadlock with a placement.
create or replace function orders.release_stock(p_order_id uuid)
returns void
language plpgsql
as $$
declare
  tenant uuid := app.require_tenant_id();
begin
  perform orders.lock_allocated_stock(p_order_id);

  perform catalog.set_stock_reason('cancel', p_order_id);
  update catalog.stock_levels s
  set reserved = s.reserved - a.reserved_quantity
  from orders.order_allocations a
  where a.tenant_id = tenant and a.order_id = p_order_id and a.reserved_quantity > 0
    and s.tenant_id = a.tenant_id and s.variant_id = a.variant_id and s.warehouse_id = a.warehouse_id;
  perform catalog.set_stock_reason(null);

  update orders.order_allocations a
  set reserved_quantity = 0
  where a.tenant_id = tenant and a.order_id = p_order_id and a.reserved_quantity > 0;
end
$$;
comment on function orders.release_stock(uuid) is
  'Releases the stock order p_order_id still has reserved (its allocations keep what was consumed). Locks stock rows in (variant_id, warehouse_id) order like reserve_stock.';
