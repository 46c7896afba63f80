-- A return request that will not come: its units no longer count against what may be returned.
create or replace function orders.cancel_return(p_return_id uuid)
returns orders.returns
language plpgsql
as $$
declare
  cancelled orders.returns;
begin
  update orders.returns r set state = 'cancelled'
  where r.tenant_id = app.require_tenant_id() and r.return_id = p_return_id and r.state = 'requested'
  returning r.* into cancelled;
  if not found then
    raise exception using
      errcode = 'B3001',
      message = format('return %s cannot move to cancelled: it is unknown, received or already cancelled', p_return_id);
  end if;
  return cancelled;
end
$$;
comment on function orders.cancel_return(uuid) is 'Cancels requested return p_return_id (B3001 when it is not a requested return of the tenant).';
