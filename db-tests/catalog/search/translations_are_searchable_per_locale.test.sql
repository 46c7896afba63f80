-- Each translation carries a search vector stemmed in its locale's language; search and lookup indexes exist.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_product(:'alpha', 'Akku-Bohrmaschinen', 'de-CH') as drill \gset
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug, description)
values (:'alpha', :'drill', 'en', 'Cordless drills', 'cordless-drills', 'Drilling into concrete');
select tests.create_variant(:'alpha', :'drill', 'BOSCH-GSR-18V') as variant \gset

select tests.act_as(:'alpha');

select is(catalog.text_search_config('de-CH'), 'german'::regconfig, 'de-CH is stemmed as German');
select is(catalog.text_search_config('ja'), 'simple'::regconfig, 'a language without a configuration uses simple');
select isnt_empty($$select 1 from catalog.product_translations
  where locale = 'de-CH' and search_vector @@ websearch_to_tsquery('german', 'bohrmaschine')$$,
  'German stemming finds the plural compound by its singular');
select isnt_empty($$select 1 from catalog.product_translations
  where locale = 'en' and search_vector @@ websearch_to_tsquery('english', 'drilling concrete')$$,
  'the description is searchable too');
select isnt_empty($$select 1 from catalog.variants where sku operator(extensions.%) 'BOSCH-GSR18'$$,
  'a SKU is found by trigram similarity');

select has_index('catalog', 'product_translations', 'idx_product_translations_tenant_id_search_vector',
  'full-text search index (tenant_id, search_vector)');
select has_index('catalog', 'product_translations', 'idx_product_translations_tenant_id_name_trgm',
  'trigram index on names');
select has_index('catalog', 'variants', 'idx_variants_tenant_id_sku_trgm', 'trigram index on SKUs');
select has_index('catalog', 'categories', 'idx_categories_tenant_id_path', 'subtree index on category paths');

select * from finish();
rollback;
