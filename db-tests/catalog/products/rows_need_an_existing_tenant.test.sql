-- Root catalog rows reference an existing tenant.
begin;
select plan(2);

select tests.throws_constraint($$insert into catalog.products (tenant_id) values (gen_random_uuid())$$,
  'fk_products_tenant_id_tenants', 'products: the tenant must exist');
select tests.throws_constraint($$insert into catalog.categories (tenant_id) values (gen_random_uuid())$$,
  'fk_categories_tenant_id_tenants', 'categories: the tenant must exist');

select * from finish();
rollback;
