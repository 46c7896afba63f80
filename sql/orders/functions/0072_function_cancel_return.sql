-- A return request that will not come: its units no longer count against what may be returned. The move
-- itself is checked by the return state machine (trg_returns_before_insert_or_update_state: B3001 from
-- received or cancelled); an unknown return is not found (B3402), not a refused move.
create or replace function orders.cancel_return(p_tenant_id uuid, p_return_id uuid)
returns orders.returns
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.returns := orders.lock_return(v_tenant, p_return_id);
  cancelled orders.returns;
begin
  update orders.returns r set state = 'cancelled'
  where r.tenant_id = v_tenant and r.return_id = p_return_id
  returning r.* into cancelled;
  return cancelled;
end
$$;
comment on function orders.cancel_return(uuid, uuid) is
  'Cancels requested return p_return_id of tenant p_tenant_id (the transaction''s: B2002; B3402 when the tenant has no such return, B3001 when it is received or already cancelled).';
