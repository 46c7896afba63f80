-- Reserves the stock of every line of an order. Allocation rule: for each line, warehouses that are
-- active and have units available, the one with the most available units first (ties: warehouse code),
-- so an order ships from as few warehouses as possible; a line may be split across warehouses.
--
-- Deadlock freedom: every function that changes stock (reserve, release, fulfil, restock) first locks
-- the stock rows it needs in one statement, sorted by (variant_id, warehouse_id). Two transactions
-- therefore always request shared rows in the same order, and one simply waits for the other. Overselling
-- is impossible: availability is read after the locks are held, and chk_stock_levels_reserved_within_on_hand
-- is the backstop.
--
-- Security definer (owner b2b_owner, search_path pinned): b2b_app holds no privilege on reserved or on
-- the allocations, so this function, release_stock and consume_stock are the only ways reserved changes,
-- and no setting the caller forges opens another. Row-level security is forced on every table it
-- touches, so it still acts within the current tenant only. Since b2b_app may call it directly, it
-- reserves only for a submitted order (placed or pending approval) that holds no allocation yet: an
-- order reserves once (B2212 otherwise, and for another tenant's order, which it cannot see).
create or replace function orders.reserve_stock(p_tenant_id uuid, p_order_id uuid)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- b2b_app may call it directly: the tenant argument must be the transaction's (B2002)
  tenant uuid := app.check_tenant(p_tenant_id);
  short record;
begin
  -- a direct caller holds no lock on the order (submit does): two concurrent calls for one order take
  -- turns here, so the second sees the first's allocations and refuses (one lock per order, no privilege)
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('orders.reserve_stock:' || p_order_id::text, 0));
  if not exists (
      select 1 from orders.orders o
      where o.tenant_id = tenant and o.order_id = p_order_id and o.state in ('placed', 'pending_approval'))
    or exists (select 1 from orders.order_allocations a where a.tenant_id = tenant and a.order_id = p_order_id) then
    raise exception using
      errcode = 'B2212',
      message = format('order %s cannot reserve stock: only a submitted order that has reserved nothing yet reserves', p_order_id),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  -- 1. lock the stock rows of the order's variants, in the one global order, and 2. in the same statement
  -- (issue 13: one pass over the lines instead of two) find a line that cannot be covered, from the rows
  -- as locked: it refuses the whole order (no partial reservations)
  with locked as (
    select s.variant_id, s.warehouse_id, s.available
    from catalog.stock_levels s
    where s.tenant_id = tenant
      and s.variant_id in (select l.variant_id from orders.order_lines l where l.tenant_id = tenant and l.order_id = p_order_id)
    order by s.variant_id, s.warehouse_id
    for no key update
  )
  select v.sku, l.quantity, coalesce(sum(k.available) filter (where w.is_active), 0) as available
  into short
  from orders.order_lines l
  join catalog.variants v on v.tenant_id = l.tenant_id and v.variant_id = l.variant_id
  left join locked k on k.variant_id = l.variant_id
  left join catalog.warehouses w on w.tenant_id = tenant and w.warehouse_id = k.warehouse_id
  where l.tenant_id = tenant and l.order_id = p_order_id
  group by l.line_number, v.sku, l.quantity
  having coalesce(sum(k.available) filter (where w.is_active), 0) < l.quantity
  order by l.line_number
  limit 1;
  if found then
    raise exception using
      errcode = 'B3201',
      message = format('not enough stock of %s: %s ordered, %s available', short.sku, short.quantity, short.available),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  -- 3. allocate (the rule above) and reserve (journaled as reason order by the stock_levels trigger)
  perform catalog.set_stock_reason('order', p_order_id);
  with candidates as (
    -- warehouses holding each line's variant, best first, with the units of better ones before them
    select l.variant_id, l.quantity, s.warehouse_id, s.available,
      coalesce(sum(s.available) over (
        partition by l.variant_id order by s.available desc, w.code
        rows between unbounded preceding and 1 preceding), 0) as before
    from orders.order_lines l
    join catalog.stock_levels s on s.tenant_id = l.tenant_id and s.variant_id = l.variant_id
    join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
    where l.tenant_id = tenant and l.order_id = p_order_id and w.is_active and s.available > 0
  ),
  picks as (
    -- take from each warehouse what the line still needs, until it is covered
    select c.variant_id, c.warehouse_id, least(c.available, c.quantity - c.before) as take
    from candidates c
    where c.before < c.quantity
  ),
  reserved as (
    update catalog.stock_levels s
    set reserved = s.reserved + p.take
    from picks p
    where s.tenant_id = tenant and s.variant_id = p.variant_id and s.warehouse_id = p.warehouse_id
    returning s.variant_id, s.warehouse_id, p.take
  )
  insert into orders.order_allocations (tenant_id, order_id, variant_id, warehouse_id, reserved_quantity)
  select tenant, p_order_id, r.variant_id, r.warehouse_id, r.take
  from reserved r;
  perform catalog.set_stock_reason(null);
end
$$;
comment on function orders.reserve_stock(uuid, uuid) is
  'Reserves stock for every line of order p_order_id of tenant p_tenant_id (the transaction''s: B2002): per line, active warehouses with the most available units first (ties by warehouse code), split across warehouses when needed; records order_allocations. Locks stock rows sorted by (variant_id, warehouse_id) first, so concurrent orders cannot deadlock. SQLSTATE B3201 when a line cannot be covered (nothing is reserved then); B2212 unless the order is placed or pending approval and holds no allocation yet. Security definer (owner b2b_owner): the only way, with release_stock and consume_stock, that reserved changes.';
