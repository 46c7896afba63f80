-- The buyer (or the seller) withdraws a quote before a decision.
create or replace function orders.withdraw_quote(p_tenant_id uuid, p_quote_id uuid)
returns orders.quotes
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.quotes := orders.lock_quote(v_tenant, p_quote_id);
  withdrawn orders.quotes;
begin
  update orders.quotes q set state = 'withdrawn', decided_at = now()
  where q.tenant_id = v_tenant and q.quote_id = p_quote_id
  returning q.* into withdrawn;
  return withdrawn;
end
$$;
comment on function orders.withdraw_quote(uuid, uuid) is 'Withdraws quote p_quote_id of tenant p_tenant_id (the transaction''s: B2002) while requested or quoted (B3001 otherwise).';
