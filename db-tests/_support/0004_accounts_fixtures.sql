-- Accounts fixtures, created as the session (super)user with an explicit tenant, before acting as anyone.
create or replace function tests.create_company(tenant uuid, legal_name text, parent uuid default null)
returns uuid
language sql
as $$
  insert into accounts.companies (tenant_id, parent_company_id, legal_name, default_currency, default_locale)
  values (tenant, parent, legal_name, 'EUR', 'en')
  returning company_id
$$;

create or replace function tests.create_customer_group(tenant uuid, name text) returns uuid
language sql
as $$
  insert into accounts.customer_groups (tenant_id, name) values (tenant, name) returning customer_group_id
$$;

create or replace function tests.add_company_to_group(tenant uuid, company uuid, customer_group uuid) returns void
language sql
as $$
  insert into accounts.company_customer_groups (tenant_id, company_id, customer_group_id)
  values (tenant, company, customer_group)
$$;

create or replace function tests.create_buyer_role(tenant uuid, name text, permissions text[] default '{}')
returns uuid
language plpgsql
as $$
declare
  role_id uuid;
begin
  insert into accounts.buyer_roles (tenant_id, name) values (tenant, name) returning buyer_role_id into role_id;
  insert into accounts.buyer_role_permissions (tenant_id, buyer_role_id, permission)
  select tenant, role_id, p from unnest(permissions) p;
  return role_id;
end
$$;

create or replace function tests.create_buyer(tenant uuid, company uuid, buyer_role uuid, email text) returns uuid
language sql
as $$
  insert into accounts.buyers (tenant_id, company_id, buyer_role_id, email, full_name)
  values (tenant, company, buyer_role, email, split_part(email, '@', 1))
  returning buyer_id
$$;

grant execute on all functions in schema tests to b2b_app, b2b_readonly, b2b_analytics;
