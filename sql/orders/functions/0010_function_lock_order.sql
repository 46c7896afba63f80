-- The order every operation on an existing order starts with: locked for the rest of the transaction, so
-- two operations on one order run one after the other. Another tenant's order is "not found" (RLS).
-- Like every function that takes p_tenant_id, it refuses a tenant other than the transaction's (B2002).
create or replace function orders.lock_order(p_tenant_id uuid, p_order_id uuid)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  locked orders.orders;
begin
  select o.* into locked
  from orders.orders o
  where o.tenant_id = v_tenant and o.order_id = p_order_id
  for update;
  if not found then
    raise exception using
      errcode = 'B3013',
      message = format('order %s was not found in this tenant', p_order_id);
  end if;
  return locked;
end
$$;
comment on function orders.lock_order(uuid, uuid) is
  'The order p_order_id of tenant p_tenant_id, locked (for update) until the transaction ends; SQLSTATE B3013 when the tenant has no such order.';
