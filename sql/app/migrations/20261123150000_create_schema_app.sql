-- Up Migration
-- Shared helpers used by every domain. Tenant context is read from transaction-local settings
-- (set by @b2b/db's withTenant with set_config(..., true)), never from session state.
create schema app;
comment on schema app is 'Shared helpers: tenant context, timestamps. Used by every domain.';

-- Functions created by the owner are not executable by PUBLIC; grants files say who may call what.
alter default privileges for role b2b_owner revoke execute on functions from public;

-- These two are versioned, not repeatable: column defaults and policies depend on them, so they
-- must exist before the first table does.
create function app.current_tenant_id() returns uuid
language sql stable parallel safe
as $$
  select nullif(pg_catalog.current_setting('app.tenant_id', true), '')::uuid
$$;
comment on function app.current_tenant_id() is
  'The tenant of the current transaction, or null when none is set. Policies call it as (select app.current_tenant_id()) so it is evaluated once per query.';

create function app.require_tenant_id() returns uuid
language plpgsql stable parallel safe
as $$
declare
  tenant uuid := app.current_tenant_id();
begin
  if tenant is null then
    raise exception using
      errcode = 'B2001',
      message = 'no tenant context: run this inside withTenant() (app.tenant_id is not set)';
  end if;
  return tenant;
end
$$;
comment on function app.require_tenant_id() is
  'The tenant of the current transaction; raises B2001 when none is set. Default of every tenant_id column.';

create function app.current_user_id() returns uuid
language sql stable parallel safe
as $$
  select nullif(pg_catalog.current_setting('app.user_id', true), '')::uuid
$$;
comment on function app.current_user_id() is 'The acting staff user or buyer of the current transaction, or null.';

-- Down Migration
alter default privileges for role b2b_owner grant execute on functions to public;
-- cascade: the schema's repeatable objects (functions) have no versioned down step of their own.
drop schema app cascade;
