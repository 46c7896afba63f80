-- The quote every quote operation starts with, locked until the transaction ends.
create or replace function orders.lock_quote(p_tenant_id uuid, p_quote_id uuid)
returns orders.quotes
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  locked orders.quotes;
begin
  select q.* into locked
  from orders.quotes q
  where q.tenant_id = v_tenant and q.quote_id = p_quote_id
  for update;
  if not found then
    raise exception using
      errcode = 'B3305',
      message = format('quote %s was not found in this tenant', p_quote_id);
  end if;
  return locked;
end
$$;
comment on function orders.lock_quote(uuid, uuid) is
  'The quote p_quote_id of tenant p_tenant_id, locked (for update) until the transaction ends; SQLSTATE B3305 when the tenant has no such quote.';
