-- Up Migration
-- The stock journal (catalog.stock_movements, created by the catalog domain, which loads before orders)
-- points at the order or return a movement belongs to. Orders and returns are never deleted, so these
-- keys only check that the reference exists, in the same tenant.
alter table catalog.stock_movements
  add constraint fk_stock_movements_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id),
  add constraint fk_stock_movements_tenant_id_return_id_returns foreign key (tenant_id, return_id)
    references orders.returns (tenant_id, return_id);

-- Serves fk_stock_movements_tenant_id_order_id_orders and "stock movements of an order".
create index idx_stock_movements_tenant_id_order_id on catalog.stock_movements (tenant_id, order_id);
-- Serves fk_stock_movements_tenant_id_return_id_returns and "stock movements of a return".
create index idx_stock_movements_tenant_id_return_id on catalog.stock_movements (tenant_id, return_id);

-- Down Migration
drop index catalog.idx_stock_movements_tenant_id_return_id;
drop index catalog.idx_stock_movements_tenant_id_order_id;
alter table catalog.stock_movements
  drop constraint fk_stock_movements_tenant_id_return_id_returns,
  drop constraint fk_stock_movements_tenant_id_order_id_orders;
