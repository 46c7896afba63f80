/* @name CreateWarehouse */
insert into catalog.warehouses (warehouse_id, code, name, country_code)
values (coalesce(:warehouseId::uuid, gen_random_uuid()), :code!, :name!, :countryCode!)
returning warehouse_id, code, name, country_code, is_active;

/*
  @name UpsertStockLevels
  @param rows -> ((variantId!, warehouseId!, onHand!, reserved!)...)
*/
insert into catalog.stock_levels (variant_id, warehouse_id, on_hand, reserved)
values :rows
on conflict (tenant_id, variant_id, warehouse_id) do update
set on_hand = excluded.on_hand,
    reserved = excluded.reserved
returning variant_id, warehouse_id, on_hand, reserved, available;

/* Stock of a variant per warehouse, by warehouse code. */
/* @name GetStockByWarehouse */
select w.warehouse_id, w.code, w.name, w.country_code, w.is_active, s.on_hand, s.reserved, s.available
from catalog.stock_levels s
join catalog.warehouses w on w.tenant_id = s.tenant_id and w.warehouse_id = s.warehouse_id
where s.variant_id = :variantId!
order by w.code;
