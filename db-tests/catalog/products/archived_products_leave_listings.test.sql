-- Archiving keeps the product, its variants and translations, but takes it out of live listings.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_product(:'alpha', 'Old drill') as old_drill \gset
select tests.create_product(:'alpha', 'New drill') as new_drill \gset
select tests.create_variant(:'alpha', :'old_drill', 'OLD-1') as old_variant \gset

select tests.act_as(:'alpha');

select lives_ok(format($$update catalog.products set archived_at = now() where product_id = %L$$, :'old_drill'),
  'a product is archived');
select is((select array_agg(product_id) from catalog.products where archived_at is null), array[:'new_drill'::uuid],
  'live listings show only the product that is not archived');
select isnt_empty(format($$select 1 from catalog.variants where variant_id = %L$$, :'old_variant'),
  'the archived product''s variants keep their history');
select isnt_empty(format($$select 1 from catalog.resolve_translation(app.current_tenant_id(), %L, 'en')$$, :'old_drill'),
  'the archived product''s translations stay');

select * from finish();
rollback;
