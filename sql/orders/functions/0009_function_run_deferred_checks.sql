-- The deferred rules (an order's total equals its lines: orders.check_order_total, B3003; an order
-- cancelled or rejected holds no reserved stock: orders.check_order_stock_released, B3016) are constraint
-- triggers checked at commit, because an order and its lines are written in several statements. At commit
-- their error is no typed answer on Citus: the worker fails its PREPARE TRANSACTION and the client gets a
-- generic internal error. So every order function that writes what they check (create_draft,
-- update_draft, place_order, submit_order, accept_quote, cancel_order, reject_order) ends with this: the
-- checks queued so far in the transaction run now, and a broken rule is that call's error, with its
-- SQLSTATE. No extra work: each queued check runs once, here instead of at commit. The triggers stay the
-- backstop for what is written after (direct writes by the application).
--
-- "all", not the trigger names: on Citus the triggers of a shard carry the shard id in their name. Setting
-- all back to deferred is exact because every deferrable constraint of ours is initially deferred
-- (db-tests/orders/deferred_checks pins that).
create or replace function orders.run_deferred_checks()
returns void
language plpgsql
as $$
begin
  set constraints all immediate;
  set constraints all deferred;
end
$$;
comment on function orders.run_deferred_checks() is
  'Runs the deferred constraint checks queued so far in the transaction (set constraints all immediate), then defers them again: the order functions that write totals, lines or cancellations end with it, so B3003 and B3016 are raised by the call that broke the rule, not at commit (where Citus reports a generic internal error).';
