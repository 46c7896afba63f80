-- Trigger function: append-only tables (state history, receivables ledger) refuse updates and deletes,
-- even from a role that was granted them by mistake. Corrections are new rows.
create or replace function orders.refuse_change() returns trigger
language plpgsql
as $$
begin
  raise exception using
    errcode = 'B3012',
    message = format('%s.%s is append-only: %s is not allowed, add a correcting row instead',
      tg_table_schema, tg_table_name, lower(tg_op)),
    table = tg_table_name,
    schema = tg_table_schema;
end
$$;
comment on function orders.refuse_change() is
  'Trigger function for append-only tables: refuses update and delete (SQLSTATE B3012).';
