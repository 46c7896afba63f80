-- The `tests` helper schema: installed only in test databases (never by db:migrate).
create schema if not exists tests;
comment on schema tests is 'Test-only helpers: act as a tenant/user/role, freeze now(), lint exceptions.';

-- Acts as a tenant, user and database role for the rest of the transaction (set local role).
create or replace function tests.act_as(tenant uuid, user_id uuid default null, db_role name default 'b2b_app')
returns void
language plpgsql
as $$
begin
  -- SET LOCAL, not set_config(): Citus sends SET LOCAL on to the workers (citus.propagate_set_commands)
  execute format('set local app.tenant_id = %L', coalesce(tenant::text, ''));
  execute format('set local app.user_id = %L', coalesce(user_id::text, ''));
  execute format('set local role %I', db_role);
end
$$;
comment on function tests.act_as(uuid, uuid, name) is
  'For the rest of the transaction: tenant context as withTenant() sets it, and current_user = db_role.';

-- Back to the session's own role with no tenant context.
create or replace function tests.clear_actor()
returns void
language plpgsql
as $$
begin
  set local app.tenant_id = '';
  set local app.user_id = '';
  reset role;
end
$$;
comment on function tests.clear_actor() is 'Undo tests.act_as(): no tenant, no user, the session role.';

-- now() frozen at a given instant for unqualified now() calls made after this, in this transaction.
-- Column defaults are stored as pg_catalog.now() and are not affected (the transaction start time).
create or replace function tests.now() returns timestamptz
language sql stable
as $$
  select coalesce(nullif(pg_catalog.current_setting('tests.frozen_now', true), '')::timestamptz, pg_catalog.now())
$$;

create or replace function tests.freeze_now(at timestamptz) returns void
language plpgsql
as $$
begin
  perform set_config('tests.frozen_now', at::text, true);
  perform set_config('search_path', 'tests, pg_catalog, tap, public', true);
end
$$;
comment on function tests.freeze_now(timestamptz) is
  'Unqualified now() returns `at` for the rest of the transaction (search_path puts tests.now() first).';

-- A tenant for a test, created as the session (super)user before acting as anyone.
create or replace function tests.create_tenant(slug text) returns uuid
language sql
as $$
  insert into tenancy.tenants (slug, name) values (slug, initcap(replace(slug, '-', ' '))) returning tenant_id
$$;

create or replace function tests.create_staff_user(tenant uuid, email text) returns uuid
language sql
as $$
  insert into tenancy.staff_users (tenant_id, email, display_name)
  values (tenant, email, split_part(email, '@', 1)) returning staff_user_id
$$;

grant usage on schema tests, tap to b2b_app, b2b_readonly, b2b_analytics;
grant execute on all functions in schema tests, tap to b2b_app, b2b_readonly, b2b_analytics;
