-- The buyer declines the quoted prices.
create or replace function orders.decline_quote(p_tenant_id uuid, p_quote_id uuid, p_buyer_id uuid)
returns orders.quotes
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.quotes := orders.lock_quote(v_tenant, p_quote_id);
  declined orders.quotes;
begin
  perform accounts.acting_buyer(v_tenant, p_buyer_id, target.company_id);
  update orders.quotes q set state = 'declined', decided_at = now()
  where q.tenant_id = v_tenant and q.quote_id = p_quote_id
  returning q.* into declined;
  return declined;
end
$$;
comment on function orders.decline_quote(uuid, uuid, uuid) is
  'In tenant p_tenant_id (the transaction''s: B2002), buyer p_buyer_id of the quote''s company declines quote p_quote_id (only from quoted: B3001 otherwise).';
