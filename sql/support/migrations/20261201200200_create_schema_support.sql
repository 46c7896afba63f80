-- Up Migration
-- Customer support's window onto the tenant's customers (issue 11): masked views, read by role b2b_support,
-- which may read nothing else (docs/data-protection.md, "Support").
create schema support;
comment on schema support is 'Masked views for customer support (role b2b_support): emails, phones and tax ids shown partially; nothing else of ours is readable by that role.';

-- Down Migration
-- cascade: the schema's repeatable views go with it; the next migrate re-creates them.
drop schema support cascade;
