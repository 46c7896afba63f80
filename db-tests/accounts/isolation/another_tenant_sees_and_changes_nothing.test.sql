-- As the application role, a tenant cannot select, insert, update or delete another tenant's accounts
-- rows, and its rows cannot reference another tenant's rows (composite foreign keys).
begin;
select plan(22);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_company(:'alpha', 'Alpha Co') as alpha_co \gset
select tests.create_company(:'beta', 'Beta Co') as beta_co \gset
select tests.create_customer_group(:'beta', 'Beta group') as beta_group \gset
select tests.add_company_to_group(:'beta', :'beta_co', :'beta_group');
select tests.create_buyer_role(:'beta', 'Beta role', '{orders.create}') as beta_role \gset
select tests.create_buyer(:'beta', :'beta_co', :'beta_role', 'bob@beta.example') as beta_buyer \gset
insert into accounts.addresses (tenant_id, company_id, kind, recipient, line1, locality, postal_code, country_code)
values (:'beta', :'beta_co', 'billing', 'Beta Co', 'Weg 1', 'Bonn', '53111', 'DE');

select tests.act_as(:'alpha');

-- select
select is_empty(format('select 1 from accounts.companies where tenant_id = %L', :'beta'), 'companies: invisible');
select is_empty(format('select 1 from accounts.customer_groups where tenant_id = %L', :'beta'), 'customer_groups: invisible');
select is_empty(format('select 1 from accounts.company_customer_groups where tenant_id = %L', :'beta'), 'company_customer_groups: invisible');
select is_empty(format('select 1 from accounts.buyer_roles where tenant_id = %L', :'beta'), 'buyer_roles: invisible');
select is_empty(format('select 1 from accounts.buyer_role_permissions where tenant_id = %L', :'beta'), 'buyer_role_permissions: invisible');
select is_empty(format('select 1 from accounts.buyers where tenant_id = %L', :'beta'), 'buyers: invisible');
select is_empty(format('select 1 from accounts.addresses where tenant_id = %L', :'beta'), 'addresses: invisible');

-- insert naming another tenant: tenant_id is not in any insert grant
select throws_ok(format($$insert into accounts.companies (tenant_id, legal_name, default_currency, default_locale) values (%L, 'X', 'EUR', 'en')$$, :'beta'),
  '42501', null, 'companies: cannot insert for another tenant');
select throws_ok(format($$insert into accounts.customer_groups (tenant_id, name) values (%L, 'X')$$, :'beta'),
  '42501', null, 'customer_groups: cannot insert for another tenant');
select throws_ok(format($$insert into accounts.buyer_roles (tenant_id, name) values (%L, 'X')$$, :'beta'),
  '42501', null, 'buyer_roles: cannot insert for another tenant');

-- composite foreign keys refuse pointing into another tenant
insert into accounts.buyer_roles (name) values ('Alpha role');
select tests.throws_constraint(
  format($$insert into accounts.companies (legal_name, parent_company_id, default_currency, default_locale) values ('X', %L, 'EUR', 'en')$$, :'beta_co'),
  'fk_companies_tenant_id_parent_company_id_companies', 'companies: parent cannot be another tenant''s company');
select tests.throws_constraint(
  format($$insert into accounts.company_customer_groups (company_id, customer_group_id) values (%L, %L)$$, :'alpha_co', :'beta_group'),
  'fk_company_customer_groups_tenant_id_customer_group_id', 'company_customer_groups: cannot join another tenant''s group');
select tests.throws_constraint(
  format($$insert into accounts.company_customer_groups (company_id, customer_group_id) values (%L, %L)$$, :'beta_co', :'beta_group'),
  'fk_company_customer_groups_tenant_id_company_id_companies', 'company_customer_groups: cannot add another tenant''s company');
select tests.throws_constraint(
  format($$insert into accounts.buyer_role_permissions (buyer_role_id, permission) values (%L, 'orders.approve')$$, :'beta_role'),
  'fk_buyer_role_permissions_tenant_id_buyer_role_id_buyer_roles', 'buyer_role_permissions: cannot extend another tenant''s role');
select tests.throws_constraint(
  format($$insert into accounts.buyers (company_id, buyer_role_id, email, full_name)
    select %L, buyer_role_id, 'x@alpha.example', 'X' from accounts.buyer_roles$$, :'beta_co'),
  'fk_buyers_tenant_id_company_id_companies', 'buyers: cannot act for another tenant''s company');
select tests.throws_constraint(
  format($$insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, %L, 'x@alpha.example', 'X')$$, :'alpha_co', :'beta_role'),
  'fk_buyers_tenant_id_buyer_role_id_buyer_roles', 'buyers: cannot hold another tenant''s role');
select tests.throws_constraint(
  format($$insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code)
    values (%L, 'billing', 'X', 'Weg 1', 'Bonn', '53111', 'DE')$$, :'beta_co'),
  'fk_addresses_tenant_id_company_id_companies', 'addresses: cannot belong to another tenant''s company');

-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['accounts.companies',
    'accounts.customer_groups', 'accounts.company_customer_groups', 'accounts.buyer_roles',
    'accounts.buyer_role_permissions', 'accounts.buyers', 'accounts.addresses'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s accounts rows');

-- the other tenant's rows are untouched (checked as that tenant)
select tests.act_as(:'beta');
select is((select legal_name from accounts.companies), 'Beta Co', 'beta''s company is unchanged');
select is((select full_name from accounts.buyers), 'bob', 'beta''s buyer is unchanged');
select is((select count(*)::int from accounts.buyer_role_permissions) + (select count(*)::int from accounts.company_customer_groups), 2,
  'beta''s role permission and group membership are still there');
select is((select recipient from accounts.addresses), 'Beta Co', 'beta''s address is unchanged');

select * from finish();
rollback;
