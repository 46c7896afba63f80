-- A company belongs to any number of customer groups, each once; group names are unique per tenant.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_customer_group(:'alpha', 'Wholesale') as wholesale \gset
select tests.create_customer_group(:'alpha', 'Key accounts') as key_accounts \gset

select tests.act_as(:'alpha');

select lives_ok(
  format($$insert into accounts.company_customer_groups (company_id, customer_group_id) values (%L, %L), (%L, %L)$$,
    :'acme', :'wholesale', :'acme', :'key_accounts'),
  'a company joins two groups');
select is((select count(*)::int from accounts.company_customer_groups where company_id = :'acme'), 2,
  'the company is in both groups');
select tests.throws_constraint(
  format($$insert into accounts.company_customer_groups (company_id, customer_group_id) values (%L, %L)$$, :'acme', :'wholesale'),
  'pk_company_customer_groups', 'a company is in a group once');
select tests.throws_constraint(
  format($$insert into accounts.company_customer_groups (company_id, customer_group_id) values (%L, gen_random_uuid())$$, :'acme'),
  'fk_company_customer_groups_tenant_id_customer_group_id', 'the group must exist in the tenant');
select tests.throws_constraint(
  format($$insert into accounts.company_customer_groups (company_id, customer_group_id) values (gen_random_uuid(), %L)$$, :'wholesale'),
  'fk_company_customer_groups_tenant_id_company_id_companies', 'the company must exist in the tenant');
select tests.throws_constraint($$insert into accounts.customer_groups (name) values ('Wholesale')$$,
  'uq_customer_groups_tenant_id_name', 'group names are unique within the tenant');
select tests.throws_constraint($$insert into accounts.customer_groups (name) values (' ')$$,
  'chk_customer_groups_name_not_blank', 'a group needs a name');
select tests.throws_constraint(
  format($$insert into accounts.customer_groups (customer_group_id, name) values (%L, 'Other')$$, :'wholesale'),
  'pk_customer_groups', 'group ids are unique within the tenant');

select * from finish();
rollback;
