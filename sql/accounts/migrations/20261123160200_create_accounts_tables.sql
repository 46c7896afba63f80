-- Up Migration
-- Accounts: the tenant's business customers (companies, in a hierarchy), the buyers who act for them,
-- buyer roles built from named permissions, customer groups, and postal addresses.
create schema accounts;
comment on schema accounts is 'Business customers of a tenant: companies, buyers, buyer roles, customer groups, addresses.';

-- companies ----------------------------------------------------------------------------------------
create table accounts.companies (
  tenant_id uuid not null default app.require_tenant_id(),
  company_id uuid not null default gen_random_uuid(),
  parent_company_id uuid,
  legal_name text not null,
  tax_id text,
  default_currency text not null,
  default_locale text not null,
  -- A day count bounded by chk_companies_payment_terms_days: 32 bits are plenty.
  -- squawk-ignore prefer-bigint-over-int
  payment_terms_days integer not null default 30,
  credit_limit numeric(19, 4),
  status text not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_companies primary key (tenant_id, company_id),
  constraint uq_companies_tenant_id_tax_id unique (tenant_id, tax_id),
  constraint fk_companies_tenant_id_tenants foreign key (tenant_id)
    references tenancy.tenants (tenant_id),
  constraint fk_companies_tenant_id_parent_company_id_companies foreign key (tenant_id, parent_company_id)
    references accounts.companies (tenant_id, company_id),
  constraint fk_companies_default_currency_currencies foreign key (default_currency)
    references catalog.currencies (currency_code),
  constraint fk_companies_default_locale_locales foreign key (default_locale)
    references catalog.locales (locale),
  constraint chk_companies_not_own_parent check (parent_company_id <> company_id),
  constraint chk_companies_legal_name_not_blank check (btrim(legal_name) <> ''),
  constraint chk_companies_tax_id_format check (tax_id ~ '^[A-Za-z0-9][A-Za-z0-9 ./-]{1,38}[A-Za-z0-9]$'),
  constraint chk_companies_payment_terms_days check (payment_terms_days between 0 and 365),
  constraint chk_companies_credit_limit_not_negative check (credit_limit >= 0),
  constraint chk_companies_status check (status in ('active', 'on_hold', 'closed'))
);
comment on table accounts.companies is
  'A business customer of the tenant. Companies form a hierarchy (parent_company_id) at most 5 levels deep, without cycles (trigger, SQLSTATE B2101/B2102).';
comment on column accounts.companies.parent_company_id is 'The parent company (group headquarters); null for a top-level company.';
comment on column accounts.companies.tax_id is 'VAT or other tax registration number, as printed on invoices; unique within the tenant.';
comment on column accounts.companies.default_currency is 'ISO 4217 currency of the company''s prices, invoices, credit limit and buyer spending limits.';
comment on column accounts.companies.default_locale is 'Locale used for the company''s documents and catalog texts.';
comment on column accounts.companies.payment_terms_days is 'Net payment terms: invoices are due this many days after issue (0 = prepayment).';
comment on column accounts.companies.credit_limit is 'Maximum open receivables in default_currency; null means no credit limit is enforced.';
comment on column accounts.companies.status is 'active, on_hold (may not order) or closed.';
alter table accounts.companies enable row level security;
alter table accounts.companies force row level security;

-- Serves fk_companies_tenant_id_parent_company_id_companies and the hierarchy walk (children of a company).
create index idx_companies_tenant_id_parent_company_id on accounts.companies (tenant_id, parent_company_id);
-- Serves fk_companies_default_currency_currencies (removing a currency).
create index idx_companies_default_currency on accounts.companies (default_currency);
-- Serves fk_companies_default_locale_locales (removing a locale).
create index idx_companies_default_locale on accounts.companies (default_locale);

-- customer_groups ----------------------------------------------------------------------------------
create table accounts.customer_groups (
  tenant_id uuid not null default app.require_tenant_id(),
  customer_group_id uuid not null default gen_random_uuid(),
  name text not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_customer_groups primary key (tenant_id, customer_group_id),
  constraint uq_customer_groups_tenant_id_name unique (tenant_id, name),
  constraint fk_customer_groups_tenant_id_tenants foreign key (tenant_id)
    references tenancy.tenants (tenant_id),
  constraint chk_customer_groups_name_not_blank check (btrim(name) <> '')
);
comment on table accounts.customer_groups is 'A named group of companies (wholesalers, key accounts) that price lists can target.';
alter table accounts.customer_groups enable row level security;
alter table accounts.customer_groups force row level security;

-- company_customer_groups --------------------------------------------------------------------------
create table accounts.company_customer_groups (
  tenant_id uuid not null default app.require_tenant_id(),
  company_id uuid not null,
  customer_group_id uuid not null,
  added_at timestamptz not null default now(),
  constraint pk_company_customer_groups primary key (tenant_id, company_id, customer_group_id),
  constraint fk_company_customer_groups_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id) on delete cascade,
  constraint fk_company_customer_groups_tenant_id_customer_group_id foreign key (tenant_id, customer_group_id)
    references accounts.customer_groups (tenant_id, customer_group_id) on delete cascade
);
comment on table accounts.company_customer_groups is 'A company belongs to a customer group; a company may be in any number of groups.';
alter table accounts.company_customer_groups enable row level security;
alter table accounts.company_customer_groups force row level security;

-- Serves fk_company_customer_groups_tenant_id_customer_group_id and "members of a group".
create index idx_company_customer_groups_tenant_id_customer_group_id
  on accounts.company_customer_groups (tenant_id, customer_group_id);

-- permissions (shared reference data, not tenant-owned) --------------------------------------------
create table accounts.permissions (
  permission text not null,
  description text not null,
  constraint pk_permissions primary key (permission),
  constraint chk_permissions_format check (permission ~ '^[a-z_]+\.[a-z_]+$')
);
comment on table accounts.permissions is 'Reference list of named buyer permissions (area.action) that buyer roles are built from; shared by all tenants.';
insert into accounts.permissions (permission, description) values
  ('orders.create', 'Place orders for the company'),
  ('orders.approve', 'Approve orders placed by other buyers of the company'),
  ('orders.view_all', 'See every order of the company, not only one''s own'),
  ('quotes.request', 'Request quotes'),
  ('invoices.view', 'See the company''s invoices'),
  ('addresses.manage', 'Add, change and remove the company''s addresses'),
  ('members.manage', 'Invite and remove buyers of the company and assign their roles');

-- buyer_roles --------------------------------------------------------------------------------------
create table accounts.buyer_roles (
  tenant_id uuid not null default app.require_tenant_id(),
  buyer_role_id uuid not null default gen_random_uuid(),
  name text not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_buyer_roles primary key (tenant_id, buyer_role_id),
  constraint uq_buyer_roles_tenant_id_name unique (tenant_id, name),
  constraint fk_buyer_roles_tenant_id_tenants foreign key (tenant_id)
    references tenancy.tenants (tenant_id),
  constraint chk_buyer_roles_name_not_blank check (btrim(name) <> '')
);
comment on table accounts.buyer_roles is 'A role a tenant defines for buyers (purchaser, approver, admin), built from named permissions.';
alter table accounts.buyer_roles enable row level security;
alter table accounts.buyer_roles force row level security;

-- buyer_role_permissions ---------------------------------------------------------------------------
create table accounts.buyer_role_permissions (
  tenant_id uuid not null default app.require_tenant_id(),
  buyer_role_id uuid not null,
  permission text not null,
  constraint pk_buyer_role_permissions primary key (tenant_id, buyer_role_id, permission),
  constraint fk_buyer_role_permissions_tenant_id_buyer_role_id_buyer_roles foreign key (tenant_id, buyer_role_id)
    references accounts.buyer_roles (tenant_id, buyer_role_id) on delete cascade,
  constraint fk_buyer_role_permissions_permission_permissions foreign key (permission)
    references accounts.permissions (permission)
);
comment on table accounts.buyer_role_permissions is 'A buyer role grants a named permission; one row per (role, permission).';
alter table accounts.buyer_role_permissions enable row level security;
alter table accounts.buyer_role_permissions force row level security;

-- Serves fk_buyer_role_permissions_permission_permissions (removing a permission from the reference list).
create index idx_buyer_role_permissions_permission on accounts.buyer_role_permissions (permission);

-- buyers -------------------------------------------------------------------------------------------
create table accounts.buyers (
  tenant_id uuid not null default app.require_tenant_id(),
  buyer_id uuid not null default gen_random_uuid(),
  company_id uuid not null,
  buyer_role_id uuid not null,
  email text not null,
  full_name text not null,
  phone text,
  status text not null default 'active',
  spending_limit numeric(19, 4),
  spending_period text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_buyers primary key (tenant_id, buyer_id),
  constraint uq_buyers_tenant_id_company_id_email unique (tenant_id, company_id, email),
  constraint fk_buyers_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id),
  constraint fk_buyers_tenant_id_buyer_role_id_buyer_roles foreign key (tenant_id, buyer_role_id)
    references accounts.buyer_roles (tenant_id, buyer_role_id),
  constraint chk_buyers_email_format check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and email = lower(email)),
  constraint chk_buyers_full_name_not_blank check (btrim(full_name) <> ''),
  constraint chk_buyers_phone_e164 check (phone ~ '^\+[1-9][0-9]{1,14}$'),
  constraint chk_buyers_status check (status in ('active', 'disabled')),
  constraint chk_buyers_spending_limit_not_negative check (spending_limit >= 0),
  constraint chk_buyers_spending_period check (spending_period in ('day', 'week', 'month')),
  constraint chk_buyers_spending_limit_has_period check ((spending_limit is null) = (spending_period is null))
);
comment on table accounts.buyers is 'A person who acts for a company (places, approves or views orders), with one buyer role.';
comment on column accounts.buyers.email is 'Login email, lowercase, unique within the company.';
comment on column accounts.buyers.phone is 'E.164 phone number (+ and up to 15 digits).';
comment on column accounts.buyers.spending_limit is 'Most the buyer may order per spending_period, in the company''s default_currency; null = no limit.';
comment on column accounts.buyers.spending_period is 'day, week or month: the calendar period spending_limit applies to; set exactly when spending_limit is.';
alter table accounts.buyers enable row level security;
alter table accounts.buyers force row level security;

-- Serves fk_buyers_tenant_id_company_id_companies (uq_buyers_tenant_id_company_id_email leads with it:
-- no extra index) and "buyers of a company". Serves fk_buyers_tenant_id_buyer_role_id_buyer_roles:
create index idx_buyers_tenant_id_buyer_role_id on accounts.buyers (tenant_id, buyer_role_id);

-- addresses ----------------------------------------------------------------------------------------
create table accounts.addresses (
  tenant_id uuid not null default app.require_tenant_id(),
  address_id uuid not null default gen_random_uuid(),
  company_id uuid not null,
  kind text not null,
  is_default boolean not null default false,
  label text,
  recipient text not null,
  line1 text not null,
  line2 text,
  line3 text,
  locality text not null,
  region text,
  postal_code text,
  country_code text not null,
  phone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_addresses primary key (tenant_id, address_id),
  constraint fk_addresses_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id) on delete cascade,
  constraint fk_addresses_country_code_countries foreign key (country_code)
    references catalog.countries (country_code),
  constraint chk_addresses_kind check (kind in ('billing', 'shipping')),
  constraint chk_addresses_recipient_not_blank check (btrim(recipient) <> ''),
  constraint chk_addresses_line1_not_blank check (btrim(line1) <> ''),
  constraint chk_addresses_locality_not_blank check (btrim(locality) <> ''),
  constraint chk_addresses_postal_code_format check (postal_code ~ '^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$'),
  constraint chk_addresses_phone_e164 check (phone ~ '^\+[1-9][0-9]{1,14}$')
);
comment on table accounts.addresses is
  'A billing or shipping address of a company, in international form. postal_code is required where the country uses one (trigger, SQLSTATE B2103).';
comment on column accounts.addresses.kind is 'billing or shipping.';
comment on column accounts.addresses.is_default is 'The company''s default address of this kind; at most one per company and kind.';
comment on column accounts.addresses.line1 is 'First address line (street and number, or PO box); line2 and line3 continue it.';
comment on column accounts.addresses.locality is 'City, town or post town.';
comment on column accounts.addresses.region is 'State, province, county or prefecture, where the country uses one.';
comment on column accounts.addresses.postal_code is 'Postal code as written in the country; required when catalog.countries.uses_postal_code.';
comment on column accounts.addresses.country_code is 'ISO 3166-1 alpha-2 country.';
comment on column accounts.addresses.phone is 'E.164 phone number for the carrier (+ and up to 15 digits).';
alter table accounts.addresses enable row level security;
alter table accounts.addresses force row level security;

-- Serves fk_addresses_tenant_id_company_id_companies and "addresses of a company" by kind.
create index idx_addresses_tenant_id_company_id_kind on accounts.addresses (tenant_id, company_id, kind);
-- At most one default address per company and kind (a unique index: constraints cannot be partial).
create unique index uq_addresses_default_per_company_kind on accounts.addresses (tenant_id, company_id, kind)
  where is_default;
-- Serves fk_addresses_country_code_countries (removing a country).
create index idx_addresses_country_code on accounts.addresses (country_code);

-- Down Migration
-- cascade: the schema's repeatable objects (functions, triggers, policies) go with it; the next migrate
-- re-creates them.
drop schema accounts cascade;
