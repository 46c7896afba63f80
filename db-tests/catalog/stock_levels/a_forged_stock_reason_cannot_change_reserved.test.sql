-- Reserved stock belongs to the orders that reserved it, whatever settings the application role sets:
-- a forged stock reason (catalog.set_stock_reason or set_config with the setting the journal trigger
-- reads) does not let a direct write change reserved, the journal or the allocations, and the stock
-- functions that do change reserved (security definer, owned by b2b_owner) act only for an order in
-- the state that calls for it, and only within the current tenant.
begin;
select plan(23);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select variant as beta_variant, buyer as beta_buyer, company as beta_company
from tests.create_order_world(:'beta', stock => 10, prefix => 'beta') \gset

select tests.act_as(:'alpha', :'buyer');
select order_id as order_a from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'a') \gset
select is((select (on_hand, reserved)::text from catalog.stock_levels where variant_id = :'variant'), '(10,6)',
  'placing an order reserves its 6 units');

-- 1. forged reasons with a direct write of reserved
select throws_ok(format($$select catalog.set_stock_reason('cancel', %L); update catalog.stock_levels set reserved = reserved - 1$$,
  :'order_a'), '42501', null, 'a forged cancel reason naming a real order cannot release reserved units by a direct update');
select throws_ok(format($$select pg_catalog.set_config('app.stock_reason', 'order', true), pg_catalog.set_config('app.stock_order_id', %L, true);
  update catalog.stock_levels set reserved = reserved + 1$$, :'order_a'), '42501', null,
  'set_config of the setting the journal trigger reads cannot reserve units by a direct update');
select throws_ok(format($$select catalog.set_stock_reason('fulfilment', %L); update catalog.stock_levels set on_hand = on_hand - 1, reserved = reserved - 1$$,
  :'order_a'), '42501', null, 'a forged fulfilment reason cannot consume reserved units by a direct update');
select throws_ok(format($$select catalog.set_stock_reason('order', %L);
  insert into catalog.stock_levels (variant_id, warehouse_id, on_hand) values (%L, %L, 10)
  on conflict (tenant_id, variant_id, warehouse_id) do update set reserved = catalog.stock_levels.reserved + 1$$,
  :'order_a', :'variant', :'warehouse'), '42501', null, 'nor an upsert whose conflict branch sets reserved');

-- 2. forged reasons with a direct write of the journal, or of the allocations release_stock reads
select throws_ok(format($$select catalog.set_stock_reason('cancel', %L);
  insert into catalog.stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id)
  values (%L, %L, 0, -6, 'cancel', %L)$$, :'order_a', :'variant', :'warehouse', :'order_a'), 'B2213', null,
  'a forged cancel reason cannot append a journal row directly');
select throws_ok($$create temporary table t (x int)$$, '42501', null,
  'nor can the application role create a table (and trigger) of its own to insert into the journal at trigger depth 2');
select throws_ok(format($$update orders.order_allocations set reserved_quantity = 10 where order_id = %L$$, :'order_a'),
  '42501', null, 'the allocations an order releases cannot be raised by a direct update');
select throws_ok(format($$insert into orders.order_allocations (order_id, variant_id, warehouse_id, reserved_quantity)
  values (%L, %L, %L, 4)$$, :'order_a', :'variant', :'warehouse'), '42501', null, 'nor added by a direct insert');

-- 3. the stock functions themselves, called out of turn
select throws_ok(format($$select orders.release_stock(app.current_tenant_id(), %L)$$, :'order_a'), 'B2212', null,
  'release_stock called directly for an open order releases nothing');
select throws_ok(format($$select orders.reserve_stock(app.current_tenant_id(), %L)$$, :'order_a'), 'B2212', null,
  'reserve_stock called again for an order that already reserved reserves nothing');
select throws_ok(format($$select orders.consume_stock(app.current_tenant_id(), %L, %L::jsonb)$$, :'order_a', tests.lines(:'variant', 7)), 'B2212', null,
  'consume_stock cannot consume more than the order has outstanding');
select is((select (on_hand, reserved)::text from catalog.stock_levels where variant_id = :'variant'), '(10,6)',
  'after every forgery the level is as the order left it');
select is((select coalesce(sum(reserved_delta), 0) from catalog.stock_movements where variant_id = :'variant'), 6::numeric,
  'and the journal records only the order''s reservation');

-- 4. the definer functions see only the current tenant (stock tables force row-level security)
select is((select string_agg(p.proname || ':' || p.proowner::regrole::text, ',' order by p.proname)
  from pg_proc p where p.prosecdef and p.pronamespace = 'orders'::regnamespace),
  'consume_stock:b2b_owner,release_stock:b2b_owner,reserve_stock:b2b_owner',
  'the stock writers are security definer functions owned by b2b_owner');
select tests.act_as(:'beta', :'beta_buyer');
select throws_ok(format($$select orders.release_stock(app.current_tenant_id(), %L)$$, :'order_a'), 'B2212', null,
  'tenant beta cannot release tenant alpha''s order through the definer function');
select throws_ok(format($$select orders.reserve_stock(app.current_tenant_id(), %L)$$, :'order_a'), 'B2212', null,
  'nor reserve for it');
select tests.act_as(:'alpha', :'buyer');
select is((select (on_hand, reserved)::text from catalog.stock_levels where variant_id = :'variant'), '(10,6)',
  'tenant alpha''s stock is untouched');

-- 5. the order functions still reserve, release and ship
select is((orders.cancel_order(app.current_tenant_id(), :'order_a')).state, 'cancelled', 'the order that reserved the units can release them');
select is((select (on_hand, reserved)::text from catalog.stock_levels where variant_id = :'variant'), '(10,0)',
  'cancelling released exactly its 6 units');
select order_id as order_b from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 2), p_idempotency_key => 'b') \gset
select is((orders.fulfil_order(app.current_tenant_id(), :'order_b')).state, 'fulfilled', 'an order still ships through fulfil_order');
select is((select (on_hand, reserved)::text from catalog.stock_levels where variant_id = :'variant'), '(8,0)',
  'shipping consumed its 2 reserved units');
select is((select string_agg(reason || ':' || on_hand_delta || ':' || reserved_delta, ',' order by reason, reserved_delta)
  from catalog.stock_movements where variant_id = :'variant' and order_id is not null),
  'cancel:0:-6,fulfilment:-2:-2,order:0:2,order:0:6', 'and the journal holds exactly the orders'' movements');

select * from finish();
rollback;
