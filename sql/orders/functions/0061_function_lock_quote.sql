-- The quote every quote operation starts with, locked until the transaction ends.
create or replace function orders.lock_quote(p_quote_id uuid)
returns orders.quotes
language plpgsql
as $$
declare
  locked orders.quotes;
begin
  select q.* into locked
  from orders.quotes q
  where q.tenant_id = app.require_tenant_id() and q.quote_id = p_quote_id
  for update;
  if not found then
    raise exception using
      errcode = 'B3305',
      message = format('quote %s was not found in this tenant', p_quote_id);
  end if;
  return locked;
end
$$;
comment on function orders.lock_quote(uuid) is
  'The quote p_quote_id, locked (for update) until the transaction ends; SQLSTATE B3305 when the tenant has no such quote.';
