-- Up Migration
-- Money rule for orders (see app/migrations/20261129210000_create_money_rule.sql). Unit prices (lines,
-- quotes) have up to 4 decimals. Every booked amount is in the currency's minor units: order totals and
-- invoiced amounts, line totals, invoices, ledger entries (invoices, payments, credit notes), return
-- credits and approval thresholds. Each table carries minor_units, a copy tied to
-- the currency by a composite foreign key (to catalog.currencies where the row has a currency, else to its
-- order), filled by trigger when a write leaves it out; a named check per amount (chk_<table>_<column>_money,
-- app.is_money) refuses NaN, Infinity, 10^15 and more, and more decimals than allowed: never rounded.
-- A line total is quantity x unit price rounded by app.round_money (the one rounding rule), so invoices
-- computed by the cumulative difference (orders.issue_invoice) add up to it exactly.
-- Dropping the numeric(19, 4) typmod does not rewrite the tables; the checks are validated in the same
-- transaction (the tables are new in this release): the squawk-ignore marks below are for locks held
-- briefly on small tables, inside the one migration transaction. minor_units is a digit count (0-4):
-- 16 bits are plenty.

-- Triggers whose definition names an amount column (a WHEN clause or an UPDATE OF list) block the type
-- changes: dropped here, re-created by their repeatable files (sql/orders/triggers/0003, 0004: changed in
-- this release, so the migrate that runs this re-applies them).
drop trigger if exists trg_orders_after_insert_check_total on orders.orders;
drop trigger if exists trg_orders_after_write_check_total on orders.orders;
drop trigger if exists trg_order_lines_after_write_check_total on orders.order_lines;
drop trigger if exists trg_order_lines_before_write_editable on orders.order_lines;

-- orders -------------------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table orders.orders add column minor_units smallint;
update orders.orders o set minor_units = c.minor_units from catalog.currencies c where c.currency_code = o.currency;
-- squawk-ignore adding-not-nullable-field
alter table orders.orders alter column minor_units set not null;
alter table orders.orders
  -- squawk-ignore changing-column-type
  alter column total_amount type numeric,
  -- squawk-ignore changing-column-type
  alter column invoiced_amount type numeric;
alter table orders.orders
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_orders_currency_minor_units_currencies foreign key (currency, minor_units)
    references catalog.currencies (currency_code, minor_units),
  -- Target of the foreign keys of order_lines and returns: their amounts are in the order's minor units.
  -- squawk-ignore constraint-missing-not-valid, disallowed-unique-constraint
  add constraint uq_orders_tenant_id_order_id_minor_units unique (tenant_id, order_id, minor_units),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_orders_total_amount_money check (app.is_money(total_amount, minor_units)),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_orders_invoiced_amount_money check (app.is_money(invoiced_amount, minor_units)),
  -- Invoices add up to the order total: once every unit shipped, exactly the total was invoiced.
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_orders_fulfilled_fully_invoiced check (
    state not in ('fulfilled', 'completed') or invoiced_amount = total_amount);
comment on column orders.orders.minor_units is
  'The minor units of currency (copied, checked by fk_orders_currency_minor_units_currencies; filled by trigger): every amount of the order, its lines, invoices and returns has at most this many decimals.';
comment on column orders.orders.total_amount is
  'Sum of the lines'' line_total, in currency and its minor units (checked by trg_orders_after_write_check_total at commit).';
-- Serves fk_orders_currency_minor_units_currencies and fk_orders_currency_currencies (removing a
-- currency); replaces idx_orders_currency.
-- squawk-ignore require-concurrent-index-creation
create index idx_orders_currency_minor_units on orders.orders (currency, minor_units);
-- squawk-ignore require-concurrent-index-deletion
drop index orders.idx_orders_currency;

-- order_lines --------------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table orders.order_lines add column minor_units smallint;
update orders.order_lines l set minor_units = o.minor_units
from orders.orders o where o.tenant_id = l.tenant_id and o.order_id = l.order_id;
-- squawk-ignore adding-not-nullable-field
alter table orders.order_lines alter column minor_units set not null;
alter table orders.order_lines drop constraint chk_order_lines_line_total;
alter table orders.order_lines
  -- squawk-ignore changing-column-type
  alter column unit_price type numeric,
  -- squawk-ignore changing-column-type
  alter column line_total type numeric;
alter table orders.order_lines
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_order_lines_tenant_id_order_id_minor_units_orders foreign key (tenant_id, order_id, minor_units)
    references orders.orders (tenant_id, order_id, minor_units) on delete cascade,
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_order_lines_unit_price_money check (app.is_money(unit_price, 4)),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_order_lines_line_total_money check (app.is_money(line_total, minor_units)),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_order_lines_line_total check (line_total = app.round_money(quantity * unit_price, minor_units));
comment on column orders.order_lines.minor_units is
  'The order''s minor units (checked by fk_order_lines_tenant_id_order_id_minor_units_orders; filled by trigger).';
comment on column orders.order_lines.line_total is
  'quantity * unit_price rounded to the order currency''s minor units by app.round_money (half away from zero; checked).';
-- Serves fk_order_lines_tenant_id_order_id_minor_units_orders (the primary key serves the (tenant_id,
-- order_id) one).
-- squawk-ignore require-concurrent-index-creation
create index idx_order_lines_tenant_id_order_id_minor_units on orders.order_lines (tenant_id, order_id, minor_units);

-- quote_lines --------------------------------------------------------------------------------------
-- squawk-ignore changing-column-type
alter table orders.quote_lines alter column unit_price type numeric;
-- squawk-ignore constraint-missing-not-valid
alter table orders.quote_lines add constraint chk_quote_lines_unit_price_money check (app.is_money(unit_price, 4));

-- invoices -----------------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table orders.invoices add column minor_units smallint;
update orders.invoices i set minor_units = c.minor_units from catalog.currencies c where c.currency_code = i.currency;
-- squawk-ignore adding-not-nullable-field
alter table orders.invoices alter column minor_units set not null;
-- squawk-ignore changing-column-type
alter table orders.invoices alter column amount type numeric;
alter table orders.invoices
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_invoices_currency_minor_units_currencies foreign key (currency, minor_units)
    references catalog.currencies (currency_code, minor_units),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_invoices_amount_money check (app.is_money(amount, minor_units));
comment on column orders.invoices.minor_units is
  'The minor units of currency (copied, checked by fk_invoices_currency_minor_units_currencies; filled by trigger).';
comment on column orders.invoices.amount is
  'What this shipment adds to the invoiced lines, in currency and its minor units: per line, the rounded total of the units shipped so far minus that of the units shipped before (so the invoices of an order add up to its total).';
-- Serves fk_invoices_currency_minor_units_currencies and fk_invoices_currency_currencies; replaces
-- idx_invoices_currency.
-- squawk-ignore require-concurrent-index-creation
create index idx_invoices_currency_minor_units on orders.invoices (currency, minor_units);
-- squawk-ignore require-concurrent-index-deletion
drop index orders.idx_invoices_currency;

-- receivable_entries -------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table orders.receivable_entries add column minor_units smallint;
update orders.receivable_entries e set minor_units = c.minor_units
from catalog.currencies c where c.currency_code = e.currency;
-- squawk-ignore adding-not-nullable-field
alter table orders.receivable_entries alter column minor_units set not null;
-- squawk-ignore changing-column-type
alter table orders.receivable_entries alter column amount type numeric;
alter table orders.receivable_entries
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_receivable_entries_currency_minor_units_currencies foreign key (currency, minor_units)
    references catalog.currencies (currency_code, minor_units),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_receivable_entries_amount_money check (app.is_money(amount, minor_units)),
  -- A payment moves money: zero is no payment.
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_receivable_entries_payment_positive check (kind <> 'payment' or amount > 0);
comment on column orders.receivable_entries.minor_units is
  'The minor units of currency (copied, checked by fk_receivable_entries_currency_minor_units_currencies; filled by trigger).';
comment on column orders.receivable_entries.amount is
  'Positive amount in currency and its minor units; kind gives the direction.';
-- Serves fk_receivable_entries_currency_minor_units_currencies and fk_receivable_entries_currency_currencies;
-- replaces idx_receivable_entries_currency.
-- squawk-ignore require-concurrent-index-creation
create index idx_receivable_entries_currency_minor_units on orders.receivable_entries (currency, minor_units);
-- squawk-ignore require-concurrent-index-deletion
drop index orders.idx_receivable_entries_currency;

-- returns ------------------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table orders.returns add column minor_units smallint;
update orders.returns r set minor_units = o.minor_units
from orders.orders o where o.tenant_id = r.tenant_id and o.order_id = r.order_id;
-- squawk-ignore adding-not-nullable-field
alter table orders.returns alter column minor_units set not null;
-- squawk-ignore changing-column-type
alter table orders.returns alter column credit_amount type numeric;
alter table orders.returns
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_returns_tenant_id_order_id_minor_units_orders foreign key (tenant_id, order_id, minor_units)
    references orders.orders (tenant_id, order_id, minor_units),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_returns_credit_amount_money check (app.is_money(credit_amount, minor_units));
comment on column orders.returns.minor_units is
  'The order''s minor units (checked by fk_returns_tenant_id_order_id_minor_units_orders; filled by trigger).';
comment on column orders.returns.credit_amount is
  'The credit note amount, in the order''s currency and minor units: per line, the rounded value of the units returned so far minus that of the units returned before (set on receipt).';
-- Serves fk_returns_tenant_id_order_id_minor_units_orders, fk_returns_tenant_id_order_id_orders and
-- "returns of an order" (the returned-quantity check); replaces idx_returns_tenant_id_order_id.
-- squawk-ignore require-concurrent-index-creation
create index idx_returns_tenant_id_order_id_minor_units on orders.returns (tenant_id, order_id, minor_units);
-- squawk-ignore require-concurrent-index-deletion
drop index orders.idx_returns_tenant_id_order_id;

-- approval_rules -----------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table orders.approval_rules add column minor_units smallint;
update orders.approval_rules r set minor_units = c.minor_units
from catalog.currencies c where c.currency_code = r.currency;
-- squawk-ignore changing-column-type
alter table orders.approval_rules alter column min_total_amount type numeric;
alter table orders.approval_rules
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_approval_rules_currency_minor_units_currencies foreign key (currency, minor_units)
    references catalog.currencies (currency_code, minor_units),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_approval_rules_minor_units_with_currency check ((minor_units is null) = (currency is null)),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_approval_rules_min_total_amount_money check (app.is_money(min_total_amount, minor_units));
comment on column orders.approval_rules.minor_units is
  'The minor units of currency when the rule has an amount (copied, checked by fk_approval_rules_currency_minor_units_currencies; filled by trigger).';
comment on column orders.approval_rules.min_total_amount is
  'The rule matches orders with total_amount at or above this (in currency and its minor units); null: any total.';
-- Serves fk_approval_rules_currency_minor_units_currencies and fk_approval_rules_currency_currencies;
-- replaces idx_approval_rules_currency.
-- squawk-ignore require-concurrent-index-creation
create index idx_approval_rules_currency_minor_units on orders.approval_rules (currency, minor_units);
-- squawk-ignore require-concurrent-index-deletion
drop index orders.idx_approval_rules_currency;

-- Down Migration
-- The triggers that fill minor_units (repeatable) go first; the next migrate re-creates them.
drop trigger if exists trg_orders_after_insert_check_total on orders.orders;
drop trigger if exists trg_orders_after_write_check_total on orders.orders;
drop trigger if exists trg_order_lines_after_write_check_total on orders.order_lines;
drop trigger if exists trg_order_lines_before_write_editable on orders.order_lines;
drop trigger if exists trg_approval_rules_before_write_minor_units on orders.approval_rules;
drop trigger if exists trg_returns_before_insert_minor_units on orders.returns;
drop trigger if exists trg_receivable_entries_before_insert_minor_units on orders.receivable_entries;
drop trigger if exists trg_invoices_before_insert_minor_units on orders.invoices;
drop trigger if exists trg_order_lines_before_insert_minor_units on orders.order_lines;
drop trigger if exists trg_orders_before_write_minor_units on orders.orders;

create index idx_approval_rules_currency on orders.approval_rules (currency);
drop index orders.idx_approval_rules_currency_minor_units;
alter table orders.approval_rules
  drop constraint chk_approval_rules_min_total_amount_money,
  drop constraint chk_approval_rules_minor_units_with_currency,
  drop constraint fk_approval_rules_currency_minor_units_currencies,
  drop column minor_units;
alter table orders.approval_rules alter column min_total_amount type numeric(19, 4);
comment on column orders.approval_rules.min_total_amount is 'The rule matches orders with total_amount at or above this (in currency); null: any total.';

create index idx_returns_tenant_id_order_id on orders.returns (tenant_id, order_id);
drop index orders.idx_returns_tenant_id_order_id_minor_units;
alter table orders.returns
  drop constraint chk_returns_credit_amount_money,
  drop constraint fk_returns_tenant_id_order_id_minor_units_orders,
  drop column minor_units;
alter table orders.returns alter column credit_amount type numeric(19, 4);
comment on column orders.returns.credit_amount is 'The credit note amount: returned units at their order unit price (set on receipt).';

create index idx_receivable_entries_currency on orders.receivable_entries (currency);
drop index orders.idx_receivable_entries_currency_minor_units;
alter table orders.receivable_entries
  drop constraint chk_receivable_entries_payment_positive,
  drop constraint chk_receivable_entries_amount_money,
  drop constraint fk_receivable_entries_currency_minor_units_currencies,
  drop column minor_units;
alter table orders.receivable_entries alter column amount type numeric(19, 4);
comment on column orders.receivable_entries.amount is 'Positive amount in currency; kind gives the direction.';

create index idx_invoices_currency on orders.invoices (currency);
drop index orders.idx_invoices_currency_minor_units;
alter table orders.invoices
  drop constraint chk_invoices_amount_money,
  drop constraint fk_invoices_currency_minor_units_currencies,
  drop column minor_units;
alter table orders.invoices alter column amount type numeric(19, 4);
comment on column orders.invoices.amount is 'Shipped units times their order unit price, in currency.';

alter table orders.quote_lines drop constraint chk_quote_lines_unit_price_money;
alter table orders.quote_lines alter column unit_price type numeric(19, 4);

drop index orders.idx_order_lines_tenant_id_order_id_minor_units;
alter table orders.order_lines
  drop constraint chk_order_lines_line_total,
  drop constraint chk_order_lines_line_total_money,
  drop constraint chk_order_lines_unit_price_money,
  drop constraint fk_order_lines_tenant_id_order_id_minor_units_orders,
  drop column minor_units;
alter table orders.order_lines
  alter column unit_price type numeric(19, 4),
  alter column line_total type numeric(19, 4);
alter table orders.order_lines add constraint chk_order_lines_line_total check (line_total = quantity * unit_price);
comment on column orders.order_lines.line_total is 'quantity * unit_price (checked).';

create index idx_orders_currency on orders.orders (currency);
drop index orders.idx_orders_currency_minor_units;
alter table orders.orders
  drop constraint chk_orders_fulfilled_fully_invoiced,
  drop constraint chk_orders_invoiced_amount_money,
  drop constraint chk_orders_total_amount_money,
  drop constraint uq_orders_tenant_id_order_id_minor_units,
  drop constraint fk_orders_currency_minor_units_currencies,
  drop column minor_units;
alter table orders.orders
  alter column total_amount type numeric(19, 4),
  alter column invoiced_amount type numeric(19, 4);
comment on column orders.orders.total_amount is 'Sum of the lines'' line_total, in currency (checked by trg_orders_after_write_check_total at commit).';
