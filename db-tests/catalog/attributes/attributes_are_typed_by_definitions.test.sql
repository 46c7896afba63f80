-- Product and variant attributes use keys the tenant declared (B2202), with values of the declared type (B2203).
begin;
select plan(14);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type, unit) values
  (:'alpha', 'material', 'text', null),
  (:'alpha', 'weight_kg', 'number', 'kg'),
  (:'alpha', 'pack_size', 'integer', null),
  (:'alpha', 'cordless', 'boolean', null),
  (:'alpha', 'certifications', 'text_list', null),
  (:'beta', 'colour', 'text', null);
select tests.create_product(:'alpha', 'Drill') as drill \gset

select tests.act_as(:'alpha');

select lives_ok(
  $$insert into catalog.products (attributes)
    values ('{"material": "steel", "weight_kg": 1.25, "pack_size": 12, "cordless": true, "certifications": ["CE", "UL"]}')$$,
  'declared keys with values of their types are accepted');
select isnt_empty($$select 1 from catalog.products where attributes @> '{"cordless": true}'$$,
  'attributes can be filtered by containment');
select throws_ok($$insert into catalog.products (attributes) values ('{"colour": "red"}')$$,
  'B2202', null, 'an undeclared key is refused (another tenant''s definitions do not count)');
select throws_ok($$insert into catalog.products (attributes) values ('{"material": 5}')$$,
  'B2203', null, 'text must be a JSON string');
select throws_ok($$insert into catalog.products (attributes) values ('{"weight_kg": "1.2"}')$$,
  'B2203', null, 'number must be a JSON number');
select throws_ok($$insert into catalog.products (attributes) values ('{"pack_size": 1.5}')$$,
  'B2203', null, 'integer must be a whole number');
select throws_ok($$insert into catalog.products (attributes) values ('{"cordless": "yes"}')$$,
  'B2203', null, 'boolean must be true or false');
select throws_ok($$insert into catalog.products (attributes) values ('{"certifications": ["CE", 1]}')$$,
  'B2203', null, 'text_list must be an array of strings');
select throws_ok(format($$insert into catalog.variants (product_id, sku, attributes) values (%L, 'DR-1', '{"size": "M"}')$$, :'drill'),
  'B2202', null, 'variant attributes are checked too');
select throws_ok(format($$update catalog.products set attributes = '{"weight_kg": true}' where product_id = %L$$, :'drill'),
  'B2203', null, 'updates are checked');

select tests.throws_constraint($$insert into catalog.attribute_definitions (attribute_key, data_type) values ('Weight', 'number')$$,
  'chk_attribute_definitions_key_format', 'an attribute key is lowercase snake_case');
select tests.throws_constraint($$insert into catalog.attribute_definitions (attribute_key, data_type) values ('volume', 'float')$$,
  'chk_attribute_definitions_data_type', 'the type is one of the supported ones');
select tests.throws_constraint($$insert into catalog.attribute_definitions (attribute_key, data_type, unit) values ('volume', 'number', ' ')$$,
  'chk_attribute_definitions_unit_not_blank', 'a unit is not blank');
select tests.throws_constraint($$insert into catalog.attribute_definitions (attribute_key, data_type) values ('material', 'text')$$,
  'pk_attribute_definitions', 'a key is declared once per tenant');

select * from finish();
rollback;
