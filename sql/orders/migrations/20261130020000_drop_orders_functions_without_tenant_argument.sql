-- Up Migration
-- Every orders function that reads a tenant table takes the tenant first (p_tenant_id uuid), so that on
-- Citus it is a distributed function routed to the node holding the tenant, and its queries filter on a
-- value Citus can route (issue 10, kind 2). A repeatable file only creates: the functions of the old
-- signatures, left in databases migrated before, are dropped here (the repeatable files create the new
-- ones). Nothing calls them any more.
drop function if exists orders.lock_order(uuid);
drop function if exists orders.address_snapshot(uuid, uuid, text);
drop function if exists orders.set_order_lines(uuid, uuid, text, jsonb);
drop function if exists orders.reprice_order_lines(uuid);
drop function if exists orders.lock_allocated_stock(uuid);
drop function if exists orders.reserve_stock(uuid);
drop function if exists orders.release_stock(uuid);
drop function if exists orders.consume_stock(uuid, jsonb);
drop function if exists orders.check_buyer_may_order(uuid, uuid);
drop function if exists orders.start_order(uuid, uuid, text, text, text, uuid, uuid, text, jsonb);
drop function if exists orders.create_draft(uuid, uuid, text, jsonb, text, text, uuid, uuid);
drop function if exists orders.update_draft(uuid, integer, jsonb, text, uuid, uuid);
drop function if exists orders.submit(orders.orders, boolean);
drop function if exists orders.submit_order(uuid, integer);
drop function if exists orders.place_order(uuid, uuid, text, jsonb, text, text, uuid, uuid);
drop function if exists orders.cancel_order(uuid);
drop function if exists orders.fulfil_order(uuid, jsonb);
drop function if exists orders.complete_order(uuid);
drop function if exists orders.apply_approval_rules(uuid);
drop function if exists orders.check_spending_limit(orders.orders);
drop function if exists orders.check_approver(orders.orders, uuid);
drop function if exists orders.approve_order(uuid, uuid, text);
drop function if exists orders.reject_order(uuid, uuid, text);
drop function if exists orders.open_balance(uuid);
drop function if exists orders.check_credit_limit(orders.orders);
drop function if exists orders.issue_invoice(orders.orders, jsonb);
drop function if exists orders.record_payment(uuid, numeric, text, text, uuid);
drop function if exists orders.lock_quote(uuid);
drop function if exists orders.request_quote(uuid, uuid, text, jsonb, text);
drop function if exists orders.stage_quote(uuid, jsonb, timestamptz);
drop function if exists orders.accept_quote(uuid, uuid, text, uuid, uuid);
drop function if exists orders.decline_quote(uuid, uuid);
drop function if exists orders.expire_quotes();
drop function if exists orders.withdraw_quote(uuid);
drop function if exists orders.lock_return(uuid);
drop function if exists orders.request_return(uuid, uuid, jsonb, text);
drop function if exists orders.receive_return(uuid, uuid);
drop function if exists orders.cancel_return(uuid);
drop function if exists orders.reconcile_stock();
-- The old signatures of the accounts and catalog functions the order functions called, kept as wrappers
-- until now (sql/accounts/functions/009*_pending_orders.sql, sql/catalog/functions/0090_*): the order
-- functions pass the tenant to the new ones.
drop function if exists accounts.acting_buyer(uuid, uuid);
drop function if exists accounts.buyer_has_permission(uuid, text);
drop function if exists catalog.resolve_price(uuid, uuid, integer, text, timestamptz);

-- Down Migration
-- Nothing to restore: the old functions came from repeatable files that no longer exist in that form, and
-- the repeatables are applied again after a rollback. But the down steps of the older migrations drop the
-- functions that take or return their tables' row types by their old signatures, so the functions with the
-- tenant argument go here first, or those tables could not be dropped.
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('orders', 'catalog', 'accounts', 'tenancy') and p.proargnames[1] = 'p_tenant_id'
  loop
    execute format('drop function %s', f);
  end loop;
end
$$;
