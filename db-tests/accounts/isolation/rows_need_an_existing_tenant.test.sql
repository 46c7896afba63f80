-- Root accounts rows reference an existing tenant (checked as the migrating owner would write them).
begin;
select plan(3);

select tests.throws_constraint(
  $$insert into accounts.companies (tenant_id, legal_name, default_currency, default_locale) values (gen_random_uuid(), 'X', 'EUR', 'en')$$,
  'fk_companies_tenant_id_tenants', 'companies: the tenant must exist');
select tests.throws_constraint(
  $$insert into accounts.customer_groups (tenant_id, name) values (gen_random_uuid(), 'X')$$,
  'fk_customer_groups_tenant_id_tenants', 'customer_groups: the tenant must exist');
select tests.throws_constraint(
  $$insert into accounts.buyer_roles (tenant_id, name) values (gen_random_uuid(), 'X')$$,
  'fk_buyer_roles_tenant_id_tenants', 'buyer_roles: the tenant must exist');

select * from finish();
rollback;
