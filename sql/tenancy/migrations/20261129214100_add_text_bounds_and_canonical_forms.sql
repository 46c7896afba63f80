-- Up Migration
-- Text people type is bounded and compared as people compare it (issue 9, item 5); README "Text".
-- 1. Identifiers already stored are put in their canonical form (app.canonical_*; the trigger
--    app.canonicalize() keeps them so from now on). Two stored rows that become equal make this
--    migration fail on their unique key: a person must merge them first.
update tenancy.tenants set slug = app.canonical_key(slug) where slug is distinct from app.canonical_key(slug);
update tenancy.staff_users set email = app.canonical_key(email) where email is distinct from app.canonical_key(email);

-- 3. A length bound on every text column a person or an import fills, named
--    chk_<table>_<column>_length (characters; JSON documents in bytes of their text form). Added valid
--    in this transaction (a scan of each table under its lock), as the project is not in production;
--    on a large live table, add it NOT VALID and VALIDATE it in a later migration instead.
-- squawk-ignore constraint-missing-not-valid
alter table tenancy.tenants add constraint chk_tenants_slug_length check (char_length(slug) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table tenancy.tenants add constraint chk_tenants_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table tenancy.staff_users add constraint chk_staff_users_email_length check (char_length(email) <= 254);
-- squawk-ignore constraint-missing-not-valid
alter table tenancy.staff_users add constraint chk_staff_users_display_name_length check (char_length(display_name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table tenancy.staff_roles add constraint chk_staff_roles_role_length check (char_length(role) <= 50);
-- squawk-ignore constraint-missing-not-valid
alter table tenancy.staff_roles add constraint chk_staff_roles_description_length check (char_length(description) <= 1000);

-- Down Migration
alter table tenancy.staff_roles drop constraint chk_staff_roles_description_length;
alter table tenancy.staff_roles drop constraint chk_staff_roles_role_length;
alter table tenancy.staff_users drop constraint chk_staff_users_display_name_length;
alter table tenancy.staff_users drop constraint chk_staff_users_email_length;
alter table tenancy.tenants drop constraint chk_tenants_name_length;
alter table tenancy.tenants drop constraint chk_tenants_slug_length;
