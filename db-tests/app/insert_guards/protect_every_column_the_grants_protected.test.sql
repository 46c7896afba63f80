-- Every column that the column-level INSERT grants kept from the application (they fail on Citus, which
-- sends every column to the shards) is still protected by its table's guard (app.guard_inserted_columns):
-- as b2b_app, an insert naming the column with a forged value is refused (B1060) or stored with the
-- database's value instead (the stock journal refuses any direct insert before that: B2213). The list is
-- the grants' as they were (tenant_id aside: the INSERT policy checks it; generated columns aside:
-- PostgreSQL refuses a value for them). A capture trigger that fires right after the guard (its name sorts
-- next) reports what would be stored and stops the row, so the test needs no valid row of each table. The
-- owner is not guarded (seeds, migrations and its SECURITY DEFINER functions).
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset

-- what the guard left in the row: the forged value kept, or replaced
create function tests.capture_guarded_column() returns trigger language plpgsql as $$
declare
  stored jsonb := to_jsonb(new) -> tg_argv[0];
  forged jsonb := to_jsonb(jsonb_populate_record(new, jsonb_build_object(tg_argv[0], tg_argv[1]))) -> tg_argv[0];
begin
  raise exception using errcode = 'P0001', message = case when stored = forged then 'kept' else 'overwritten' end;
end
$$;

create temporary table protected_columns (table_name regclass, column_name text, forged text, expected text)
  on commit drop;
insert into protected_columns values
  ('accounts.addresses', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.addresses', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.buyer_roles', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.buyer_roles', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.buyers', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.buyers', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.buyers', 'minor_units', '7', 'refused'),
  ('accounts.companies', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.companies', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.companies', 'minor_units', '7', 'refused'),
  ('accounts.company_customer_groups', 'added_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.customer_groups', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('accounts.customer_groups', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.attribute_definitions', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.attribute_definitions', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.categories', 'path', 'forged', 'refused'),
  ('catalog.categories', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.categories', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.category_translations', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.category_translations', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.price_lists', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.price_lists', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.prices', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.prices', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.product_categories', 'added_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.product_translations', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.product_translations', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.products', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.products', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.stock_levels', 'reserved', '7', 'refused'),
  ('catalog.stock_levels', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  -- the journal refuses every direct insert first (statement trigger, B2213), the owner's too
  ('catalog.stock_movements', 'movement_id', '00000000-0000-4000-8000-00000000f00d', 'refused (B2213)'),
  ('catalog.stock_movements', 'moved_by', '00000000-0000-4000-8000-00000000f00d', 'refused (B2213)'),
  ('catalog.stock_movements', 'moved_at', '2001-02-03 04:05:06+00', 'refused (B2213)'),
  ('catalog.variants', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.variants', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.warehouses', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('catalog.warehouses', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.approval_rules', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.approval_rules', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.approval_rules', 'minor_units', '7', 'refused'),
  ('orders.invoices', 'invoice_id', '00000000-0000-4000-8000-00000000f00d', 'overwritten'),
  ('orders.invoices', 'minor_units', '7', 'refused'),
  ('orders.order_approvals', 'decided_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.order_lines', 'fulfilled_quantity', '7', 'refused'),
  ('orders.order_lines', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.order_lines', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.order_state_history', 'transition_id', '00000000-0000-4000-8000-00000000f00d', 'overwritten'),
  ('orders.order_state_history', 'changed_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.orders', 'state', 'submitted', 'refused'),
  ('orders.orders', 'version', '7', 'refused'),
  ('orders.orders', 'total_amount', '7', 'refused'),
  ('orders.orders', 'submitted_at', '2001-02-03 04:05:06+00', 'refused'),
  ('orders.orders', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.orders', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.orders', 'invoiced_amount', '7', 'refused'),
  ('orders.orders', 'quote_id', '00000000-0000-4000-8000-00000000f00d', 'refused'),
  ('orders.orders', 'minor_units', '7', 'refused'),
  ('orders.quote_lines', 'unit_price', '7', 'refused'),
  ('orders.quotes', 'state', 'quoted', 'refused'),
  ('orders.quotes', 'valid_until', '2001-02-03 04:05:06+00', 'refused'),
  ('orders.quotes', 'quoted_at', '2001-02-03 04:05:06+00', 'refused'),
  ('orders.quotes', 'quoted_by', '00000000-0000-4000-8000-00000000f00d', 'refused'),
  ('orders.quotes', 'decided_at', '2001-02-03 04:05:06+00', 'refused'),
  ('orders.quotes', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.quotes', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.receivable_entries', 'entry_id', '00000000-0000-4000-8000-00000000f00d', 'overwritten'),
  ('orders.receivable_entries', 'recorded_by', '00000000-0000-4000-8000-00000000f00d', 'overwritten'),
  ('orders.receivable_entries', 'recorded_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.receivable_entries', 'minor_units', '7', 'refused'),
  ('orders.returns', 'state', 'received', 'refused'),
  ('orders.returns', 'warehouse_id', '00000000-0000-4000-8000-00000000f00d', 'refused'),
  ('orders.returns', 'credit_amount', '7', 'refused'),
  ('orders.returns', 'requested_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('orders.returns', 'received_at', '2001-02-03 04:05:06+00', 'refused'),
  ('orders.returns', 'minor_units', '7', 'refused'),
  ('tenancy.memberships', 'granted_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('tenancy.staff_users', 'created_at', '2001-02-03 04:05:06+00', 'overwritten'),
  ('tenancy.staff_users', 'updated_at', '2001-02-03 04:05:06+00', 'overwritten');
grant select on protected_columns to b2b_app, b2b_owner;

-- one capture trigger per column, each enabled only while its own column is tried
create function pg_temp.outcome(p_table regclass, p_column text, p_forged text) returns text
language plpgsql as $$
begin
  execute format('insert into %s (%I) values (%L)', p_table, p_column, p_forged);
  return 'inserted (no capture)';
exception
  when sqlstate 'B1060' then return 'refused';
  when sqlstate 'B2213' then return 'refused (B2213)';
  when sqlstate 'P0001' then return sqlerrm;
  when others then return format('failed with %s: %s', sqlstate, sqlerrm);
end
$$;

create temporary table outcomes (table_name regclass, column_name text, expected text, app text, owner text)
  on commit drop;
grant insert, update, select on outcomes to b2b_app, b2b_owner;
select set_config('tests.alpha', :'alpha', true);

do $$
declare
  p record;
begin
  for p in select * from protected_columns loop
    execute format('create trigger %I before insert on %s for each row execute function tests.capture_guarded_column(%L, %L)',
      format('trg_%s_before_insert_columns_capture', (select relname from pg_class where oid = p.table_name)),
      p.table_name, p.column_name, p.forged);
    perform set_config('app.tenant_id', current_setting('tests.alpha'), true);
    execute 'set local role b2b_app';
    insert into outcomes values (p.table_name, p.column_name, p.expected, pg_temp.outcome(p.table_name, p.column_name, p.forged));
    execute 'set local role b2b_owner';
    update outcomes o set owner = pg_temp.outcome(p.table_name, p.column_name, p.forged)
    where o.table_name = p.table_name and o.column_name = p.column_name;
    execute 'reset role';
    execute format('drop trigger %I on %s',
      format('trg_%s_before_insert_columns_capture', (select relname from pg_class where oid = p.table_name)), p.table_name);
  end loop;
end
$$;

select is((select count(*)::int from outcomes), 79, 'every column the INSERT grants protected was tried');

select is_empty($$
  select format('%s.%s: expected %s, got %s', table_name, column_name, expected, app)
  from outcomes where app is distinct from expected
$$, 'as b2b_app, each forged value is refused (B1060: constants and nulls) or overwritten (times, ids, the acting user)');

select is_empty($$
  select format('%s.%s: %s', table_name, column_name, owner) from outcomes
  where owner is distinct from case when expected = 'refused (B2213)' then expected else 'kept' end
$$, 'the owner (seeds, migrations, SECURITY DEFINER functions) still sets them');

select set_config('app.tenant_id', :'alpha', true);
set local role b2b_app;
with p as (insert into catalog.products (created_at) values ('2001-02-03 04:05:06+00') returning created_at)
select is(p.created_at, now(), 'an insert as b2b_app stores the database''s created_at, not the forged one') from p;

select * from finish();
rollback;
