-- Idempotency: a key binds to the request it was first sent with. The same operation with the same request
-- (however its JSON is spelled, lines in any order) returns the first order and changes nothing; the key
-- with another request (quantity, lines, currency, company, buyer, address, purchase order number) or with
-- another operation (create_draft then place_order, or the reverse) is refused with B3004
-- (idempotency_key_reused) and changes nothing either; keys are per tenant.
begin;
select plan(30);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 100) \gset
select tests.create_buyer(:'alpha', :'company', :'purchaser_role', 'other@example.com') as other_buyer \gset
select tests.create_variant(:'alpha', (select product_id from catalog.variants where variant_id = :'variant'), 'ACME-DR-2') as variant2 \gset
select tests.set_stock(:'alpha', :'variant2', :'warehouse', 100);
select tests.set_base_price(:'alpha', :'variant2', 3.00);
insert into accounts.addresses (tenant_id, company_id, kind, is_default, recipient, line1, locality, postal_code, country_code)
values (:'alpha', :'company', 'shipping', true, 'Dock A', 'Hafenstrasse 1', 'Hamburg', '20457', 'DE'),
       (:'alpha', :'company', 'shipping', false, 'Dock B', 'Hafenstrasse 2', 'Hamburg', '20457', 'DE');
select address_id as dock_b from accounts.addresses where recipient = 'Dock B' \gset
select * from tests.create_order_world(:'beta', stock => 10, prefix => 'bolt') \gset b_

select tests.act_as(:'alpha', :'buyer');
select order_id as first_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'retry-me') \gset

-- the same request, spelled differently
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'retry-me')).order_id, :'first_id'::uuid,
  'a retry with the same request returns the first order');
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => format('[ { "quantity" : 1 ,"variant_id":"%s"} ]', upper(:'variant'))::jsonb,
  p_idempotency_key => 'retry-me')).order_id, :'first_id'::uuid,
  'key order, whitespace and uuid case in the lines JSON do not make another request');

-- the issue's example: K for 1 unit, then K for 5 units
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 5), p_idempotency_key => 'retry-me')$$, :'company', :'buyer', :'variant'),
  'B3004', 'idempotency key retry-me was already used for a different place_order request (company, buyer, currency, lines, purchase order number or addresses differ): send a new key for a new request',
  'the key with another quantity is refused, and the message says so');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => jsonb_build_array(jsonb_build_object('variant_id', %L::uuid, 'quantity', 1), jsonb_build_object('variant_id', %L::uuid, 'quantity', 1)),
  p_idempotency_key => 'retry-me')$$, :'company', :'buyer', :'variant', :'variant2'),
  'B3004', null, 'the key with one more line is refused');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'retry-me')$$, :'company', :'buyer', :'variant2'),
  'B3004', null, 'the key with another variant is refused');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'retry-me')$$, :'company', :'other_buyer', :'variant'),
  'B3004', null, 'the key from another buyer of the company is refused');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'retry-me', p_shipping_address_id => %L)$$,
  :'company', :'buyer', :'variant', :'dock_b'),
  'B3004', null, 'the key with another shipping address is refused');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'retry-me', p_purchase_order_number => 'PO-7')$$,
  :'company', :'buyer', :'variant'),
  'B3004', null, 'the key with another purchase order number is refused');
select throws_ok(format($$select orders.create_draft(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'retry-me')$$, :'company', :'buyer', :'variant'),
  'B3004', 'idempotency key retry-me was already used for place_order, not create_draft: send a new key for a new request',
  'the key of a placed order cannot create a draft');
select is((select total_amount from orders.orders where order_id = :'first_id'), 10.0000::numeric(19,4),
  'the refused requests changed nothing: the first order is as placed');
select is((select count(*) from orders.orders), 1::bigint, 'one order exists');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 1::bigint, 'stock is reserved once');

-- the currency is part of the request: the company's currency changes, the retry in the new one is refused
select tests.clear_actor();
update accounts.companies set default_currency = 'USD' where company_id = :'company';
select tests.act_as(:'alpha', :'buyer');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'USD',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'retry-me')$$, :'company', :'buyer', :'variant'),
  'B3004', null, 'the key with another currency is refused');
select tests.clear_actor();
update accounts.companies set default_currency = 'EUR' where company_id = :'company';
select tests.act_as(:'alpha', :'buyer');

-- the issue's second example: a key first used by create_draft does not place (nor return) the draft
select order_id as draft_id from orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'draft-key') \gset
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 1), p_idempotency_key => 'draft-key')$$, :'company', :'buyer', :'variant'),
  'B3004', 'idempotency key draft-key was already used for create_draft, not place_order: send a new key for a new request',
  'place_order with the key of a draft is refused, with the same lines too');
select is((select state from orders.orders where order_id = :'draft_id'), 'draft', 'the draft stays a draft');
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 1::bigint, 'and reserves nothing');
select is((orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'draft-key')).order_id, :'draft_id'::uuid,
  'create_draft retried with the same request returns the draft');
select throws_ok(format($$select orders.create_draft(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 2), p_idempotency_key => 'draft-key')$$, :'company', :'buyer', :'variant'),
  'B3004', null, 'create_draft retried with another quantity is refused');
-- editing the draft does not rebind its key: the key names the request that created it
select version as draft_version from orders.orders where order_id = :'draft_id' \gset
select orders.update_draft(app.current_tenant_id(), p_order_id => :'draft_id', p_expected_version => :draft_version, p_lines => tests.lines(:'variant', 3)) is not null as edited \gset
select is((orders.create_draft(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'draft-key')).order_id, :'draft_id'::uuid,
  'after an edit, a retry of the creating request still returns the draft');

-- several lines: the same lines in another order are the same request (an order has one line per variant)
select order_id as multi_id from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => jsonb_build_array(jsonb_build_object('variant_id', :'variant'::uuid, 'quantity', 2),
    jsonb_build_object('variant_id', :'variant2'::uuid, 'quantity', 4)),
  p_idempotency_key => 'multi', p_shipping_address_id => :'dock_b', p_purchase_order_number => 'PO-1') \gset
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => jsonb_build_array(jsonb_build_object('variant_id', :'variant2'::uuid, 'quantity', 4),
    jsonb_build_object('variant_id', :'variant'::uuid, 'quantity', 2)),
  p_idempotency_key => 'multi', p_shipping_address_id => :'dock_b', p_purchase_order_number => 'PO-1')).order_id,
  :'multi_id'::uuid, 'the same lines in another order are the same request');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => jsonb_build_array(jsonb_build_object('variant_id', %L::uuid, 'quantity', 4), jsonb_build_object('variant_id', %L::uuid, 'quantity', 2)),
  p_idempotency_key => 'multi', p_shipping_address_id => %L, p_purchase_order_number => 'PO-1')$$,
  :'company', :'buyer', :'variant', :'variant2', :'dock_b'),
  'B3004', null, 'the quantities swapped between the lines are another request');
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => jsonb_build_array(jsonb_build_object('variant_id', %L::uuid, 'quantity', 2), jsonb_build_object('variant_id', %L::uuid, 'quantity', 4)),
  p_idempotency_key => 'multi', p_purchase_order_number => 'PO-1')$$, :'company', :'buyer', :'variant', :'variant2'),
  'B3004', null, 'the default address instead of the one named is another request');

-- a refused request does not consume the key of a new one: another key places normally
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 5), p_idempotency_key => 'retry-me-2')).state, 'placed',
  'the 5 units are placed under a new key');

-- a refused first attempt stores nothing (its transaction is undone with its key): the key is free for a
-- retry after the cause is fixed, and for another request too; only a stored result binds a key
select throws_ok(format($$select orders.place_order(app.current_tenant_id(), p_company_id => %L, p_buyer_id => %L, p_currency => 'EUR',
  p_lines => tests.lines(%L, 5000), p_idempotency_key => 'short-first')$$, :'company', :'buyer', :'variant'),
  'B3201', null, 'a first attempt refused for lack of stock');
select is((select count(*) from orders.orders where idempotency_key = 'short-first'), 0::bigint,
  'leaves no order behind to bind the key');
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 3), p_idempotency_key => 'short-first')).state, 'placed',
  'so the key places a corrected request');

-- direct writes cannot store a key without its request
select throws_ok(format($$insert into orders.orders (company_id, buyer_id, currency, idempotency_key, payment_terms_days)
  values (%L, %L, 'EUR', 'bare-key', 30)$$, :'company', :'buyer'),
  '23514', 'new row for relation "orders" violates check constraint "chk_orders_idempotency_key_bound_to_request"',
  'a key inserted without its operation and fingerprint is refused');

-- keys are per tenant: beta's key of the same text is its own, with its own request
select tests.act_as(:'beta', :'b_buyer');
select isnt((orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 3), p_idempotency_key => 'retry-me')).order_id, :'first_id'::uuid,
  'another tenant''s key of the same text is another order, with another request');
select is((select count(*) from orders.orders), 1::bigint, 'beta sees only its own order');
select is((orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 3), p_idempotency_key => 'retry-me')).total_amount, 30.0000::numeric(19,4),
  'and beta''s retry returns beta''s order');

select * from finish();
rollback;
