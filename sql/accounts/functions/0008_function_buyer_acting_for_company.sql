-- The acting buyer (accounts.acting_buyer) with what a caller needs next: its company's status, currency
-- and locale, and its role's permissions; what @b2b/accounts' assertBuyerActsForCompany returns.
-- A function of its own, called alone (`select * from accounts.buyer_acting_for_company(...)`), because on
-- Citus a tenant function is delegated to the tenant's worker only when the statement is that one call:
-- inside a statement that also reads a distributed table, the statement runs on the shard and the
-- function's own queries there are refused ("cannot execute a distributed query from a query on a
-- shard"). Delegated, the check and the reads are one round trip to one worker.
create or replace function accounts.buyer_acting_for_company(
  p_tenant_id uuid,
  p_buyer_id uuid,
  p_company_id uuid
)
returns table (
  buyer_id uuid,
  company_id uuid,
  email text,
  full_name text,
  spending_limit numeric,
  spending_period text,
  company_status text,
  default_currency text,
  default_locale text,
  permissions text[]
)
language plpgsql stable
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  v_buyer record;
begin
  -- B2104 (not the company's, or unknown) and B2105 (disabled) come from the one shared check
  select * into v_buyer from accounts.acting_buyer(v_tenant, p_buyer_id, p_company_id);
  return query
  select v_buyer.buyer_id, v_buyer.company_id, v_buyer.email, v_buyer.full_name, v_buyer.spending_limit,
    v_buyer.spending_period, c.status, c.default_currency, c.default_locale,
    coalesce((select array_agg(rp.permission order by rp.permission)
       from accounts.buyer_role_permissions rp
       where rp.tenant_id = v_tenant and rp.buyer_role_id = v_buyer.buyer_role_id), '{}')
  from accounts.companies c
  where c.tenant_id = v_tenant
    and c.company_id = v_buyer.company_id;
end
$$;
comment on function accounts.buyer_acting_for_company(uuid, uuid, uuid) is
  'For tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant): buyer p_buyer_id as accounts.acting_buyer checks it (B2104 when it does not belong to company p_company_id or is unknown, B2105 when disabled), with its company''s status, currency and locale and its role''s permissions (sorted; empty when none).';
