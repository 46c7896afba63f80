-- Every tenant-scoped entry point takes the tenant as its first argument, p_tenant_id: on Citus that
-- argument routes the call to the one node holding the tenant (create_distributed_function), and the
-- function filters on it, so its queries are routed too. Row-level security still reads the transaction's
-- tenant (app.tenant_id, set by withTenant), so the two must agree: a call for another tenant, or with no
-- tenant, is refused before it reads anything.
create or replace function app.check_tenant(p_tenant_id uuid) returns uuid
language plpgsql stable parallel safe
as $$
declare
  tenant uuid := app.require_tenant_id();
begin
  if p_tenant_id is distinct from tenant then
    raise exception using
      errcode = 'B2002',
      message = 'the tenant argument is not the transaction''s tenant',
      detail = format('argument %s, transaction %s', coalesce(p_tenant_id::text, 'null'), tenant);
  end if;
  return tenant;
end
$$;
comment on function app.check_tenant(uuid) is
  'Returns the transaction''s tenant when p_tenant_id is that tenant; raises B2002 otherwise, B2001 when no tenant is set. Called first by every entry point that takes p_tenant_id (the distribution argument on Citus).';
