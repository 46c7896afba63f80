-- pending routing-orders: removed at merge. The old signature of accounts.buyer_has_permission (no tenant
-- argument), kept only as a wrapper for the order functions, which call it until they take the tenant as
-- a value (issue 10); then this file goes and a versioned migration drops the function. It acts for the
-- transaction's tenant. Listed in the lint exceptions' pending block (db-tests/_support/0002_lint_catalog.sql).
create or replace function accounts.buyer_has_permission(p_buyer_id uuid, p_permission text)
returns boolean
language plpgsql stable
as $$
begin
  return accounts.buyer_has_permission(app.require_tenant_id(), p_buyer_id, p_permission);
end
$$;
comment on function accounts.buyer_has_permission(uuid, text) is
  'Pending the order functions'' move to tenant arguments: accounts.buyer_has_permission(p_tenant_id, p_buyer_id, p_permission) for the transaction''s tenant (B2001 when none).';
