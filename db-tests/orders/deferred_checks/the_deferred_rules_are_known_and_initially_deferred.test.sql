-- The deferred rules, pinned: a deferred check fails at commit, which on Citus reaches the client as a
-- generic internal error, so each rule must also be checked before commit by the functions that can
-- break it (orders.run_deferred_checks, tested per rule in this folder). A new deferred constraint or
-- constraint trigger fails this test until it is added here with such a test. And every deferrable one
-- is initially deferred: run_deferred_checks sets them all back to deferred after running them, which
-- would change the mode of one that starts immediate.
begin;
select plan(2);

select set_eq($$
  select format('%s.%s: %s', t.tgrelid::regclass, t.tgname, p.oid::regproc)
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join tests.linted_schemas s on s.oid = c.relnamespace
  join pg_proc p on p.oid = t.tgfoid
  where t.tgdeferrable and not t.tgisinternal
  union all
  select format('%s.%s', c.conrelid::regclass, c.conname)
  from pg_constraint c join tests.linted_schemas s on s.oid = c.connamespace
  where c.condeferrable and c.contype <> 't'
$$, array[
  'orders.orders.trg_orders_after_insert_check_total: orders.check_order_total',
  'orders.orders.trg_orders_after_write_check_total: orders.check_order_total',
  'orders.order_lines.trg_order_lines_after_write_check_total: orders.check_order_total',
  'orders.orders.trg_orders_after_update_state_check_stock_released: orders.check_order_stock_released',
  -- Not a rule a function can break: a company's new minor units reach its buyers in the same statement
  -- (accounts.follow_company_minor_units, an after-update trigger), deferred only because the company row
  -- changes first (it replaces an ON UPDATE CASCADE, which Citus refuses). Tested in
  -- db-tests/accounts/money/buyers_follow_their_company_minor_units_without_a_cascade.test.sql.
  'accounts.buyers.fk_buyers_tenant_id_company_id_minor_units_companies'
], 'the deferred rules are the order total (B3003), the stock released on cancel or reject (B3016), each tested in db-tests/orders/deferred_checks, and the buyers'' minor units key');

select is_empty($$
  select format('%s.%s', c.conrelid::regclass, c.conname)
  from pg_constraint c join tests.linted_schemas s on s.oid = c.connamespace
  where c.condeferrable and not c.condeferred
$$, 'every deferrable constraint is initially deferred (orders.run_deferred_checks sets them all back to deferred)');

select * from finish();
rollback;
