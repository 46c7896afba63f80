-- Housekeeping for a scheduled job: quoted quotes past valid_until become expired (accepting one was
-- already refused by accept_quote; this makes lists and reports say so).
create or replace function orders.expire_quotes(p_tenant_id uuid)
returns integer
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  expired integer;
begin
  update orders.quotes q set state = 'expired', decided_at = now()
  where q.tenant_id = v_tenant and q.state = 'quoted' and q.valid_until < now();
  get diagnostics expired = row_count;
  return expired;
end
$$;
comment on function orders.expire_quotes(uuid) is
  'Marks the quoted quotes of tenant p_tenant_id (the transaction''s: B2002) whose valid_until has passed as expired; returns how many.';
