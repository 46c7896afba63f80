-- Buyer roles are named per tenant and hold permissions from the shared reference list.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_buyer_role(:'alpha', 'Approver', '{orders.create,orders.approve,orders.view_all}') as approver \gset

select tests.act_as(:'alpha');

select is(
  (select array_agg(permission order by permission) from accounts.buyer_role_permissions where buyer_role_id = :'approver'),
  '{orders.approve,orders.create,orders.view_all}'::text[], 'a role lists its permissions');
select isnt_empty($$select 1 from accounts.permissions where permission = 'members.manage'$$,
  'the reference list has members.manage');
select tests.throws_constraint(
  format($$insert into accounts.buyer_role_permissions (buyer_role_id, permission) values (%L, 'orders.delete_everything')$$, :'approver'),
  'fk_buyer_role_permissions_permission_permissions', 'an unknown permission is refused');
select tests.throws_constraint(
  format($$insert into accounts.buyer_role_permissions (buyer_role_id, permission) values (%L, 'orders.create')$$, :'approver'),
  'pk_buyer_role_permissions', 'a permission is granted to a role once');
select tests.throws_constraint(
  $$insert into accounts.buyer_role_permissions (buyer_role_id, permission) values (gen_random_uuid(), 'orders.create')$$,
  'fk_buyer_role_permissions_tenant_id_buyer_role_id_buyer_roles', 'the role must exist in the tenant');
select tests.throws_constraint($$insert into accounts.buyer_roles (name) values ('Approver')$$,
  'uq_buyer_roles_tenant_id_name', 'role names are unique within the tenant');
select tests.throws_constraint($$insert into accounts.buyer_roles (name) values ('')$$,
  'chk_buyer_roles_name_not_blank', 'a role needs a name');
select tests.throws_constraint(
  format($$insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (%L, gen_random_uuid(), 'x@y.example', 'X')$$, :'acme'),
  'fk_buyers_tenant_id_buyer_role_id_buyer_roles', 'a buyer''s role must exist in the tenant');
select tests.throws_constraint(
  format($$insert into accounts.buyer_roles (buyer_role_id, name) values (%L, 'Other')$$, :'approver'),
  'pk_buyer_roles', 'buyer role ids are unique within the tenant');

select * from finish();
rollback;
