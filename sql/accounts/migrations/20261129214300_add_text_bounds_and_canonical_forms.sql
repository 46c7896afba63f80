-- Up Migration
-- Text people type is bounded and compared as people compare it (issue 9, item 5); README "Text".
-- 1. Identifiers already stored are put in their canonical form (app.canonical_*; the trigger
--    app.canonicalize() keeps them so from now on). Two stored rows that become equal make this
--    migration fail on their unique key: a person must merge them first.
update accounts.buyers set email = app.canonical_key(email) where email is distinct from app.canonical_key(email);
update accounts.companies set tax_id = app.canonical_tax_id(tax_id) where tax_id is distinct from app.canonical_tax_id(tax_id);
update accounts.customer_groups set name = app.canonical_text(name) where name is distinct from app.canonical_text(name);
update accounts.buyer_roles set name = app.canonical_text(name) where name is distinct from app.canonical_text(name);

-- 2. Names unique per tenant are unique without regard to case: 'Gold customers' and 'gold customers'
--    are one group. The unique constraint becomes a unique index of the same name on lower(name).
--    Built in this transaction (small tables, not in production yet).
alter table accounts.customer_groups drop constraint uq_customer_groups_tenant_id_name;
-- Serves the uniqueness of customer_groups names (case-insensitive) and lookups by name.
-- squawk-ignore require-concurrent-index-creation
create unique index uq_customer_groups_tenant_id_name on accounts.customer_groups (tenant_id, lower(name));
alter table accounts.buyer_roles drop constraint uq_buyer_roles_tenant_id_name;
-- Serves the uniqueness of buyer_roles names (case-insensitive) and lookups by name.
-- squawk-ignore require-concurrent-index-creation
create unique index uq_buyer_roles_tenant_id_name on accounts.buyer_roles (tenant_id, lower(name));

-- 3. A length bound on every text column a person or an import fills, named
--    chk_<table>_<column>_length (characters; JSON documents in bytes of their text form). Added valid
--    in this transaction (a scan of each table under its lock), as the project is not in production;
--    on a large live table, add it NOT VALID and VALIDATE it in a later migration instead.
-- squawk-ignore constraint-missing-not-valid
alter table accounts.companies add constraint chk_companies_legal_name_length check (char_length(legal_name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.companies add constraint chk_companies_tax_id_length check (char_length(tax_id) <= 50);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.customer_groups add constraint chk_customer_groups_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.customer_groups add constraint chk_customer_groups_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.permissions add constraint chk_permissions_permission_length check (char_length(permission) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.permissions add constraint chk_permissions_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.buyer_roles add constraint chk_buyer_roles_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.buyer_roles add constraint chk_buyer_roles_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.buyers add constraint chk_buyers_email_length check (char_length(email) <= 254);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.buyers add constraint chk_buyers_full_name_length check (char_length(full_name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.buyers add constraint chk_buyers_phone_length check (char_length(phone) <= 32);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_label_length check (char_length(label) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_recipient_length check (char_length(recipient) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_line1_length check (char_length(line1) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_line2_length check (char_length(line2) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_line3_length check (char_length(line3) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_locality_length check (char_length(locality) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_region_length check (char_length(region) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_postal_code_length check (char_length(postal_code) <= 20);
-- squawk-ignore constraint-missing-not-valid
alter table accounts.addresses add constraint chk_addresses_phone_length check (char_length(phone) <= 32);

-- Down Migration
alter table accounts.addresses drop constraint chk_addresses_phone_length;
alter table accounts.addresses drop constraint chk_addresses_postal_code_length;
alter table accounts.addresses drop constraint chk_addresses_region_length;
alter table accounts.addresses drop constraint chk_addresses_locality_length;
alter table accounts.addresses drop constraint chk_addresses_line3_length;
alter table accounts.addresses drop constraint chk_addresses_line2_length;
alter table accounts.addresses drop constraint chk_addresses_line1_length;
alter table accounts.addresses drop constraint chk_addresses_recipient_length;
alter table accounts.addresses drop constraint chk_addresses_label_length;
alter table accounts.buyers drop constraint chk_buyers_phone_length;
alter table accounts.buyers drop constraint chk_buyers_full_name_length;
alter table accounts.buyers drop constraint chk_buyers_email_length;
alter table accounts.buyer_roles drop constraint chk_buyer_roles_description_length;
alter table accounts.buyer_roles drop constraint chk_buyer_roles_name_length;
alter table accounts.permissions drop constraint chk_permissions_description_length;
alter table accounts.permissions drop constraint chk_permissions_permission_length;
alter table accounts.customer_groups drop constraint chk_customer_groups_description_length;
alter table accounts.customer_groups drop constraint chk_customer_groups_name_length;
alter table accounts.companies drop constraint chk_companies_tax_id_length;
alter table accounts.companies drop constraint chk_companies_legal_name_length;
drop index accounts.uq_customer_groups_tenant_id_name;
alter table accounts.customer_groups add constraint uq_customer_groups_tenant_id_name unique (tenant_id, name);
drop index accounts.uq_buyer_roles_tenant_id_name;
alter table accounts.buyer_roles add constraint uq_buyer_roles_tenant_id_name unique (tenant_id, name);
