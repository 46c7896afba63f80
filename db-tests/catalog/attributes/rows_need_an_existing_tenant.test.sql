-- Attribute definitions reference an existing tenant.
begin;
select plan(1);

select tests.throws_constraint(
  $$insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values (gen_random_uuid(), 'x', 'text')$$,
  'fk_attribute_definitions_tenant_id_tenants', 'the tenant must exist');

select * from finish();
rollback;
