-- A company's buyers carry its minor units. ON UPDATE CASCADE kept them equal until Citus refused that
-- action on distributed tables: now trg_companies_after_update_minor_units updates the buyers, and the key
-- (checked at commit) still proves the copies equal. As b2b_app, as the application changes a currency.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha') \gset
select tests.create_buyer(:'alpha', :'company', :'purchaser_role', 'second@example.com') as second \gset

select set_config('app.tenant_id', :'alpha', true);
set local role b2b_app;
select lives_ok(format($$update accounts.companies set default_currency = 'JPY' where company_id = %L$$, :'company'),
  'the application moves a company to JPY');
select results_eq(format($$select b.minor_units from accounts.buyers b where b.company_id = %L order by b.buyer_id$$, :'company'),
  $$values (0::smallint), (0::smallint)$$, 'every buyer of the company now carries JPY''s 0 minor units');
select lives_ok('set constraints accounts.fk_buyers_tenant_id_company_id_minor_units_companies immediate',
  'the key between them holds when checked');
select is(
  (select confupdtype::text || ' ' || condeferred::text from pg_constraint
   where conname = 'fk_buyers_tenant_id_company_id_minor_units_companies'),
  'a true', 'the key has no ON UPDATE action (Citus refuses CASCADE) and is checked at commit');

select * from finish();
rollback;
