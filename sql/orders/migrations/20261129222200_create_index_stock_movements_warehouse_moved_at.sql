-- Up Migration
-- listStockMovements of one warehouse (a warehouse's movements of the day, an audit): newest first, keyset
-- on (moved_at, movement_id), read in index order. Without it the planner may read all of the
-- warehouse's movements through another index and sort them (seen at 20 tenants x 2,000 movements),
-- which grows with the journal. The listing of one variant in every warehouse still reads the variant's
-- movements from idx_stock_movements_tenant_id_variant_id_warehouse_id_moved_at and sorts them: a
-- variant's journal is short beside a warehouse's.
-- squawk-ignore require-concurrent-index-creation
create index idx_stock_movements_tenant_id_warehouse_id_moved_at
  on catalog.stock_movements (tenant_id, warehouse_id, moved_at desc, movement_id desc);
comment on index catalog.idx_stock_movements_tenant_id_warehouse_id_moved_at is
  'Serves listStockMovements of one warehouse (newest first, keyset on moved_at, movement_id).';

-- Down Migration
drop index catalog.idx_stock_movements_tenant_id_warehouse_id_moved_at;
