-- Trigger function (before insert, update or delete, for each statement) of a derived table: a read model
-- or a running total that triggers keep from other tables, as the caller (catalog.product_pages,
-- orders.credit_exposures). The application role holds the write grants those triggers need and no other
-- way to use them: it cannot create a trigger of its own (no create or temporary privilege anywhere), so a
-- write at trigger depth 2 comes from one of ours (or from a foreign key's cascade), while a statement it
-- sends is at depth 1 here. The superuser and the table's owner (a bulk build, a repair) pass too.
-- tg_argv: the SQLSTATE to raise, what keeps the table, and what to write instead.
create or replace function app.guard_derived_writes() returns trigger
language plpgsql
as $$
begin
  if pg_catalog.pg_trigger_depth() > 1
    or pg_catalog.pg_has_role(current_user, (select c.relowner from pg_catalog.pg_class c where c.oid = tg_relid), 'usage') then
    return null;
  end if;
  raise exception using
    errcode = tg_argv[0],
    message = format('%s.%s is %s: %s it through %s instead', tg_table_schema, tg_table_name, tg_argv[1],
      lower(tg_op), tg_argv[2]),
    table = tg_table_name,
    schema = tg_table_schema;
end
$$;
comment on function app.guard_derived_writes() is
  'Trigger function of a derived table (before insert, update or delete, per statement; tg_argv: SQLSTATE, what keeps the table, what to write instead): refuses a write that does not come from a trigger (trigger depth 2) or from the superuser or the table''s owner, with that SQLSTATE (B5040 catalog.product_pages, B5041 orders.credit_exposures).';
