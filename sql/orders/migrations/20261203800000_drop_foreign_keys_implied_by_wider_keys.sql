-- Up Migration
-- Foreign keys that only repeat the check of a wider key of their table to the same table (issue 13;
-- lint foreign_keys_are_not_implied_by_wider_keys): when the money rule added minor_units, each amount
-- table got a (currency, minor_units) or (tenant_id, order_id, minor_units) key beside its first one,
-- with the added column not null and the same delete action. Every row the wider key accepts has a
-- parent the narrower one would find, so the narrower one was a second parent lookup (with a FOR KEY
-- SHARE lock) on every insert: five per placed order for its lines, one for the order. (accounts.companies'
-- pair: 20261203800100.) The wider key
-- reports what the narrower did, mapped to the same code (currency_unknown, order_not_found).
-- Kept: accounts.buyers' (tenant_id, company_id) key, whose wider key is checked at commit (a missing
-- company is reported at once), and orders.approval_rules' (currency) key, whose minor_units may be null.
alter table orders.orders drop constraint if exists fk_orders_currency_currencies;
alter table orders.order_lines drop constraint if exists fk_order_lines_tenant_id_order_id_orders;
alter table orders.invoices drop constraint if exists fk_invoices_currency_currencies;
alter table orders.receivable_entries drop constraint if exists fk_receivable_entries_currency_currencies;
alter table orders.returns drop constraint if exists fk_returns_tenant_id_order_id_orders;

-- Down Migration
-- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
alter table orders.orders add constraint fk_orders_currency_currencies
  foreign key (currency) references catalog.currencies (currency_code);
-- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
alter table orders.order_lines add constraint fk_order_lines_tenant_id_order_id_orders
  foreign key (tenant_id, order_id) references orders.orders (tenant_id, order_id) on delete cascade;
-- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
alter table orders.invoices add constraint fk_invoices_currency_currencies
  foreign key (currency) references catalog.currencies (currency_code);
-- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
alter table orders.receivable_entries add constraint fk_receivable_entries_currency_currencies
  foreign key (currency) references catalog.currencies (currency_code);
-- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
alter table orders.returns add constraint fk_returns_tenant_id_order_id_orders
  foreign key (tenant_id, order_id) references orders.orders (tenant_id, order_id);
