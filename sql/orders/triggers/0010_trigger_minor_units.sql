-- Every row with a booked amount carries its currency's minor units (see catalog.set_minor_units and
-- orders.set_minor_units_from_order); the composite foreign keys check the copies.
create or replace trigger trg_orders_before_write_minor_units
  before insert or update of currency, minor_units on orders.orders
  for each row execute function catalog.set_minor_units();

create or replace trigger trg_invoices_before_insert_minor_units
  before insert on orders.invoices
  for each row execute function catalog.set_minor_units();

create or replace trigger trg_receivable_entries_before_insert_minor_units
  before insert on orders.receivable_entries
  for each row execute function catalog.set_minor_units();

create or replace trigger trg_approval_rules_before_write_minor_units
  before insert or update of currency, minor_units on orders.approval_rules
  for each row execute function catalog.set_minor_units();

create or replace trigger trg_order_lines_before_insert_minor_units
  before insert on orders.order_lines
  for each row execute function orders.set_minor_units_from_order();

create or replace trigger trg_returns_before_insert_minor_units
  before insert on orders.returns
  for each row execute function orders.set_minor_units_from_order();
