-- Up Migration
-- Serves listOrdersOfCompany (newest first, keyset on (created_at, order_id): orders placed in one
-- transaction share created_at, so the id is part of the order and of the key) and
-- fk_orders_tenant_id_company_id_companies. Replaces the index on (tenant_id, company_id, created_at desc),
-- whose last column left ties to a sort.
-- squawk-ignore require-concurrent-index-creation
create index idx_orders_tenant_id_company_id_created_at_order_id
  on orders.orders (tenant_id, company_id, created_at desc, order_id desc);
-- squawk-ignore require-concurrent-index-deletion
drop index orders.idx_orders_tenant_id_company_id_created_at;

-- Down Migration
create index idx_orders_tenant_id_company_id_created_at on orders.orders (tenant_id, company_id, created_at desc);
drop index orders.idx_orders_tenant_id_company_id_created_at_order_id;
