-- catalog.resolve_translation: requested locale, then its language, then the tenant's default locale,
-- then that locale's language.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
update tenancy.tenants set default_locale = 'de-DE' where tenant_id = :'alpha';
select tests.create_product(:'alpha', 'Bohrmaschine', 'de') as drill \gset
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug) values
  (:'alpha', :'drill', 'de-CH', 'Bohrmaschine (CH)', 'bohrmaschine-ch'),
  (:'alpha', :'drill', 'fr', 'Perceuse', 'perceuse');
select tests.create_product(:'alpha', 'Saege', 'de-DE') as saw \gset
select tests.create_product(:'alpha', 'Hammer', 'en') as hammer \gset

select tests.act_as(:'alpha');

select is((select locale from catalog.resolve_translation(:'drill', 'de-CH')), 'de-CH', 'the requested locale wins');
select is((select name from catalog.resolve_translation(:'drill', 'de-AT')), 'Bohrmaschine',
  'a missing regional locale falls back to its language');
select is((select locale from catalog.resolve_translation(:'drill', 'fr-CA')), 'fr', 'fr-CA falls back to fr');
select is((select locale from catalog.resolve_translation(:'saw', 'ja')), 'de-DE',
  'a missing language falls back to the tenant''s default locale');
select is((select locale from catalog.resolve_translation(:'drill', 'ja')), 'de',
  'then to the language of the tenant''s default locale');
select is_empty(format($$select 1 from catalog.resolve_translation(%L, 'ja')$$, :'hammer'),
  'no row when nothing in the chain exists');

select tests.clear_actor();
select tests.create_tenant('beta') as beta \gset
select tests.act_as(:'beta');
select is_empty(format($$select 1 from catalog.resolve_translation(%L, 'de')$$, :'drill'),
  'another tenant resolves nothing for this product');

select * from finish();
rollback;
