-- The buyer declines the quoted prices.
create or replace function orders.decline_quote(p_quote_id uuid, p_buyer_id uuid)
returns orders.quotes
language plpgsql
as $$
declare
  target orders.quotes := orders.lock_quote(p_quote_id);
  declined orders.quotes;
begin
  perform accounts.acting_buyer(p_buyer_id, target.company_id);
  update orders.quotes q set state = 'declined', decided_at = now()
  where q.tenant_id = target.tenant_id and q.quote_id = p_quote_id
  returning q.* into declined;
  return declined;
end
$$;
comment on function orders.decline_quote(uuid, uuid) is
  'Buyer p_buyer_id of the quote''s company declines quote p_quote_id (only from quoted: B3001 otherwise).';
