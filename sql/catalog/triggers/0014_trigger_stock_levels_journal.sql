-- Every change of stock is journaled in catalog.stock_movements, whoever writes it: one row per level that
-- changed, written by a row trigger. Not a statement trigger reading transition tables (one set-based
-- insert per statement, as before issue 10): Citus runs triggers on the shards, where transition tables
-- cannot be read. The WHEN clauses skip the function for rows that change nothing (no movement to write).
create or replace trigger trg_stock_levels_after_insert
  after insert on catalog.stock_levels
  for each row
  when (new.on_hand <> 0 or new.reserved <> 0)
  execute function catalog.journal_stock_inserts();

create or replace trigger trg_stock_levels_after_update
  after update on catalog.stock_levels
  for each row
  when (new.on_hand <> old.on_hand or new.reserved <> old.reserved)
  execute function catalog.journal_stock_updates();
