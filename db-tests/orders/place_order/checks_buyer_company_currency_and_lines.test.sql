-- Who may order what: the buyer acts for its own company, is active and may create orders; the company
-- is active; the currency is the company's; lines are well formed, priced and orderable.
begin;
select plan(14);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'alpha', stock => 10, prefix => 'bolt') \gset b_
select tests.create_buyer_role(:'alpha', 'viewer', array['orders.view_all']) as viewer_role \gset
select tests.create_buyer(:'alpha', :'company', :'viewer_role', 'viewer@example.com') as viewer \gset
select tests.create_buyer(:'alpha', :'company', :'purchaser_role', 'gone@example.com') as gone \gset
update accounts.buyers set status = 'disabled' where buyer_id = :'gone';
select tests.create_product(:'alpha', 'Unpriced') as unpriced_product \gset
select tests.create_variant(:'alpha', :'unpriced_product', 'UNPRICED-1') as unpriced \gset
select tests.create_product(:'alpha', 'Old') as old_product \gset
select tests.create_variant(:'alpha', :'old_product', 'OLD-1') as old \gset
select tests.set_base_price(:'alpha', :'old', 1);
update catalog.variants set archived_at = now() where variant_id = :'old';

-- place(company, buyer, currency, lines) as a statement, for throws_ok
create function pg_temp.place(company uuid, buyer uuid, currency text, lines jsonb) returns text language sql as $$
  select format('select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => %L, p_lines => %L, p_idempotency_key => %L)',
    company, buyer, currency, lines, gen_random_uuid())
$$;

select tests.act_as(:'alpha', :'buyer');


select throws_ok(pg_temp.place(:'company', :'b_buyer', 'EUR', tests.lines(:'variant', 1)), 'B2104', null,
  'a buyer of another company cannot order for this one');
select throws_ok(pg_temp.place(:'company', gen_random_uuid(), 'EUR', tests.lines(:'variant', 1)), 'B2104', null,
  'an unknown buyer gets the same answer');
select throws_ok(pg_temp.place(:'company', :'gone', 'EUR', tests.lines(:'variant', 1)), 'B2105', null,
  'a disabled buyer cannot order');
select throws_ok(pg_temp.place(:'company', :'viewer', 'EUR', tests.lines(:'variant', 1)), 'B3009', null,
  'a buyer whose role lacks orders.create cannot order');
select throws_ok(pg_temp.place(:'company', :'buyer', 'USD', tests.lines(:'variant', 1)), 'B3005', null,
  'an order is in the company''s currency');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', '[]'), 'B3007', null, 'an order has lines');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', '{"variant_id": "x"}'), 'B3007', null, 'lines are an array');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', jsonb_build_array(jsonb_build_object('variant_id', :'variant'::uuid))),
  'B3007', null, 'a line has a quantity');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', tests.lines(:'variant', 1) || tests.lines(:'variant', 2)),
  'B3007', null, 'a variant is on one line only');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', tests.lines(:'variant', 0)), 'B3007', null,
  'a quantity is at least 1');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', tests.lines(:'unpriced', 1)), 'B3008', null,
  'a variant without a price cannot be ordered');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', tests.lines(gen_random_uuid(), 1)), 'B3008', null,
  'an unknown variant has no price either');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', tests.lines(:'old', 1)), 'B3014', null,
  'a discontinued variant cannot be ordered');

select tests.clear_actor();
update accounts.companies set status = 'on_hold' where company_id = :'company';
select tests.act_as(:'alpha', :'buyer');
select throws_ok(pg_temp.place(:'company', :'buyer', 'EUR', tests.lines(:'variant', 1)), 'B3011', null,
  'a company on hold cannot order');


select * from finish();
rollback;
