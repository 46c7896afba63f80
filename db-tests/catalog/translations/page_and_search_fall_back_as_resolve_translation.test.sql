-- catalog.product_page and catalog.search_products apply catalog.resolve_translation's fallback inside
-- their own statements (not a function call per row): for every product and requested locale of the
-- fallback fixture, both show the translation resolve_translation gives. As b2b_app.
begin;
select plan(3);

select tests.create_tenant('alpha') as alpha \gset
update tenancy.tenants set default_locale = 'de-DE' where tenant_id = :'alpha';
select tests.create_product(:'alpha', 'Bohrmaschine', 'de') as drill \gset
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug) values
  (:'alpha', :'drill', 'de-CH', 'Bohrmaschine CH', 'bohrmaschine-ch'),
  (:'alpha', :'drill', 'fr', 'Perceuse', 'perceuse');
select tests.create_product(:'alpha', 'Saege', 'de-DE') as saw \gset
select tests.create_product(:'alpha', 'Hammer', 'en') as hammer \gset
select tests.create_product(:'alpha', 'Zange', 'de') as pliers \gset
insert into catalog.product_translations (tenant_id, product_id, locale, name, slug) values
  (:'alpha', :'pliers', 'de-DE', 'Zange DE', 'zange-de'),
  (:'alpha', :'pliers', 'fr', 'Pince', 'pince'),
  (:'alpha', :'pliers', 'fr-CA', 'Pince CA', 'pince-ca');

-- every product with every requested locale (a table of the test schema, dropped with the rollback)
create table tests.translation_cases as
select p.product_id, l.locale
from catalog.products p
cross join (values ('de-CH'), ('de-AT'), ('de'), ('de-DE'), ('fr-CA'), ('fr-BE'), ('fr'), ('en'), ('en-GB'), ('ja')) l(locale)
where p.tenant_id = :'alpha';
grant select on tests.translation_cases to b2b_app;

select tests.act_as(:'alpha');

select is(
  (select count(*)::int from tests.translation_cases c
   cross join lateral catalog.product_page(app.current_tenant_id(), c.product_id, c.locale, null, null, 'EUR', 1) pp
   left join lateral catalog.resolve_translation(app.current_tenant_id(), c.product_id, c.locale) r on true
   where (pp.locale, pp.name, pp.slug, pp.description) is distinct from (r.locale, r.name, r.slug, r.description)),
  0, 'the product page shows resolve_translation''s translation for every product and locale');
select is(
  (select count(distinct coalesce(pp.locale, '-'))::int from tests.translation_cases c
   cross join lateral catalog.product_page(app.current_tenant_id(), c.product_id, c.locale, null, null, 'EUR', 1) pp),
  7, 'the cases reach every rank of the fallback and the missing translation (de-CH de de-DE fr fr-CA en, none)');
-- search by each product's own name in every locale: the hit carries resolve_translation's translation
select is(
  (select count(*)::int from tests.translation_cases c
   cross join lateral catalog.search_products(app.current_tenant_id(),
     (select t.name from catalog.product_translations t where t.product_id = c.product_id order by t.locale limit 1),
     c.locale, null, null, null, null, null, null, false, null, null, 24) s
   left join lateral catalog.resolve_translation(app.current_tenant_id(), s.product_id, c.locale) r on true
   where (s.locale, s.name, s.slug) is distinct from (r.locale, r.name, r.slug)),
  0, 'search hits carry resolve_translation''s translation for every product and locale');

select * from finish();
rollback;
