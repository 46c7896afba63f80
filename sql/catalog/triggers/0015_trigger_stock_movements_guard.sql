-- The stock journal is appended by the stock_levels triggers only, and never rewritten.
create or replace trigger trg_stock_movements_before_insert
  before insert on catalog.stock_movements
  for each statement execute function catalog.guard_stock_movements();

create or replace trigger trg_stock_movements_before_update_or_delete
  before update or delete on catalog.stock_movements
  for each statement execute function catalog.guard_stock_movements();
