-- The remaining warehouse constraints refuse what they must.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
insert into catalog.warehouses (tenant_id, code, name, country_code) values (:'alpha', 'BER-1', 'Berlin', 'DE')
returning warehouse_id as wh \gset
select tests.throws_constraint($$insert into catalog.warehouses (tenant_id, code, name, country_code) values (gen_random_uuid(), 'X', 'X', 'DE')$$,
  'fk_warehouses_tenant_id_tenants', 'the tenant must exist');

select tests.act_as(:'alpha');

select tests.throws_constraint($$insert into catalog.warehouses (code, name, country_code) values ('HAM-1', ' ', 'DE')$$,
  'chk_warehouses_name_not_blank', 'a warehouse needs a name');
select tests.throws_constraint($$insert into catalog.warehouses (code, name, country_code) values ('HAM-1', 'Hamburg', 'XX')$$,
  'fk_warehouses_country_code_countries', 'the country must be known');
select tests.throws_constraint(format($$insert into catalog.warehouses (warehouse_id, code, name, country_code) values (%L, 'HAM-1', 'Hamburg', 'DE')$$, :'wh'),
  'pk_warehouses', 'warehouse ids are unique within the tenant');

select * from finish();
rollback;
