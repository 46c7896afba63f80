-- orders.credit_exposures follows the orders and the ledger (functions/0054_function_apply_credit_exposure.sql).
-- An order's open amount changes only with its state, total, invoiced amount or company; a draft's total
-- changes often and counts only once submitted, so the update trigger's WHEN lets those writes pass.
create or replace trigger trg_orders_after_insert_or_delete_credit_exposure
  after insert or delete on orders.orders
  for each row execute function orders.apply_credit_exposure('order');

create or replace trigger trg_orders_after_update_credit_exposure
  after update of state, total_amount, invoiced_amount, company_id on orders.orders
  for each row
  when (old.state is distinct from new.state
    or (new.state <> 'draft' and (old.total_amount, old.invoiced_amount, old.company_id)
      is distinct from (new.total_amount, new.invoiced_amount, new.company_id)))
  execute function orders.apply_credit_exposure('order');

-- the ledger is append-only (trg_receivable_entries_before_update_or_delete)
create or replace trigger trg_receivable_entries_after_insert_credit_exposure
  after insert on orders.receivable_entries
  for each row execute function orders.apply_credit_exposure('ledger');

-- Only that trigger (and the superuser or owner) writes the exposure: B5041 for anything else.
create or replace trigger trg_credit_exposures_guard
  before insert or update or delete on orders.credit_exposures
  for each statement execute function app.guard_derived_writes('B5041',
    'kept by the triggers on orders and the receivables ledger', 'the orders and the ledger');
