-- Cluster-level roles. Roles outlive any one database, so this file is idempotent and runs before
-- every `db:migrate` (it is not a versioned migration: a down step could not drop roles that other
-- databases of the cluster still use). Attributes are re-asserted, so drift is repaired; nothing is
-- written when all is as it should be, so concurrent migrations of several databases do not collide.
--
-- On Citus (a database with the citus extension) the owner keeps the LOGIN that `pnpm db:citus` gives it:
-- Citus opens its connections to the workers as the current role, and migrations and security definer
-- functions run as b2b_owner. It logs in with a generated password, on the workers only (the
-- coordinator's pg_hba.conf rejects it); see docs/scaling.md, "Roles on Citus".
do $$
declare
  r record;
  v_citus boolean := exists (select from pg_catalog.pg_extension where extname = 'citus');
begin
  for r in
    select * from (values
      ('b2b_owner', v_citus),    -- owns every object; migrations run as this role
      ('b2b_app', true),         -- the application: owns nothing, subject to RLS
      ('b2b_readonly', true),    -- support and reporting reads, tenant-scoped like the app
      ('b2b_analytics', true),   -- cross-tenant analytics reads, granted per analytics object
      ('b2b_support', true)      -- customer support: the masked views of schema support and nothing else
    ) as roles(name, can_login)
  loop
    if not exists (select from pg_catalog.pg_roles where rolname = r.name) then
      begin
        execute format('create role %I', r.name);
      exception when duplicate_object or unique_violation then
        null; -- created meanwhile by a concurrent migration
      end;
    end if;
    if exists (
      select from pg_catalog.pg_roles
      where rolname = r.name
        and (rolcanlogin <> r.can_login or rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls)
    ) then
      execute format(
        'alter role %I %s nosuperuser nocreatedb nocreaterole noreplication nobypassrls',
        r.name, case when r.can_login then 'login' else 'nologin' end
      );
    end if;
  end loop;
end
$$;
