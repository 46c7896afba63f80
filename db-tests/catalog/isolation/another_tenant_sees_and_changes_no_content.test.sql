-- As the application role, a tenant cannot select, insert, update or delete another tenant's products,
-- variants, categories and translations, and cannot point its rows at them (composite foreign keys).
begin;
select plan(25);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_product(:'alpha', 'Alpha product') as alpha_product \gset
select tests.create_category(:'alpha') as alpha_category \gset
select tests.create_product(:'beta', 'Beta product') as beta_product \gset
select tests.create_variant(:'beta', :'beta_product', 'BETA-1') as beta_variant \gset
select tests.create_category(:'beta') as beta_category \gset
insert into catalog.category_translations (tenant_id, category_id, locale, name, slug)
values (:'beta', :'beta_category', 'en', 'Beta category', 'beta-category');
insert into catalog.product_categories (tenant_id, category_id, product_id) values (:'beta', :'beta_category', :'beta_product');
insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values (:'beta', 'colour', 'text');

select tests.act_as(:'alpha');

-- select
select is_empty(format('select 1 from catalog.products where tenant_id = %L', :'beta'), 'products: invisible');
select is_empty(format('select 1 from catalog.variants where tenant_id = %L', :'beta'), 'variants: invisible');
select is_empty(format('select 1 from catalog.categories where tenant_id = %L', :'beta'), 'categories: invisible');
select is_empty(format('select 1 from catalog.category_translations where tenant_id = %L', :'beta'), 'category_translations: invisible');
select is_empty(format('select 1 from catalog.product_categories where tenant_id = %L', :'beta'), 'product_categories: invisible');
select is_empty(format('select 1 from catalog.product_translations where tenant_id = %L', :'beta'), 'product_translations: invisible');

select is_empty(format('select 1 from catalog.attribute_definitions where tenant_id = %L', :'beta'), 'attribute_definitions: invisible');

-- insert naming another tenant: tenant_id is in no insert grant
select throws_ok(format($$insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values (%L, 'x', 'text')$$, :'beta'),
  '42501', null, 'attribute_definitions: cannot insert for another tenant');
select throws_ok(format($$insert into catalog.products (tenant_id) values (%L)$$, :'beta'),
  '42501', null, 'products: cannot insert for another tenant');
select throws_ok(format($$insert into catalog.categories (tenant_id) values (%L)$$, :'beta'),
  '42501', null, 'categories: cannot insert for another tenant');

-- composite foreign keys refuse pointing into another tenant
select tests.throws_constraint(format($$insert into catalog.variants (product_id, sku) values (%L, 'X-1')$$, :'beta_product'),
  'fk_variants_tenant_id_product_id_products', 'variants: cannot belong to another tenant''s product');
select tests.throws_constraint(format($$insert into catalog.categories (parent_category_id) values (%L)$$, :'beta_category'),
  'fk_categories_tenant_id_parent_category_id_categories', 'categories: cannot hang under another tenant''s category');
select tests.throws_constraint(
  format($$insert into catalog.category_translations (category_id, locale, name, slug) values (%L, 'de', 'X', 'x')$$, :'beta_category'),
  'fk_category_translations_tenant_id_category_id_categories', 'category_translations: cannot translate another tenant''s category');
select tests.throws_constraint(
  format($$insert into catalog.product_categories (category_id, product_id) values (%L, %L)$$, :'beta_category', :'alpha_product'),
  'fk_product_categories_tenant_id_category_id_categories', 'product_categories: cannot list in another tenant''s category');
select tests.throws_constraint(
  format($$insert into catalog.product_categories (category_id, product_id) values (%L, %L)$$, :'alpha_category', :'beta_product'),
  'fk_product_categories_tenant_id_product_id_products', 'product_categories: cannot list another tenant''s product');
select tests.throws_constraint(
  format($$insert into catalog.product_translations (product_id, locale, name, slug) values (%L, 'de', 'X', 'x')$$, :'beta_product'),
  'fk_product_translations_tenant_id_product_id_products', 'product_translations: cannot translate another tenant''s product');
select lives_ok($$insert into catalog.variants (product_id, sku) select product_id, 'BETA-1' from catalog.products$$,
  'variants: a SKU used by another tenant is free in this one');

-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows;
-- products and variants have no delete grant (archived instead), so their deletes are refused outright
select throws_ok($$delete from catalog.variants$$, '42501', null, 'variants: no one deletes (archived instead)');
select throws_ok($$delete from catalog.products$$, '42501', null, 'products: no one deletes (archived instead)');
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['catalog.products', 'catalog.variants',
    'catalog.categories', 'catalog.category_translations', 'catalog.product_categories', 'catalog.product_translations',
    'catalog.attribute_definitions'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s catalog content');

-- the other tenant's rows are untouched (checked as that tenant)
select tests.act_as(:'beta');
select is((select archived_at from catalog.products), null, 'beta''s product is not archived');
select is((select sku from catalog.variants), 'BETA-1', 'beta''s variant is unchanged');
select is((select unit from catalog.attribute_definitions where attribute_key = 'colour'), null, 'beta''s attribute definition is unchanged');
select is((select name from catalog.category_translations), 'Beta category', 'beta''s category translation is unchanged');
select is((select count(*)::int from catalog.product_categories) + (select count(*)::int from catalog.product_translations), 2,
  'beta''s listing and product translation are still there');

select * from finish();
rollback;
