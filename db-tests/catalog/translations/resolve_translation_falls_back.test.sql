-- catalog.resolve_translation: requested locale, then its language, then the tenant's default locale,
-- then that locale's language.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
update tenancy.tenants set default_locale = 'de-DE' where tenant_id = :'alpha';
select tests.create_product(:'alpha', 'Bohrmaschine', 'de') as drill \gset
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug) values
  (:'alpha', :'drill', 'de-CH', 'Bohrmaschine (CH)', 'bohrmaschine-ch'),
  (:'alpha', :'drill', 'fr', 'Perceuse', 'perceuse');
select tests.create_product(:'alpha', 'Saege', 'de-DE') as saw \gset
select tests.create_product(:'alpha', 'Hammer', 'en') as hammer \gset
-- every link of the chain present: each rank must beat the ones after it, not only the missing ones
select tests.create_product(:'alpha', 'Zange', 'de') as pliers \gset
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug) values
  (:'alpha', :'pliers', 'de-DE', 'Zange (DE)', 'zange-de'),
  (:'alpha', :'pliers', 'fr', 'Pince', 'pince'),
  (:'alpha', :'pliers', 'fr-CA', 'Pince (CA)', 'pince-ca');

select tests.act_as(:'alpha');

select is((select locale from catalog.resolve_translation(app.current_tenant_id(), :'drill', 'de-CH')), 'de-CH', 'the requested locale wins');
select is((select name from catalog.resolve_translation(app.current_tenant_id(), :'drill', 'de-AT')), 'Bohrmaschine',
  'a missing regional locale falls back to its language');
select is((select locale from catalog.resolve_translation(app.current_tenant_id(), :'drill', 'fr-CA')), 'fr', 'fr-CA falls back to fr');
select is((select locale from catalog.resolve_translation(app.current_tenant_id(), :'saw', 'ja')), 'de-DE',
  'a missing language falls back to the tenant''s default locale');
select is((select locale from catalog.resolve_translation(app.current_tenant_id(), :'drill', 'ja')), 'de',
  'then to the language of the tenant''s default locale');
select is(
  array[
    (select locale from catalog.resolve_translation(app.current_tenant_id(), :'pliers', 'fr-CA')),
    (select locale from catalog.resolve_translation(app.current_tenant_id(), :'pliers', 'fr-BE')),
    (select locale from catalog.resolve_translation(app.current_tenant_id(), :'pliers', 'ja'))
  ],
  array['fr-CA', 'fr', 'de-DE'],
  'with every fallback present: the requested locale, then its language, then the default locale before its language'
);
select is((select count(*)::int from catalog.resolve_translation(app.current_tenant_id(), :'pliers', 'de-DE')), 1,
  'one row, also when the requested locale is the default locale');
select is_empty(format($$select 1 from catalog.resolve_translation(app.current_tenant_id(), %L, 'ja')$$, :'hammer'),
  'no row when nothing in the chain exists');

select tests.clear_actor();
select tests.create_tenant('beta') as beta \gset
select tests.act_as(:'beta');
select is_empty(format($$select 1 from catalog.resolve_translation(app.current_tenant_id(), %L, 'de')$$, :'drill'),
  'another tenant resolves nothing for this product');

select * from finish();
rollback;
