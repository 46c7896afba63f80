-- Every constraint of products, variants and product_categories refuses what it must.
begin;
select plan(13);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_variant(:'alpha', :'drill', 'DR-100') as dr100 \gset
select tests.create_category(:'alpha') as tools \gset

select tests.act_as(:'alpha');

select tests.throws_constraint($$insert into catalog.products (attributes) values ('[1, 2]')$$,
  'chk_products_attributes_object', 'product attributes are a JSON object');
select tests.throws_constraint(format($$insert into catalog.products (product_id) values (%L)$$, :'drill'),
  'pk_products', 'product ids are unique within the tenant');
select tests.throws_constraint(
  format($$insert into catalog.variants (product_id, sku) values (%L, 'DR-100')$$, :'drill'),
  'uq_variants_tenant_id_sku', 'a SKU is unique within the tenant');
select tests.throws_constraint(
  format($$insert into catalog.variants (product_id, sku) values (%L, 'DR 100')$$, :'drill'),
  'chk_variants_sku_format', 'a SKU has no spaces');
select tests.throws_constraint(
  format($$insert into catalog.variants (product_id, sku) values (%L, '-DR')$$, :'drill'),
  'chk_variants_sku_format', 'a SKU starts with a letter or digit');
select tests.throws_constraint(
  format($$insert into catalog.variants (product_id, sku, attributes) values (%L, 'DR-101', '"big"')$$, :'drill'),
  'chk_variants_attributes_object', 'variant attributes are a JSON object');
select tests.throws_constraint($$insert into catalog.variants (product_id, sku) values (gen_random_uuid(), 'DR-102')$$,
  'fk_variants_tenant_id_product_id_products', 'a variant''s product must exist in the tenant');
select tests.throws_constraint(
  format($$insert into catalog.variants (variant_id, product_id, sku) values (%L, %L, 'DR-103')$$, :'dr100', :'drill'),
  'pk_variants', 'variant ids are unique within the tenant');
select lives_ok(
  format($$insert into catalog.product_categories (category_id, product_id) values (%L, %L)$$, :'tools', :'drill'),
  'a product is listed in a category');
select tests.throws_constraint(
  format($$insert into catalog.product_categories (category_id, product_id) values (%L, %L)$$, :'tools', :'drill'),
  'pk_product_categories', 'a product is listed in a category once');
select tests.throws_constraint(
  format($$insert into catalog.product_categories (category_id, product_id) values (gen_random_uuid(), %L)$$, :'drill'),
  'fk_product_categories_tenant_id_category_id_categories', 'the category must exist in the tenant');
select tests.throws_constraint(
  format($$insert into catalog.product_categories (category_id, product_id) values (%L, gen_random_uuid())$$, :'tools'),
  'fk_product_categories_tenant_id_product_id_products', 'the product must exist in the tenant');
select throws_ok(format($$delete from catalog.products where product_id = %L$$, :'drill'),
  '42501', null, 'products are archived, never deleted');

select * from finish();
rollback;
