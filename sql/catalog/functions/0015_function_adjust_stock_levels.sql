-- Relative corrections (found, damaged, counted wrong): adds a signed delta to on_hand per (variant,
-- warehouse), creating the level when it is new; reserved belongs to the orders and is never touched.
-- The journal trigger records each as an adjustment. A result below the reserved units is refused (B2210).
-- The tenant is the first argument (app.check_tenant) and every statement filters on it (new levels get it
-- from the tenant_id default), so on Citus the call runs on the tenant's node.
create or replace function catalog.adjust_stock_levels(p_tenant_id uuid, p_adjustments jsonb)
returns table (variant_id uuid, warehouse_id uuid, on_hand bigint, reserved bigint, available bigint)
language plpgsql
as $$
#variable_conflict use_column
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  variants uuid[];
  warehouses uuid[];
  deltas bigint[];
  short record;
begin
  select coalesce(array_agg(r.variant_id order by r.variant_id, r.warehouse_id), '{}'),
    coalesce(array_agg(r.warehouse_id order by r.variant_id, r.warehouse_id), '{}'),
    coalesce(array_agg(r.quantity order by r.variant_id, r.warehouse_id), '{}')
  into variants, warehouses, deltas
  from catalog.parse_stock_rows(p_adjustments, 'delta') r;

  -- 1. lock the existing levels in the one global (variant_id, warehouse_id) order of every stock change
  perform 1
  from catalog.stock_levels s
  where s.tenant_id = tenant and (s.variant_id, s.warehouse_id) in (select c.v, c.w from unnest(variants, warehouses) c(v, w))
  order by s.variant_id, s.warehouse_id
  for no key update;

  -- 2. a result below the reserved units is refused (a negative one is chk_stock_levels_on_hand_not_negative's)
  select c.v, c.w, c.d, s.on_hand, s.reserved into short
  from unnest(variants, warehouses, deltas) c(v, w, d)
  join catalog.stock_levels s on s.tenant_id = tenant and s.variant_id = c.v and s.warehouse_id = c.w
  where s.on_hand + c.d >= 0 and s.on_hand + c.d < s.reserved
  order by c.v, c.w
  limit 1;
  if found then
    raise exception using
      errcode = 'B2210',
      message = format('stock of variant %s in warehouse %s cannot go from %s to %s: open orders have %s units reserved there',
        short.v, short.w, short.on_hand, short.on_hand + short.d, short.reserved),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  -- 3. write in key order; the journal triggers record each change as an adjustment. Existing levels are
  -- updated and new ones inserted in one statement (not insert ... on conflict: the proposed row, a
  -- negative delta, would fail chk_stock_levels_on_hand_not_negative before the conflict is seen).
  perform catalog.set_stock_reason('adjustment');
  with changed as (
    update catalog.stock_levels s
    set on_hand = s.on_hand + c.d
    from unnest(variants, warehouses, deltas) c(v, w, d)
    where s.tenant_id = tenant and s.variant_id = c.v and s.warehouse_id = c.w and c.d <> 0
  )
  insert into catalog.stock_levels (variant_id, warehouse_id, on_hand)
  select c.v, c.w, c.d
  from unnest(variants, warehouses, deltas) c(v, w, d)
  where not exists (select 1 from catalog.stock_levels s where s.tenant_id = tenant and s.variant_id = c.v and s.warehouse_id = c.w)
  order by c.v, c.w;
  perform catalog.set_stock_reason(null);

  return query
    select s.variant_id, s.warehouse_id, s.on_hand, s.reserved, s.available
    from unnest(variants, warehouses) c(v, w)
    join catalog.stock_levels s on s.tenant_id = tenant and s.variant_id = c.v and s.warehouse_id = c.w
    order by s.variant_id, s.warehouse_id;
end
$$;
comment on function catalog.adjust_stock_levels(uuid, jsonb) is
  'In tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant): adds signed deltas p_adjustments ([{variant_id, warehouse_id, delta}], one statement for the batch) to on_hand, creating new levels; reserved is never touched. Each change is journaled as an adjustment in catalog.stock_movements. Locks existing levels sorted by (variant_id, warehouse_id) first. Returns the levels. SQLSTATE B2210 when on_hand would fall below the reserved units, B2211 for malformed rows; stock_negative when it would fall below 0.';
