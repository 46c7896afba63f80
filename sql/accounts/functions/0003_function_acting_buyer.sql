-- The acting buyer: the one rule every buyer action starts with (a buyer acts only for its own company,
-- and only while active). In SQL so that order functions, the catalog's viewer check
-- (catalog.viewer_pricing) and the typed packages share one check and one error, instead of each
-- re-implementing it.
-- It returns OUT columns rather than the accounts.buyers row type: a function returning the row type
-- would depend on the table, and the versioned down migration that drops the table would fail.
-- The tenant is its first argument (checked by app.check_tenant) and its query filters on it, so on
-- Citus the call and the query are routed to the node that holds the tenant.
create or replace function accounts.acting_buyer(
  p_tenant_id uuid,
  p_buyer_id uuid,
  p_company_id uuid,
  out tenant_id uuid,
  out buyer_id uuid,
  out company_id uuid,
  out buyer_role_id uuid,
  out email text,
  out full_name text,
  out spending_limit numeric,
  out spending_period text
)
language plpgsql stable
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  buyer_status text;
begin
  select b.tenant_id, b.buyer_id, b.company_id, b.buyer_role_id, b.email, b.full_name, b.spending_limit,
    b.spending_period, b.status
  into tenant_id, buyer_id, company_id, buyer_role_id, email, full_name, spending_limit, spending_period,
    buyer_status
  from accounts.buyers b
  where b.tenant_id = v_tenant
    and b.buyer_id = p_buyer_id
    and b.company_id = p_company_id;
  if not found then
    -- The same answer for an unknown buyer and for another company's buyer, so that the error does not
    -- reveal which buyers exist.
    raise exception using
      errcode = 'B2104',
      message = format('buyer %s does not belong to company %s and cannot act for it', p_buyer_id, p_company_id);
  end if;
  if buyer_status <> 'active' then
    raise exception using
      errcode = 'B2105',
      message = format('buyer %s is disabled and cannot act for any company', p_buyer_id);
  end if;
end
$$;
comment on function accounts.acting_buyer(uuid, uuid, uuid) is
  'The buyer p_buyer_id of tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant) (tenant, ids, role, email, name, spending limit and period), checked to belong to company p_company_id (SQLSTATE B2104 otherwise, also for an unknown buyer) and to be active (B2105). Call it first in everything a buyer does for a company.';
