-- (The money migration 20261129210300 drops it to change the amount columns' type; this file re-creates it.)
-- What was ordered is frozen once the order leaves draft (fulfilled_quantity may still move).
create or replace trigger trg_order_lines_before_write_editable
  before insert or delete or update of line_number, variant_id, quantity, unit_price, line_total, priced_from, price_list_id
  on orders.order_lines
  for each row execute function orders.check_order_lines_editable();

-- Keeps order_lines.updated_at current.
create or replace trigger trg_order_lines_before_update
  before update on orders.order_lines
  for each row execute function app.set_updated_at();
