-- Privileges on schema orders, in one place. Revoke first so a removed grant is really gone.
-- Update grants name their columns (none names tenant_id: the order functions insert the tenant they were
-- given, a value Citus routes on, and row-level security's with check refuses any other), version, state history and
-- timestamps from triggers. Insert grants are on whole tables (Citus sends every column of an insert to the
-- shards, defaults included, so a column-level INSERT grant refuses every insert there): the columns the app
-- may not set on insert are guarded by trg_<table>_before_insert_columns (triggers/0090_trigger_insert_guards.sql).
-- The order functions run as the caller (security invoker), so row-level security applies to everything they
-- do; what the app may write directly is what they write, and the triggers (state machine, frozen lines,
-- totals, append-only history) hold for both.
revoke all on schema orders from public;
revoke all on all tables in schema orders from public, b2b_app, b2b_readonly, b2b_analytics;
revoke all on all functions in schema orders from public, b2b_app, b2b_readonly, b2b_analytics;

grant usage on schema orders to b2b_app, b2b_readonly;

-- The state machine: reference data, written only by migrations.
grant select on orders.order_states, orders.order_transitions, orders.quote_states, orders.quote_transitions,
  orders.return_states, orders.return_transitions
  to b2b_app, b2b_readonly;

grant select on orders.orders, orders.order_lines, orders.order_state_history, orders.order_allocations
  to b2b_app, b2b_readonly;

grant insert on orders.orders to b2b_app;
grant update (state, purchase_order_number, billing_address, shipping_address, total_amount, submitted_at,
  invoiced_amount, quote_id) on orders.orders to b2b_app;

grant insert on orders.order_lines to b2b_app;
grant update (unit_price, line_total, price_list_id, fulfilled_quantity) on orders.order_lines to b2b_app;
grant delete on orders.order_lines to b2b_app;

-- Appended by trigger as the caller; never updated or deleted.
grant insert on orders.order_state_history to b2b_app;

-- Allocations say what release_stock gives back and consume_stock ships, so b2b_app never writes them:
-- only the security definer stock writers (owned by b2b_owner) do, with the stock they reserve.

-- Approval rules are the tenant's configuration for its companies; the steps and decisions are written
-- by submit (steps) and approve_order / reject_order (decisions), never changed afterwards.
grant select on orders.approval_rules, orders.approval_rule_tiers, orders.order_approval_steps,
  orders.order_approvals to b2b_app, b2b_readonly;
grant insert on orders.approval_rules to b2b_app;
grant update (name, min_total_amount, currency, placed_by_role_id, is_active) on orders.approval_rules to b2b_app;
grant delete on orders.approval_rules to b2b_app;
grant insert on orders.approval_rule_tiers to b2b_app;
grant delete on orders.approval_rule_tiers to b2b_app;
grant insert on orders.order_approval_steps to b2b_app;
grant insert on orders.order_approvals to b2b_app;

-- Invoices and the receivables ledger: appended by the order functions, never updated or deleted.
grant select on orders.invoices, orders.receivable_entries to b2b_app, b2b_readonly;
grant insert on orders.invoices to b2b_app;
grant insert on orders.receivable_entries to b2b_app;

-- Credit exposures: derived by the credit exposure trigger (orders.apply_credit_exposure), which writes as
-- the caller; read by check_credit_limit. trg_credit_exposures_guard refuses b2b_app's own writes (B5041).
grant select on orders.credit_exposures to b2b_app, b2b_readonly;
grant insert on orders.credit_exposures to b2b_app;
grant update (debit_total, credit_total, open_order_amount) on orders.credit_exposures to b2b_app;
-- the reference the stored rows are checked against (security invoker: as the caller)
grant select on orders.credit_exposure_sources to b2b_app, b2b_readonly;

-- Quotes: requested by buyers, priced by the seller, decided by buyers, through the quote functions.
grant select on orders.quotes, orders.quote_lines to b2b_app, b2b_readonly;
grant insert on orders.quotes to b2b_app;
grant update (state, valid_until, quoted_at, quoted_by, decided_at) on orders.quotes to b2b_app;
grant insert on orders.quote_lines to b2b_app;
grant update (unit_price) on orders.quote_lines to b2b_app;

-- Returns: requested by buyers, received (restocked and credited) or cancelled through the functions.
grant select on orders.returns, orders.return_lines to b2b_app, b2b_readonly;
grant insert on orders.returns to b2b_app;
grant update (state, warehouse_id, credit_amount, received_at) on orders.returns to b2b_app;
grant insert on orders.return_lines to b2b_app;

-- Operations (and the steps they are made of: they run as the caller). Every one that reads a tenant table
-- takes the tenant first (p_tenant_id: the distribution argument on Citus).
grant execute on function
  orders.lock_order(uuid, uuid),
  orders.address_snapshot(uuid, uuid, uuid, text),
  orders.parse_order_lines(jsonb),
  orders.write_order_lines(uuid, uuid, uuid, text, jsonb),
  orders.set_order_lines(uuid, uuid, uuid, text, jsonb),
  orders.reprice_order_lines(uuid, uuid),
  orders.reserve_stock(uuid, uuid),
  orders.release_stock(uuid, uuid),
  orders.consume_stock(uuid, uuid, jsonb),
  orders.lock_allocated_stock(uuid, uuid),
  orders.run_deferred_checks(),
  orders.check_buyer_may_order(uuid, uuid, uuid),
  orders.request_fingerprint(text, uuid, uuid, text, jsonb, text, uuid, uuid),
  orders.start_order(uuid, uuid, uuid, text, text, text, uuid, uuid, text, jsonb),
  orders.create_draft(uuid, uuid, uuid, text, jsonb, text, text, uuid, uuid),
  orders.update_draft(uuid, uuid, integer, jsonb, text, uuid, uuid),
  orders.apply_approval_rules(uuid, uuid),
  orders.check_spending_limit(uuid, orders.orders),
  orders.check_approver(uuid, orders.orders, uuid),
  orders.approve_order(uuid, uuid, uuid, text),
  orders.reject_order(uuid, uuid, uuid, text),
  orders.create_approval_rule(uuid, uuid, text, numeric, text, uuid, jsonb),
  orders.open_balance(uuid, uuid),
  orders.check_credit_limit(uuid, orders.orders),
  orders.lock_credit_exposure(uuid, uuid),
  orders.issue_invoice(uuid, orders.orders, jsonb),
  orders.record_payment(uuid, uuid, numeric, text, text, uuid),
  orders.lock_quote(uuid, uuid),
  orders.request_quote(uuid, uuid, uuid, text, jsonb, text),
  orders.stage_quote(uuid, uuid, jsonb, timestamptz),
  orders.accept_quote(uuid, uuid, uuid, text, uuid, uuid),
  orders.decline_quote(uuid, uuid, uuid),
  orders.expire_quotes(uuid),
  orders.withdraw_quote(uuid, uuid),
  orders.lock_return(uuid, uuid),
  orders.request_return(uuid, uuid, uuid, jsonb, text),
  orders.receive_return(uuid, uuid, uuid),
  orders.cancel_return(uuid, uuid),
  orders.submit(uuid, orders.orders, boolean),
  orders.submit_order(uuid, uuid, integer),
  orders.place_order(uuid, uuid, uuid, text, jsonb, text, text, uuid, uuid),
  orders.cancel_order(uuid, uuid),
  orders.fulfil_order(uuid, uuid, jsonb),
  orders.complete_order(uuid, uuid)
  to b2b_app;
grant execute on function orders.open_balance(uuid, uuid) to b2b_readonly;

-- Stock reconciliation (levels against the journal and the open orders' allocations): a read.
grant execute on function orders.reconcile_stock(uuid) to b2b_app, b2b_readonly;
