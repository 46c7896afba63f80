-- Constraint trigger function (deferred to commit): an order's total_amount equals the sum of its lines.
-- Deferred because an order and its lines are written in several statements; at commit they must agree.
create or replace function orders.check_order_total() returns trigger
language plpgsql
as $$
declare
  target_tenant uuid := coalesce(new.tenant_id, old.tenant_id);
  target_order uuid := coalesce(new.order_id, old.order_id);
  header_total numeric;
  lines_total numeric;
begin
  -- one statement: the header's total and the sum of its lines
  select o.total_amount,
    (select coalesce(sum(l.line_total), 0) from orders.order_lines l
     where l.tenant_id = target_tenant and l.order_id = target_order)
  into header_total, lines_total
  from orders.orders o
  where o.tenant_id = target_tenant and o.order_id = target_order;
  if not found then
    return null; -- the order itself is gone (its lines went with it)
  end if;
  if header_total <> lines_total then
    raise exception using
      errcode = 'B3003',
      message = format('order %s has total_amount %s but its lines add up to %s', target_order, header_total, lines_total),
      table = 'orders',
      schema = 'orders';
  end if;
  return null;
end
$$;
comment on function orders.check_order_total() is
  'Constraint trigger function (deferred): refuses to commit an order whose total_amount differs from the sum of its lines'' line_total (SQLSTATE B3003).';
