-- The read-only role bypasses RLS, the application role owns a table, the analytics role can become the
-- owner. (Roles are cluster-wide: this runs in the lint file's transaction and is rolled back with it.)
-- expect: b2b_readonly
-- expect: b2b_app owns tenancy.staff_roles
-- expect: b2b_analytics is a member of b2b_owner
alter role b2b_readonly bypassrls;
alter table tenancy.staff_roles owner to b2b_app;
grant b2b_owner to b2b_analytics;
