-- Every constraint of product_translations and category_translations refuses what it must.
begin;
select plan(12);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_product(:'alpha', 'Drill', 'en') as drill \gset
select tests.create_product(:'alpha', 'Saw', 'fr') as saw \gset
select tests.create_category(:'alpha') as tools \gset
insert into catalog.category_translations (tenant_id, category_id, locale, name, slug)
values (:'alpha', :'tools', 'en', 'Tools', 'tools');

select tests.act_as(:'alpha');

select tests.throws_constraint(format($$insert into catalog.product_translations (product_id, locale, name, slug) values (%L, 'de', ' ', 'bohrer')$$, :'drill'),
  'chk_product_translations_name_not_blank', 'a product name is required');
select tests.throws_constraint(format($$insert into catalog.product_translations (product_id, locale, name, slug) values (%L, 'de', 'Bohrer', 'Bohrer Neu')$$, :'drill'),
  'chk_product_translations_slug_format', 'a slug is lowercase words joined by hyphens');
select tests.throws_constraint(format($$insert into catalog.product_translations (product_id, locale, name, slug) values (%L, 'xx', 'Bohrer', 'bohrer')$$, :'drill'),
  'fk_product_translations_locale_locales', 'the locale must be known');
select tests.throws_constraint(format($$insert into catalog.product_translations (product_id, locale, name, slug) values (%L, 'en', 'Drill', 'drill-2')$$, :'drill'),
  'pk_product_translations', 'one translation per product and locale');
select tests.throws_constraint(
  format($$insert into catalog.product_translations (product_id, locale, name, slug)
    select %L, 'en', 'Saw', slug from catalog.product_translations where product_id = %L$$, :'saw', :'drill'),
  'uq_product_translations_tenant_id_locale_slug', 'a slug is unique per tenant and locale');
select tests.throws_constraint($$insert into catalog.product_translations (product_id, locale, name, slug) values (gen_random_uuid(), 'en', 'X', 'x')$$,
  'fk_product_translations_tenant_id_product_id_products', 'the product must exist in the tenant');

select tests.throws_constraint(format($$insert into catalog.category_translations (category_id, locale, name, slug) values (%L, 'de', '', 'werkzeug')$$, :'tools'),
  'chk_category_translations_name_not_blank', 'a category name is required');
select tests.throws_constraint(format($$insert into catalog.category_translations (category_id, locale, name, slug) values (%L, 'de', 'Werkzeug', 'werkzeug_')$$, :'tools'),
  'chk_category_translations_slug_format', 'a category slug is lowercase words joined by hyphens');
select tests.throws_constraint(format($$insert into catalog.category_translations (category_id, locale, name, slug) values (%L, 'xx', 'Werkzeug', 'werkzeug')$$, :'tools'),
  'fk_category_translations_locale_locales', 'the category translation locale must be known');
select tests.throws_constraint(format($$insert into catalog.category_translations (category_id, locale, name, slug) values (%L, 'en', 'Tools 2', 'tools-2')$$, :'tools'),
  'pk_category_translations', 'one translation per category and locale');
select tests.throws_constraint($$insert into catalog.category_translations (category_id, locale, name, slug) values (gen_random_uuid(), 'en', 'X', 'tools')$$,
  'uq_category_translations_tenant_id_locale_slug', 'a category slug is unique per tenant and locale');
select tests.throws_constraint($$insert into catalog.category_translations (category_id, locale, name, slug) values (gen_random_uuid(), 'en', 'X', 'x')$$,
  'fk_category_translations_tenant_id_category_id_categories', 'the category must exist in the tenant');

select * from finish();
rollback;
