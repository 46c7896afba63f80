-- Every accounts and catalog table with updated_at keeps it current through app.set_updated_at().
begin;
select plan(3);

select is_empty($$
  select t.qualified
  from tests.linted_tables t
  join pg_attribute a on a.attrelid = t.oid and a.attname = 'updated_at' and not a.attisdropped
  where t.schema_name in ('accounts', 'catalog')
    and not exists (
      select from pg_trigger g
      where g.tgrelid = t.oid and g.tgfoid = 'app.set_updated_at()'::regprocedure and not g.tgisinternal
    )
$$, 'every table with updated_at has a trigger calling app.set_updated_at()');

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
update accounts.companies set updated_at = '2020-01-01' where company_id = :'acme';
select tests.create_product(:'alpha', 'Drill') as drill \gset
update catalog.products set updated_at = '2020-01-01' where product_id = :'drill';

select tests.act_as(:'alpha');
update accounts.companies set legal_name = 'Acme AG' where company_id = :'acme';
update catalog.products set attributes = '{}' where product_id = :'drill';

select is((select updated_at from accounts.companies where company_id = :'acme'), now(),
  'a company update sets updated_at to now() (the app cannot write updated_at itself)');
select is((select updated_at from catalog.products where product_id = :'drill'), now(),
  'a product update sets updated_at to now()');

select * from finish();
rollback;
