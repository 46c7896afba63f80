-- Every change of stock is journaled in catalog.stock_movements, whoever writes it: once per statement
-- (one set-based insert from the transition table, not one per row), so an order of five lines costs
-- one insert. Separate triggers, since a trigger with transition tables names one event.
create or replace trigger trg_stock_levels_after_insert
  after insert on catalog.stock_levels
  referencing new table as inserted
  for each statement execute function catalog.journal_stock_inserts();

create or replace trigger trg_stock_levels_after_update
  after update on catalog.stock_levels
  referencing old table as old_rows new table as new_rows
  for each statement execute function catalog.journal_stock_updates();
