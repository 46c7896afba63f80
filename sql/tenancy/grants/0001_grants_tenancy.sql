-- Privileges on schema tenancy, in one place. Revoke first so a removed grant is really gone.
-- Insert and update grants name their columns: tenant_id comes from the tenant context, never the caller.
revoke all on schema tenancy from public;
revoke all on all tables in schema tenancy from public, b2b_app, b2b_readonly, b2b_analytics;

grant usage on schema tenancy to b2b_app, b2b_readonly;

grant select on tenancy.tenants, tenancy.staff_users, tenancy.memberships, tenancy.staff_roles
  to b2b_app, b2b_readonly;

grant update (name, default_locale, default_currency) on tenancy.tenants to b2b_app;

grant insert (staff_user_id, email, display_name, status) on tenancy.staff_users to b2b_app;
grant update (email, display_name, status) on tenancy.staff_users to b2b_app;
grant delete on tenancy.staff_users to b2b_app;

grant insert (staff_user_id, role, granted_by) on tenancy.memberships to b2b_app;
grant delete on tenancy.memberships to b2b_app;
