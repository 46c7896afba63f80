-- Gives back the units an order still holds (cancel, reject). Locks stock rows in the same global
-- (variant_id, warehouse_id) order as reserve_stock, so it cannot deadlock with a placement.
--
-- Security definer (owner b2b_owner, search_path pinned), like reserve_stock: the caller has no privilege
-- on reserved or on the allocations. Since b2b_app may call it directly, it releases only for an order
-- already cancelled or rejected (the callers move the state first); B2212 otherwise, and for another
-- tenant's order (row-level security is forced: it cannot see it).
create or replace function orders.release_stock(p_tenant_id uuid, p_order_id uuid)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- b2b_app may call it directly: the tenant argument must be the transaction's (B2002)
  tenant uuid := app.check_tenant(p_tenant_id);
begin
  if not exists (
    select 1 from orders.orders o
    where o.tenant_id = tenant and o.order_id = p_order_id and o.state in ('cancelled', 'rejected')
  ) then
    raise exception using
      errcode = 'B2212',
      message = format('order %s cannot release its stock: only a cancelled or rejected order releases', p_order_id),
      table = 'stock_levels',
      schema = 'catalog';
  end if;
  perform orders.lock_allocated_stock(tenant, p_order_id);

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
comment on function orders.release_stock(uuid, uuid) is
  'Releases the stock order p_order_id of tenant p_tenant_id (the transaction''s: B2002) still has reserved (its allocations keep what was consumed). Locks stock rows in (variant_id, warehouse_id) order like reserve_stock. SQLSTATE B2212 unless the order is cancelled or rejected. Security definer (owner b2b_owner).';
