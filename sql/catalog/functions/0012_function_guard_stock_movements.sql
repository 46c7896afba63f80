-- Trigger function (before insert, update or delete on catalog.stock_movements, for each statement):
-- the journal is appended only by the triggers on catalog.stock_levels (so it always matches what
-- changed) and never rewritten. A journal insert from those triggers runs at trigger depth 2; a direct
-- insert, from any role, at depth 1.
create or replace function catalog.guard_stock_movements() returns trigger
language plpgsql
as $$
begin
  if tg_op = 'INSERT' then
    if pg_catalog.pg_trigger_depth() > 1 then
      return null;
    end if;
    raise exception using
      errcode = 'B2213',
      message = 'catalog.stock_movements is written only by changes of catalog.stock_levels: sync or adjust the stock instead',
      table = tg_table_name,
      schema = tg_table_schema;
  end if;
  raise exception using
    errcode = 'B2214',
    message = format('%s.%s is append-only: %s is not allowed, adjust the stock instead', tg_table_schema, tg_table_name, lower(tg_op)),
    table = tg_table_name,
    schema = tg_table_schema;
end
$$;
comment on function catalog.guard_stock_movements() is
  'Trigger function on catalog.stock_movements (before, per statement): refuses a direct insert (SQLSTATE B2213; the journal triggers of catalog.stock_levels insert at trigger depth 2) and any update or delete (B2214, append-only).';
