-- After the placeOrder run: were the orders all placed, and placed right? (the checks of
-- scripts/lib/bench/suites/orders-verify.ts). One row per check: ok (t/f), what, detail. Read as the
-- superuser: row-level security hides nothing. psql variables: prefix (the run's idempotency key prefix),
-- completed (orders pgbench completed, warmup included), lines (per order).
\set ON_ERROR_STOP on
\pset footer off
with placed as (select count(*) as n from orders.orders where idempotency_key like :'prefix' || '%'),
wrong as (
  select count(*) as n from orders.orders o
  where o.state <> 'placed'
     or (select count(*) from orders.order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.order_id) <> :lines
     or (select count(*) from orders.order_state_history h where h.tenant_id = o.tenant_id and h.order_id = o.order_id) <> 2
),
mispriced as (
  select count(*) as n from orders.order_lines l
  join catalog.prices p on p.tenant_id = l.tenant_id and p.variant_id = l.variant_id
  where p.unit_price <> l.unit_price or p.price_list_id is distinct from l.price_list_id
),
unallocated as (
  select count(*) as n from orders.order_lines l
  where l.quantity <> (select coalesce(sum(a.reserved_quantity), 0) from orders.order_allocations a
                       where a.tenant_id = l.tenant_id and a.order_id = l.order_id and a.variant_id = l.variant_id)
),
drift as (
  select count(*) as n from catalog.stock_levels s
  where s.reserved > s.on_hand
     or s.reserved <> (select coalesce(sum(a.reserved_quantity), 0) from orders.order_allocations a
                       where a.tenant_id = s.tenant_id and a.variant_id = s.variant_id and a.warehouse_id = s.warehouse_id)
),
unjournaled as (
  select count(*) as n from catalog.stock_levels s
  left join (select tenant_id, variant_id, warehouse_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
             from catalog.stock_movements group by 1, 2, 3) m using (tenant_id, variant_id, warehouse_id)
  where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)
),
deadlocks as (select deadlocks as n from pg_stat_database where datname = current_database())
select ok, what, detail from (
  select 1, (select n from placed) = :completed, 'orders in the database = orders pgbench completed',
    format('%s in the database, %s completed (warmup included)', (select n from placed), :completed)
  union all select 2, (select n from wrong) = 0, format('every order is placed, with %s lines and 2 history rows', :lines),
    format('%s orders are not', (select n from wrong))
  union all select 3, (select n from mispriced) = 0, 'every line carries its variant''s base price',
    format('%s lines do not', (select n from mispriced))
  union all select 4, (select n from unallocated) = 0, 'every line is reserved in full',
    format('%s lines are not', (select n from unallocated))
  union all select 5, (select n from drift) = 0, 'stock: reserved never above on hand, and equal to the sum of the allocations',
    format('%s stock rows are not', (select n from drift))
  union all select 6, (select n from unjournaled) = 0, 'stock: every level equals the sum of its journal (catalog.stock_movements)',
    format('%s stock rows do not', (select n from unjournaled))
  union all select 7, (select n from deadlocks) = 0, 'no deadlock', format('%s in pg_stat_database', (select n from deadlocks))
) c(i, ok, what, detail)
order by i;
