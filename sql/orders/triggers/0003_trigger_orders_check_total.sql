-- (The money migration 20261129210300 drops these to change the amount columns' type; this file re-creates them.)
-- An order's total equals the sum of its lines, checked at commit (constraint triggers, deferred: the
-- header and lines are written in several statements). Constraint triggers cannot be created "or
-- replace", hence drop + create.
--
-- They fire only for writes that can break the equality (a deferred check costs a call and two index
-- reads at commit, per queued row): an order inserted with a total of 0 has no lines yet (lines need
-- their order), so any line added later fires its own trigger; an update that leaves total_amount as it
-- was cannot make a consistent order inconsistent (its lines' writes fire their own trigger).
drop trigger if exists trg_orders_after_insert_check_total on orders.orders;
create constraint trigger trg_orders_after_insert_check_total
  after insert on orders.orders
  deferrable initially deferred
  for each row when (new.total_amount <> 0)
  execute function orders.check_order_total();

drop trigger if exists trg_orders_after_write_check_total on orders.orders;
create constraint trigger trg_orders_after_write_check_total
  after update of total_amount on orders.orders
  deferrable initially deferred
  for each row when (old.total_amount is distinct from new.total_amount)
  execute function orders.check_order_total();

drop trigger if exists trg_order_lines_after_write_check_total on orders.order_lines;
create constraint trigger trg_order_lines_after_write_check_total
  after insert or update of line_total or delete on orders.order_lines
  deferrable initially deferred
  for each row execute function orders.check_order_total();
