-- The stock proof: per (variant, warehouse) of the tenant, the level must equal the sum of its journal
-- (catalog.stock_movements) for on_hand and reserved, and reserved must equal what the open orders'
-- allocations still hold. Any difference is drift (a write that bypassed the rules, a bug, a restore of
-- one table without the other); each drifting level is one row, with what differs. No rows: in balance.
-- It lives in orders because it reads both domains (catalog loads first and knows no orders).
create or replace function orders.reconcile_stock(p_tenant_id uuid)
returns table (
  variant_id uuid,
  warehouse_id uuid,
  on_hand bigint,
  reserved bigint,
  journal_on_hand bigint,
  journal_reserved bigint,
  allocated bigint,
  drift text
)
language plpgsql stable
as $$
#variable_conflict use_column
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  -- the open states (orders.order_states.is_open), read first: on Citus a statement of a delegated
  -- function may not join a reference table with the distributed ones
  open_states text[];
begin
  select coalesce(array_agg(st.state), '{}') into open_states from orders.order_states st where st.is_open;
  return query
    with levels as (
      select s.variant_id, s.warehouse_id, s.on_hand, s.reserved
      from catalog.stock_levels s
      where s.tenant_id = tenant
    ),
    journal as (
      select m.variant_id, m.warehouse_id, sum(m.on_hand_delta)::bigint as on_hand, sum(m.reserved_delta)::bigint as reserved
      from catalog.stock_movements m
      where m.tenant_id = tenant
      group by m.variant_id, m.warehouse_id
    ),
    -- what open orders hold (pending_approval, placed, partially_fulfilled: order_states.is_open), and
    -- what closed orders (cancelled, rejected, fulfilled, ...) still hold, which should be nothing
    allocations as (
      select a.variant_id, a.warehouse_id,
        coalesce(sum(a.reserved_quantity) filter (where o.state = any (open_states)), 0)::bigint as reserved,
        coalesce(sum(a.reserved_quantity) filter (where o.state <> all (open_states)), 0)::bigint as closed
      from orders.order_allocations a
      join orders.orders o on o.tenant_id = a.tenant_id and o.order_id = a.order_id
      where a.tenant_id = tenant and a.reserved_quantity <> 0
      group by a.variant_id, a.warehouse_id
    ),
    compared as (
      select coalesce(l.variant_id, j.variant_id) as variant_id, coalesce(l.warehouse_id, j.warehouse_id) as warehouse_id,
        l.on_hand, l.reserved, coalesce(j.on_hand, 0) as journal_on_hand, coalesce(j.reserved, 0) as journal_reserved
      from levels l
      full join journal j on j.variant_id = l.variant_id and j.warehouse_id = l.warehouse_id
    )
    select coalesce(c.variant_id, a.variant_id), coalesce(c.warehouse_id, a.warehouse_id),
      c.on_hand, c.reserved, coalesce(c.journal_on_hand, 0), coalesce(c.journal_reserved, 0), coalesce(a.reserved, 0),
      concat_ws('; ',
        case when c.on_hand is null then 'no stock level' end,
        case when coalesce(c.on_hand, 0) <> coalesce(c.journal_on_hand, 0) then 'on_hand differs from the journal' end,
        case when coalesce(c.reserved, 0) <> coalesce(c.journal_reserved, 0) then 'reserved differs from the journal' end,
        case when coalesce(c.reserved, 0) <> coalesce(a.reserved, 0) then 'reserved differs from the open orders'' allocations' end,
        case when a.closed <> 0 then 'closed orders still hold reservations' end)
    from compared c
    full join allocations a on a.variant_id = c.variant_id and a.warehouse_id = c.warehouse_id
    where c.on_hand is null
      or c.on_hand <> c.journal_on_hand
      or c.reserved <> c.journal_reserved
      or coalesce(c.reserved, 0) <> coalesce(a.reserved, 0)
      or a.closed <> 0
    order by 1, 2;
end
$$;
comment on function orders.reconcile_stock(uuid) is
  'Reconciles the stock of tenant p_tenant_id (the transaction''s: B2002): one row per (variant, warehouse) where catalog.stock_levels differs from the sum of catalog.stock_movements (on_hand, reserved) or where reserved differs from the reserved_quantity of open orders'' allocations (orders.order_allocations of orders in an open state), or where a closed order still holds a reservation, with the values and what differs (drift). No rows: levels, journal and allocations agree.';
