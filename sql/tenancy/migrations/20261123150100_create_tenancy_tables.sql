-- Up Migration
-- Tenancy core: the sellers on the platform (tenants), their staff users, and staff roles.
create schema tenancy;
comment on schema tenancy is 'Tenants (sellers on the platform), their staff users and role memberships.';

-- tenants ------------------------------------------------------------------------------------------
create table tenancy.tenants (
  tenant_id uuid not null default gen_random_uuid(),
  slug text not null,
  name text not null,
  default_locale text not null default 'en',
  default_currency text not null default 'EUR',
  status text not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_tenants primary key (tenant_id),
  constraint uq_tenants_slug unique (slug),
  constraint chk_tenants_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
  constraint chk_tenants_name_not_blank check (btrim(name) <> ''),
  constraint chk_tenants_default_locale_format check (default_locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  constraint chk_tenants_default_currency_format check (default_currency ~ '^[A-Z]{3}$'),
  constraint chk_tenants_status check (status in ('active', 'suspended', 'closed'))
);
comment on table tenancy.tenants is 'A seller on the platform. Every tenant-owned row carries its tenant_id.';
comment on column tenancy.tenants.slug is 'URL name, unique across the platform (lowercase letters, digits, hyphens).';
comment on column tenancy.tenants.default_locale is 'BCP 47 locale used when a translation is missing.';
comment on column tenancy.tenants.default_currency is 'ISO 4217 code of the tenant''s base price lists.';
comment on column tenancy.tenants.status is 'active, suspended (read-only) or closed.';
alter table tenancy.tenants enable row level security;
alter table tenancy.tenants force row level security;

-- staff_users --------------------------------------------------------------------------------------
create table tenancy.staff_users (
  tenant_id uuid not null default app.require_tenant_id(),
  staff_user_id uuid not null default gen_random_uuid(),
  email text not null,
  display_name text not null,
  status text not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_staff_users primary key (tenant_id, staff_user_id),
  constraint uq_staff_users_tenant_id_email unique (tenant_id, email),
  constraint fk_staff_users_tenant_id_tenants foreign key (tenant_id)
    references tenancy.tenants (tenant_id),
  constraint chk_staff_users_email_format check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and email = lower(email)),
  constraint chk_staff_users_display_name_not_blank check (btrim(display_name) <> ''),
  constraint chk_staff_users_status check (status in ('active', 'disabled'))
);
comment on table tenancy.staff_users is 'People who work for a tenant (its back office), one row per tenant.';
comment on column tenancy.staff_users.email is 'Login email, lowercase, unique within the tenant.';
alter table tenancy.staff_users enable row level security;
alter table tenancy.staff_users force row level security;

-- staff_roles (shared reference data, not tenant-owned) ---------------------------------------------
create table tenancy.staff_roles (
  role text not null,
  description text not null,
  constraint pk_staff_roles primary key (role)
);
comment on table tenancy.staff_roles is 'Reference list of staff roles a membership can grant; shared by all tenants.';
insert into tenancy.staff_roles (role, description) values
  ('owner', 'Everything, including billing and closing the tenant'),
  ('admin', 'Everything except billing and closing the tenant'),
  ('catalog_manager', 'Products, prices and stock'),
  ('order_manager', 'Quotes, orders, invoices and returns'),
  ('viewer', 'Read-only access to the back office');

-- memberships --------------------------------------------------------------------------------------
create table tenancy.memberships (
  tenant_id uuid not null default app.require_tenant_id(),
  staff_user_id uuid not null,
  role text not null,
  granted_by uuid,
  granted_at timestamptz not null default now(),
  constraint pk_memberships primary key (tenant_id, staff_user_id, role),
  constraint fk_memberships_tenant_id_staff_user_id_staff_users foreign key (tenant_id, staff_user_id)
    references tenancy.staff_users (tenant_id, staff_user_id) on delete cascade,
  constraint fk_memberships_tenant_id_granted_by_staff_users foreign key (tenant_id, granted_by)
    references tenancy.staff_users (tenant_id, staff_user_id) on delete set null (granted_by),
  constraint fk_memberships_role_staff_roles foreign key (role) references tenancy.staff_roles (role)
);
comment on table tenancy.memberships is 'A staff user holds a role within their tenant; one row per (user, role).';
comment on column tenancy.memberships.granted_by is 'The staff user who granted the role; null when granted by the platform.';
alter table tenancy.memberships enable row level security;
alter table tenancy.memberships force row level security;

-- Serves fk_memberships_tenant_id_granted_by_staff_users (deleting a staff user).
create index idx_memberships_tenant_id_granted_by on tenancy.memberships (tenant_id, granted_by);
-- Serves fk_memberships_role_staff_roles (removing a role from the reference list).
create index idx_memberships_role on tenancy.memberships (role);

-- Down Migration
drop table tenancy.memberships;
drop table tenancy.staff_roles;
drop table tenancy.staff_users;
drop table tenancy.tenants;
-- cascade: the schema's repeatable objects (functions, views) have no versioned down step of their own.
drop schema tenancy cascade;
