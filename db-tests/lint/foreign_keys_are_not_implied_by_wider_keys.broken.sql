-- An order line's key to its order beside the key that adds the order's minor units: every line the wider
-- key accepts has that order.
-- expect: orders.order_lines.fk_rogue_order_lines_tenant_id_order_id_orders is implied by fk_order_lines_tenant_id_order_id_minor_units_orders
alter table orders.order_lines add constraint fk_rogue_order_lines_tenant_id_order_id_orders
  foreign key (tenant_id, order_id) references orders.orders (tenant_id, order_id) on delete cascade;
