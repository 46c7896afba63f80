-- Trigger function: what was ordered is frozen once the order leaves draft. Only fulfilled_quantity (and
-- updated_at) may change on the lines of a submitted order; anything else is refused with B3010.
create or replace function orders.check_order_lines_editable() returns trigger
language plpgsql
as $$
declare
  target_tenant uuid := coalesce(new.tenant_id, old.tenant_id);
  target_order uuid := coalesce(new.order_id, old.order_id);
  order_state text;
begin
  select o.state into order_state
  from orders.orders o
  where o.tenant_id = target_tenant and o.order_id = target_order;
  if order_state is distinct from 'draft' and order_state is not null then
    raise exception using
      errcode = 'B3010',
      message = format('order %s is %s: its lines can no longer be changed', target_order, order_state),
      table = tg_table_name,
      schema = tg_table_schema;
  end if;
  return coalesce(new, old);
end
$$;
comment on function orders.check_order_lines_editable() is
  'Trigger function on orders.order_lines: lines are added, removed or repriced only while their order is draft (SQLSTATE B3010).';
