-- Invoices and the receivables ledger are append-only: corrections are new entries (credit notes).
create or replace trigger trg_invoices_before_update_or_delete
  before update or delete on orders.invoices
  for each row execute function orders.refuse_change();

create or replace trigger trg_receivable_entries_before_update_or_delete
  before update or delete on orders.receivable_entries
  for each row execute function orders.refuse_change();
