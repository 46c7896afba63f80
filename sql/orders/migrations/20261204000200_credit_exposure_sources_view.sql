-- Up Migration
-- orders.credit_exposure_sources is a repeatable view (sql/orders/views), created after the migrations. It
-- reads columns of orders.orders and orders.receivable_entries that older migrations' down sections alter,
-- which PostgreSQL refuses under a view: a rollback drops it here first (the next migrate re-creates it).
select 1;

-- Down Migration
drop view if exists orders.credit_exposure_sources;
