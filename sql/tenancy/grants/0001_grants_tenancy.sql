-- Privileges on schema tenancy, in one place. Revoke first so a removed grant is really gone.
-- Update grants name their columns. Insert grants are on whole tables (Citus sends every column of an insert
-- to the shards, defaults included, so a column-level INSERT grant refuses every insert there): the columns
-- the app may not set on insert are guarded by trg_<table>_before_insert_columns (triggers/*_insert_guards.sql),
-- and tenant_id by the INSERT policy.
revoke all on schema tenancy from public;
revoke all on all tables in schema tenancy from public, b2b_app, b2b_readonly, b2b_analytics;
-- Functions too (tenancy.clear_granted_by, a trigger function no role calls): the default privileges that
-- revoke EXECUTE from PUBLIC live on the coordinator only, so on Citus workers a function is executable by
-- PUBLIC until this revoke, which Citus sends to every node, says otherwise.
revoke all on all functions in schema tenancy from public, b2b_app, b2b_readonly, b2b_analytics;

grant usage on schema tenancy to b2b_app, b2b_readonly;

grant select on tenancy.tenants, tenancy.staff_users, tenancy.memberships, tenancy.staff_roles
  to b2b_app, b2b_readonly;

grant update (name, default_locale, default_currency) on tenancy.tenants to b2b_app;

grant insert on tenancy.staff_users to b2b_app;
grant update (email, display_name, status) on tenancy.staff_users to b2b_app;
grant delete on tenancy.staff_users to b2b_app;

grant insert on tenancy.memberships to b2b_app;
grant delete on tenancy.memberships to b2b_app;
