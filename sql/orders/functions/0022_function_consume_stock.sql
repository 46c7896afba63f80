-- The stock step of fulfil_order: ships units of an order from its reservations, warehouse by warehouse
-- (by warehouse code) until each shipped quantity is covered; on_hand and reserved both go down, and the
-- allocations move the units from reserved_quantity to consumed_quantity. Locks the stock rows in the
-- global (variant_id, warehouse_id) order first, as every stock change does.
--
-- Security definer (owner b2b_owner, search_path pinned), like reserve_stock and release_stock: b2b_app
-- holds no privilege on reserved or on the allocations. Since b2b_app may call it directly, it ships only
-- for a placed or partially fulfilled order and at most each line's outstanding units (quantity less
-- fulfilled_quantity), B2212 otherwise; row-level security is forced, so another tenant's order is not
-- found. p_shipment is [{variant_id, quantity}], one entry per variant (fulfil_order checks its shape).
create or replace function orders.consume_stock(p_tenant_id uuid, p_order_id uuid, p_shipment jsonb)
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
      where o.tenant_id = tenant and o.order_id = p_order_id and o.state in ('placed', 'partially_fulfilled'))
    or exists (
      select 1
      from jsonb_to_recordset(p_shipment) as sh(variant_id uuid, quantity bigint)
      left join orders.order_lines l on l.tenant_id = tenant and l.order_id = p_order_id and l.variant_id = sh.variant_id
      where l.variant_id is null or sh.quantity is null or sh.quantity < 1 or sh.quantity > l.quantity - l.fulfilled_quantity) then
    raise exception using
      errcode = 'B2212',
      message = format('order %s cannot consume that stock: only a placed order ships, at most its outstanding units', p_order_id),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  perform orders.lock_allocated_stock(tenant, p_order_id);

  perform catalog.set_stock_reason('fulfilment', p_order_id);
  with candidates as (
    select a.variant_id, a.warehouse_id, a.reserved_quantity, sh.quantity,
      coalesce(sum(a.reserved_quantity) over (
        partition by a.variant_id order by w.code rows between unbounded preceding and 1 preceding), 0) as before
    from jsonb_to_recordset(p_shipment) as sh(variant_id uuid, quantity bigint)
    join orders.order_allocations a on a.tenant_id = tenant and a.order_id = p_order_id and a.variant_id = sh.variant_id
    join catalog.warehouses w on w.tenant_id = a.tenant_id and w.warehouse_id = a.warehouse_id
    where a.reserved_quantity > 0
  ),
  consumption as (
    select c.variant_id, c.warehouse_id, least(c.reserved_quantity, c.quantity - c.before) as take
    from candidates c
    where c.before < c.quantity
  ),
  stock as (
    update catalog.stock_levels s
    set on_hand = s.on_hand - c.take, reserved = s.reserved - c.take
    from consumption c
    where s.tenant_id = tenant and s.variant_id = c.variant_id and s.warehouse_id = c.warehouse_id
  )
  update orders.order_allocations a
  set reserved_quantity = a.reserved_quantity - c.take, consumed_quantity = a.consumed_quantity + c.take
  from consumption c
  where a.tenant_id = tenant and a.order_id = p_order_id and a.variant_id = c.variant_id and a.warehouse_id = c.warehouse_id;
  perform catalog.set_stock_reason(null);
end
$$;
comment on function orders.consume_stock(uuid, uuid, jsonb) is
  'Internal step of fulfil_order: ships p_shipment ([{variant_id, quantity}]) of order p_order_id of tenant p_tenant_id (the transaction''s: B2002) from its reservations (warehouses by code): on_hand and reserved go down, allocations move the units to consumed_quantity; stock rows locked in (variant_id, warehouse_id) order. SQLSTATE B2212 unless the order is placed or partially fulfilled and each quantity is within the line''s outstanding units. Security definer (owner b2b_owner).';
