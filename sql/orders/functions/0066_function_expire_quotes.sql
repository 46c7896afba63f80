-- Housekeeping for a scheduled job: quoted quotes past valid_until become expired (accepting one was
-- already refused by accept_quote; this makes lists and reports say so).
create or replace function orders.expire_quotes()
returns integer
language plpgsql
as $$
declare
  expired integer;
begin
  update orders.quotes q set state = 'expired', decided_at = now()
  where q.tenant_id = app.require_tenant_id() and q.state = 'quoted' and q.valid_until < now();
  get diagnostics expired = row_count;
  return expired;
end
$$;
comment on function orders.expire_quotes() is
  'Marks the tenant''s quoted quotes whose valid_until has passed as expired; returns how many.';
