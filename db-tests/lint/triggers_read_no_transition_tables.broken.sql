-- A statement trigger that reads its statement's new rows from a transition table.
-- expect: trigger trg_rogue_count_new_products on catalog.products reads transition tables (new table rogue_new_rows)
create function catalog.rogue_count_new_products() returns trigger
language plpgsql
as $$
begin
  perform count(*) from rogue_new_rows;
  return null;
end
$$;
comment on function catalog.rogue_count_new_products() is 'added by a test';
create trigger trg_rogue_count_new_products
  after insert on catalog.products
  referencing new table as rogue_new_rows
  for each statement execute function catalog.rogue_count_new_products();
