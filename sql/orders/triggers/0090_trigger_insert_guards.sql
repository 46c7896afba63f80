-- What the application may not set when it inserts into the orders tables (it was the columns left out of the
-- column-level INSERT grants, which Citus cannot honour: it sends every column to the shards). The grants
-- file grants INSERT on the whole table; app.guard_inserted_columns refuses (B1060) a value other than the
-- column's constant default and overwrites the database-drawn ones (times, ids, the acting user). Each guard
-- is its table's first BEFORE INSERT trigger (its name sorts first), so the triggers that fill a column
-- (minor_units, path) run after it. tenant_id is not listed: the INSERT policy checks it.

create or replace trigger trg_approval_rules_before_insert_columns
  before insert on orders.approval_rules
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now', 'minor_units:null');

create or replace trigger trg_invoices_before_insert_columns
  before insert on orders.invoices
  for each row execute function app.guard_inserted_columns('invoice_id:uuid', 'minor_units:null');

create or replace trigger trg_order_approvals_before_insert_columns
  before insert on orders.order_approvals
  for each row execute function app.guard_inserted_columns('decided_at:now');

create or replace trigger trg_order_lines_before_insert_columns
  before insert on orders.order_lines
  for each row execute function app.guard_inserted_columns('fulfilled_quantity:0', 'created_at:now', 'updated_at:now');

create or replace trigger trg_order_state_history_before_insert_columns
  before insert on orders.order_state_history
  for each row execute function app.guard_inserted_columns('transition_id:uuid', 'changed_at:now');

create or replace trigger trg_orders_before_insert_columns
  before insert on orders.orders
  for each row execute function app.guard_inserted_columns('state:"draft"', 'version:1', 'total_amount:0', 'submitted_at:null', 'created_at:now', 'updated_at:now', 'invoiced_amount:0', 'quote_id:null', 'minor_units:null');

create or replace trigger trg_quote_lines_before_insert_columns
  before insert on orders.quote_lines
  for each row execute function app.guard_inserted_columns('unit_price:null');

create or replace trigger trg_quotes_before_insert_columns
  before insert on orders.quotes
  for each row execute function app.guard_inserted_columns('state:"requested"', 'valid_until:null', 'quoted_at:null', 'quoted_by:null', 'decided_at:null', 'created_at:now', 'updated_at:now');

create or replace trigger trg_receivable_entries_before_insert_columns
  before insert on orders.receivable_entries
  for each row execute function app.guard_inserted_columns('entry_id:uuid', 'recorded_by:user', 'recorded_at:clock', 'minor_units:null');

create or replace trigger trg_returns_before_insert_columns
  before insert on orders.returns
  for each row execute function app.guard_inserted_columns('state:"requested"', 'warehouse_id:null', 'credit_amount:null', 'requested_at:now', 'received_at:null', 'minor_units:null');
