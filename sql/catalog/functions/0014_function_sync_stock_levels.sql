-- Absolute counts (an ERP sync, or an admin's count): sets on_hand per (variant, warehouse), creating the
-- level when it is new, and leaves reserved alone: it belongs to the orders. The journal trigger records
-- each difference as one movement (reason sync or adjustment). A count below what open orders have
-- reserved is refused (B2210): those units are promised, so the count is wrong or the orders must be
-- cancelled first. The tenant is the first argument (app.check_tenant) and every statement filters on it
-- (new levels get it from the tenant_id default), so on Citus the call runs on the tenant's node.
create or replace function catalog.sync_stock_levels(p_tenant_id uuid, p_counts jsonb, p_reason text default 'sync')
returns table (variant_id uuid, warehouse_id uuid, on_hand bigint, reserved bigint, available bigint)
language plpgsql
as $$
#variable_conflict use_column
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  variants uuid[];
  warehouses uuid[];
  counts bigint[];
  short record;
begin
  if p_reason is null or p_reason not in ('sync', 'adjustment') then
    raise exception using
      errcode = 'B2211',
      message = format('a stock count is recorded as sync or adjustment, not %s', coalesce(p_reason, 'null'));
  end if;
  select coalesce(array_agg(r.variant_id order by r.variant_id, r.warehouse_id), '{}'),
    coalesce(array_agg(r.warehouse_id order by r.variant_id, r.warehouse_id), '{}'),
    coalesce(array_agg(r.quantity order by r.variant_id, r.warehouse_id), '{}')
  into variants, warehouses, counts
  from catalog.parse_stock_rows(p_counts, 'on_hand') r;

  -- 1. lock the existing levels in the one global (variant_id, warehouse_id) order of every stock change
  perform 1
  from catalog.stock_levels s
  where s.tenant_id = tenant and (s.variant_id, s.warehouse_id) in (select c.v, c.w from unnest(variants, warehouses) c(v, w))
  order by s.variant_id, s.warehouse_id
  for no key update;

  -- 2. a count below the reserved units is refused (a negative one is chk_stock_levels_on_hand_not_negative's)
  select c.v, c.w, c.n, s.reserved into short
  from unnest(variants, warehouses, counts) c(v, w, n)
  join catalog.stock_levels s on s.tenant_id = tenant and s.variant_id = c.v and s.warehouse_id = c.w
  where c.n >= 0 and c.n < s.reserved
  order by c.v, c.w
  limit 1;
  if found then
    raise exception using
      errcode = 'B2210',
      message = format('stock of variant %s in warehouse %s cannot be set to %s: open orders have %s units reserved there',
        short.v, short.w, short.n, short.reserved),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  -- 3. write in key order; the journal trigger records the differences
  perform catalog.set_stock_reason(p_reason);
  insert into catalog.stock_levels as s (variant_id, warehouse_id, on_hand)
  select c.v, c.w, c.n from unnest(variants, warehouses, counts) c(v, w, n) order by c.v, c.w
  on conflict on constraint pk_stock_levels do update set on_hand = excluded.on_hand
  where s.on_hand <> excluded.on_hand;
  perform catalog.set_stock_reason(null);

  return query
    select s.variant_id, s.warehouse_id, s.on_hand, s.reserved, s.available
    from unnest(variants, warehouses) c(v, w)
    join catalog.stock_levels s on s.tenant_id = tenant and s.variant_id = c.v and s.warehouse_id = c.w
    order by s.variant_id, s.warehouse_id;
end
$$;
comment on function catalog.sync_stock_levels(uuid, jsonb, text) is
  'In tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant): sets on_hand to absolute counts p_counts ([{variant_id, warehouse_id, on_hand}], one statement for the batch), creating new levels; reserved is never touched. Each difference is journaled as one catalog.stock_movements row with reason p_reason (sync for an ERP, adjustment for an admin). Locks existing levels sorted by (variant_id, warehouse_id) first. Returns the levels. SQLSTATE B2210 for a count below the reserved units, B2211 for malformed rows; stock_negative (chk_stock_levels_on_hand_not_negative) for a negative count.';
