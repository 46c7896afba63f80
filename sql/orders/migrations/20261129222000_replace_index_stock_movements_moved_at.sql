-- Up Migration
-- listStockMovements pages the journal newest first, keyset on (moved_at, movement_id): the movements of
-- one transaction (an order of five lines, a sync) share moved_at, so the id is part of the order and of
-- the key. The index on (tenant_id, variant_id, warehouse_id, moved_at) left ties to a sort; it is
-- replaced by one that ends with the id. A second index serves the listing of a whole tenant and of one
-- warehouse (few per tenant: a filter on the index scan). The listing of one variant in every warehouse
-- reads the variant's movements from the first index and sorts them (a variant's journal is short beside
-- the tenant's; one more index on an append-only journal written by every order was not worth it).
-- squawk-ignore require-concurrent-index-creation
create index idx_stock_movements_tenant_id_variant_id_warehouse_id_moved_at
  on catalog.stock_movements (tenant_id, variant_id, warehouse_id, moved_at desc, movement_id desc);
comment on index catalog.idx_stock_movements_tenant_id_variant_id_warehouse_id_moved_at is
  'Serves fk_stock_movements_tenant_id_variant_id_warehouse_id_stock, orders.reconcile_stock (sums per level) and listStockMovements of one stock level (newest first, keyset on moved_at, movement_id).';
-- squawk-ignore require-concurrent-index-creation
create index idx_stock_movements_tenant_id_moved_at_movement_id
  on catalog.stock_movements (tenant_id, moved_at desc, movement_id desc);
comment on index catalog.idx_stock_movements_tenant_id_moved_at_movement_id is
  'Serves listStockMovements of a whole tenant or of one warehouse (newest first, keyset on moved_at, movement_id).';
-- squawk-ignore require-concurrent-index-deletion
drop index catalog.idx_stock_movements_tenant_id_variant_id_warehouse_id;

-- Down Migration
create index idx_stock_movements_tenant_id_variant_id_warehouse_id
  on catalog.stock_movements (tenant_id, variant_id, warehouse_id, moved_at);
drop index catalog.idx_stock_movements_tenant_id_moved_at_movement_id;
drop index catalog.idx_stock_movements_tenant_id_variant_id_warehouse_id_moved_at;
