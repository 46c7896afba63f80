-- Privileges on schema accounts, in one place. Revoke first so a removed grant is really gone.
-- Update grants name their columns. Insert grants are on whole tables (Citus sends every column of an insert
-- to the shards, defaults included, so a column-level INSERT grant refuses every insert there): the columns
-- the app may not set on insert are guarded by trg_<table>_before_insert_columns (triggers/*_insert_guards.sql),
-- and tenant_id by the INSERT policy.
revoke all on schema accounts from public;
revoke all on all tables in schema accounts from public, b2b_app, b2b_readonly, b2b_analytics;
revoke all on all functions in schema accounts from public, b2b_app, b2b_readonly, b2b_analytics;

grant usage on schema accounts to b2b_app, b2b_readonly;

grant select on accounts.companies, accounts.customer_groups, accounts.company_customer_groups,
  accounts.permissions, accounts.buyer_roles, accounts.buyer_role_permissions, accounts.buyers,
  accounts.addresses
  to b2b_app, b2b_readonly;

grant insert on accounts.companies to b2b_app;
grant update (parent_company_id, legal_name, tax_id, default_currency, default_locale,
  payment_terms_days, credit_limit, status) on accounts.companies to b2b_app;
grant delete on accounts.companies to b2b_app;

grant insert on accounts.customer_groups to b2b_app;
grant update (name, description) on accounts.customer_groups to b2b_app;
grant delete on accounts.customer_groups to b2b_app;

grant insert on accounts.company_customer_groups to b2b_app;
grant delete on accounts.company_customer_groups to b2b_app;

grant insert on accounts.buyer_roles to b2b_app;
grant update (name, description) on accounts.buyer_roles to b2b_app;
grant delete on accounts.buyer_roles to b2b_app;

grant insert on accounts.buyer_role_permissions to b2b_app;
grant delete on accounts.buyer_role_permissions to b2b_app;

grant insert on accounts.buyers to b2b_app;
grant update (buyer_role_id, email, full_name, phone, status, spending_limit, spending_period)
  on accounts.buyers to b2b_app;
-- minor_units: for trg_companies_after_update_minor_units, which runs as the caller (a company's buyers
-- follow its currency); a value the app writes is replaced by the company's (trg_buyers_before_write_minor_units).
grant update (minor_units) on accounts.buyers to b2b_app;
grant delete on accounts.buyers to b2b_app;

grant insert on accounts.addresses to b2b_app;
grant update (kind, is_default, label, recipient, line1, line2, line3, locality, region, postal_code,
  country_code, phone) on accounts.addresses to b2b_app;
grant delete on accounts.addresses to b2b_app;

grant execute on function accounts.acting_buyer(uuid, uuid, uuid) to b2b_app, b2b_readonly;
grant execute on function accounts.buyer_acting_for_company(uuid, uuid, uuid) to b2b_app, b2b_readonly;
grant execute on function accounts.buyer_has_permission(uuid, uuid, text) to b2b_app, b2b_readonly;
-- Erasure (GDPR Art. 17): the app calls it for a staff member's request; it runs as the owner.
grant execute on function accounts.erase_buyer(uuid, uuid) to b2b_app;
