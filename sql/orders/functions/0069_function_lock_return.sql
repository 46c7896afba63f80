-- The return every return operation starts with, locked until the transaction ends, so two operations
-- on one return (a receipt and a cancellation, or the same one sent twice) run one after the other and
-- the second sees what the first did. Another tenant's return is "not found" (RLS).
create or replace function orders.lock_return(p_tenant_id uuid, p_return_id uuid)
returns orders.returns
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  locked orders.returns;
begin
  select r.* into locked
  from orders.returns r
  where r.tenant_id = v_tenant and r.return_id = p_return_id
  for update;
  if not found then
    raise exception using
      errcode = 'B3402',
      message = format('return %s was not found in this tenant', p_return_id);
  end if;
  return locked;
end
$$;
comment on function orders.lock_return(uuid, uuid) is
  'The return p_return_id of tenant p_tenant_id, locked (for update) until the transaction ends; SQLSTATE B3402 when the tenant has no such return.';
