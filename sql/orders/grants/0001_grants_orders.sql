-- Privileges on schema orders, in one place. Revoke first so a removed grant is really gone.
-- Insert and update grants name their columns: tenant_id comes from the tenant context, version, state
-- history and timestamps from triggers. The order functions run as the caller (security invoker), so
-- row-level security applies to everything they do; what the app may write directly is what they write,
-- and the triggers (state machine, frozen lines, totals, append-only history) hold for both.
revoke all on schema orders from public;
revoke all on all tables in schema orders from public, b2b_app, b2b_readonly, b2b_analytics;
revoke all on all functions in schema orders from public, b2b_app, b2b_readonly, b2b_analytics;

grant usage on schema orders to b2b_app, b2b_readonly;

-- The state machine: reference data, written only by migrations.
grant select on orders.order_states, orders.order_transitions to b2b_app, b2b_readonly;

grant select on orders.orders, orders.order_lines, orders.order_state_history, orders.order_allocations
  to b2b_app, b2b_readonly;

grant insert (order_id, company_id, buyer_id, currency, idempotency_key, purchase_order_number,
  billing_address, shipping_address, payment_terms_days) on orders.orders to b2b_app;
grant update (state, purchase_order_number, billing_address, shipping_address, total_amount, submitted_at)
  on orders.orders to b2b_app;

grant insert (order_id, line_number, variant_id, quantity, unit_price, line_total, priced_from, price_list_id)
  on orders.order_lines to b2b_app;
grant update (unit_price, line_total, price_list_id, fulfilled_quantity) on orders.order_lines to b2b_app;
grant delete on orders.order_lines to b2b_app;

-- Appended by trigger as the caller; never updated or deleted.
grant insert (order_id, from_state, to_state, changed_by) on orders.order_state_history to b2b_app;

grant insert (order_id, variant_id, warehouse_id, reserved_quantity) on orders.order_allocations to b2b_app;
grant update (reserved_quantity, consumed_quantity) on orders.order_allocations to b2b_app;

-- Operations (and the steps they are made of: they run as the caller).
grant execute on function
  orders.lock_order(uuid),
  orders.address_snapshot(uuid, uuid, text),
  orders.parse_order_lines(jsonb),
  orders.set_order_lines(uuid, uuid, text, jsonb),
  orders.reprice_order_lines(uuid),
  orders.reserve_stock(uuid),
  orders.release_stock(uuid),
  orders.start_order(uuid, uuid, text, text, text, uuid, uuid),
  orders.create_draft(uuid, uuid, text, jsonb, text, text, uuid, uuid),
  orders.update_draft(uuid, integer, jsonb, text, uuid, uuid),
  orders.submit(orders.orders, boolean),
  orders.submit_order(uuid, integer),
  orders.place_order(uuid, uuid, text, jsonb, text, text, uuid, uuid),
  orders.cancel_order(uuid),
  orders.fulfil_order(uuid, jsonb),
  orders.complete_order(uuid)
  to b2b_app;
