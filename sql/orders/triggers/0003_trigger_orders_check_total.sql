-- An order's total equals the sum of its lines, checked at commit (constraint triggers, deferred: the
-- header and lines are written in several statements). Constraint triggers cannot be created "or
-- replace", hence drop + create.
drop trigger if exists trg_orders_after_write_check_total on orders.orders;
create constraint trigger trg_orders_after_write_check_total
  after insert or update of total_amount on orders.orders
  deferrable initially deferred
  for each row execute function orders.check_order_total();

drop trigger if exists trg_order_lines_after_write_check_total on orders.order_lines;
create constraint trigger trg_order_lines_after_write_check_total
  after insert or update of line_total or delete on orders.order_lines
  deferrable initially deferred
  for each row execute function orders.check_order_total();
