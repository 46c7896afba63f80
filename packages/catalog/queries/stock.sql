/* @name CreateWarehouse */
insert into catalog.warehouses (warehouse_id, code, name, country_code)
values (coalesce(:warehouseId::uuid, gen_random_uuid()), :code!, :name!, :countryCode!)
returning warehouse_id, code, name, country_code, is_active;

/* Absolute counts (catalog.sync_stock_levels): sets on_hand, never reserved; each difference is one
   journaled movement with reason sync (an ERP) or adjustment (an admin). */
/* @name SyncStockLevels */
select s.variant_id as "variant_id!", s.warehouse_id as "warehouse_id!", s.on_hand as "on_hand!",
  s.reserved as "reserved!", s.available as "available!"
from catalog.sync_stock_levels(p_tenant_id => :tenantId!::uuid, p_counts => :counts!::jsonb, p_reason => :reason!::text) s;

/* Relative corrections (catalog.adjust_stock_levels): adds signed deltas to on_hand, journaled as adjustment. */
/* @name AdjustStockLevels */
select s.variant_id as "variant_id!", s.warehouse_id as "warehouse_id!", s.on_hand as "on_hand!",
  s.reserved as "reserved!", s.available as "available!"
from catalog.adjust_stock_levels(p_tenant_id => :tenantId!::uuid, p_adjustments => :adjustments!::jsonb) s;

/* One page of the journal, newest first: moved_at descending, then movement_id descending (the movements of
   one transaction share moved_at); optionally of one variant and/or one warehouse. Keyset on the last
   row's (moved_at, movement_id) from the page cursor, moved_at at full precision (cursor_moved_at: UTC,
   microseconds). Serves idx_stock_movements_tenant_id_variant_id_warehouse_id_moved_at (one stock level;
   one variant, sorted), idx_stock_movements_tenant_id_warehouse_id_moved_at (one warehouse) and
   idx_stock_movements_tenant_id_moved_at_movement_id (the tenant). */
/* @name ListStockMovements */
select m.movement_id, m.variant_id, m.warehouse_id, m.on_hand_delta, m.reserved_delta, m.reason,
  m.order_id, m.return_id, m.moved_by, m.moved_at,
  to_char(m.moved_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_moved_at!"
from catalog.stock_movements m
where m.tenant_id = :tenantId!
  and (:variantId::uuid is null or m.variant_id = :variantId::uuid)
  and (:warehouseId::uuid is null or m.warehouse_id = :warehouseId::uuid)
  and (:afterMovedAt::timestamptz is null
    or (m.moved_at, m.movement_id) < (:afterMovedAt::timestamptz, :afterMovementId::uuid))
order by m.moved_at desc, m.movement_id desc
limit (:limit!)::int;

/* Stock of a variant per warehouse, by warehouse code. */
/* @name GetStockByWarehouse */
select w.warehouse_id, w.code, w.name, w.country_code, w.is_active, s.on_hand, s.reserved, s.available
from catalog.stock_levels s
join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
where s.tenant_id = :tenantId! and s.variant_id = :variantId!
order by w.code;
