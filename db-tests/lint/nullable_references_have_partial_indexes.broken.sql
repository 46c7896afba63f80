-- An index serving a nullable foreign key (a movement's return) that holds an entry for every row.
-- expect: catalog.idx_rogue_stock_movements_tenant_id_return_id
create index idx_rogue_stock_movements_tenant_id_return_id on catalog.stock_movements (tenant_id, return_id);
