-- catalog.viewer_pricing, the check every buyer-facing read starts with, and catalog.product_page, which
-- makes it in the same call: a buyer sees its own company's prices in the company's currency, a visitor
-- base prices in a supported currency; anything else is refused before a product is read. As b2b_app.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_company(:'alpha', 'Bolt') as bolt \gset
update accounts.companies set default_currency = 'CHF' where company_id = :'acme';
select tests.create_buyer_role(:'alpha', 'Purchaser', '{orders.create}') as purchaser \gset
select tests.create_buyer(:'alpha', :'acme', :'purchaser', 'ann@acme.example') as ann \gset

select tests.act_as(:'alpha');

select is((select row(v.company_id, v.currency)::text from catalog.viewer_pricing(app.current_tenant_id(), :'ann', :'acme', null) v),
  row(:'acme'::uuid, 'CHF')::text,
  'a buyer acting for its company sees that company''s prices in its currency');
select is((select row(v.company_id, v.currency)::text from catalog.viewer_pricing(app.current_tenant_id(), :'ann', :'acme', 'EUR') v),
  row(:'acme'::uuid, 'CHF')::text,
  'a currency asked for by a buyer is ignored: the company''s currency applies');
select is((select row(v.company_id, v.currency)::text from catalog.viewer_pricing(app.current_tenant_id(), null, null, 'EUR') v),
  row(null::uuid, 'EUR')::text,
  'a visitor sees base prices (no company) in the currency asked for');
select throws_ok(format('select catalog.viewer_pricing(app.current_tenant_id(), %L, %L, null)', :'ann', :'bolt'), 'B2104', null,
  'a buyer acting for another company is refused');
select throws_ok($$select catalog.viewer_pricing(app.current_tenant_id(), null, null, 'XYZ')$$, 'B2204', null,
  'an unsupported currency is refused');
select throws_ok($$select catalog.viewer_pricing(app.current_tenant_id(), null, null, null)$$, 'B2204', null,
  'a visitor without a currency is refused');

-- the product page checks the viewer before it reads the product (an unknown product would give no row)
select throws_ok(format($$select * from catalog.product_page(app.current_tenant_id(), gen_random_uuid(), 'en', null, null, 'XYZ', 1)$$),
  'B2204', null, 'the product page refuses an unsupported currency');
select throws_ok(format($$select * from catalog.product_page(app.current_tenant_id(), gen_random_uuid(), 'en', %L, %L, null, 1)$$, :'ann', :'bolt'),
  'B2104', null, 'the product page refuses a buyer acting for another company');
update accounts.buyers set status = 'disabled' where buyer_id = :'ann';
select throws_ok(format($$select * from catalog.product_page(app.current_tenant_id(), gen_random_uuid(), 'en', %L, %L, null, 1)$$, :'ann', :'acme'),
  'B2105', null, 'the product page refuses a disabled buyer');

select * from finish();
rollback;
