-- The buyer (or the seller) withdraws a quote before a decision.
create or replace function orders.withdraw_quote(p_quote_id uuid)
returns orders.quotes
language plpgsql
as $$
declare
  target orders.quotes := orders.lock_quote(p_quote_id);
  withdrawn orders.quotes;
begin
  update orders.quotes q set state = 'withdrawn', decided_at = now()
  where q.tenant_id = target.tenant_id and q.quote_id = p_quote_id
  returning q.* into withdrawn;
  return withdrawn;
end
$$;
comment on function orders.withdraw_quote(uuid) is 'Withdraws quote p_quote_id while requested or quoted (B3001 otherwise).';
