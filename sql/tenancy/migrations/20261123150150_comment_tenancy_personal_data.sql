-- Up Migration
-- Mark personal data, so the data dictionary lists it (a "(PII)" column comment).
comment on column tenancy.staff_users.email is 'Login email, lowercase, unique within the tenant (PII).';
comment on column tenancy.staff_users.display_name is 'Name shown in the back office (PII).';

-- Down Migration
comment on column tenancy.staff_users.email is 'Login email, lowercase, unique within the tenant.';
comment on column tenancy.staff_users.display_name is null;
