-- pending routing-orders: removed at merge. The old signature of accounts.acting_buyer (no tenant
-- argument), kept only as a wrapper for the order functions, which call it until they take the tenant as
-- a value (issue 10); then this file goes and a versioned migration drops the function. It acts for the
-- transaction's tenant. Listed in the lint exceptions' pending block (db-tests/_support/0002_lint_catalog.sql).
create or replace function accounts.acting_buyer(
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
begin
  select a.tenant_id, a.buyer_id, a.company_id, a.buyer_role_id, a.email, a.full_name, a.spending_limit,
    a.spending_period
  into tenant_id, buyer_id, company_id, buyer_role_id, email, full_name, spending_limit, spending_period
  from accounts.acting_buyer(app.require_tenant_id(), p_buyer_id, p_company_id) a;
end
$$;
comment on function accounts.acting_buyer(uuid, uuid) is
  'Pending the order functions'' move to tenant arguments: accounts.acting_buyer(p_tenant_id, p_buyer_id, p_company_id) for the transaction''s tenant (B2001 when none).';
