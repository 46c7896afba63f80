-- An ERP count sets on_hand (never reserved), records the difference as a sync movement, creates new
-- levels, and is refused below what open orders have reserved; malformed batches are refused whole.
begin;
select plan(15);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_warehouse(:'alpha', 'ACME-EAST') as east \gset


select tests.act_as(:'alpha', :'buyer');
select orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'a');

select results_eq(
  format($$select on_hand, reserved, available from catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 8)))$$, :'variant', :'warehouse'),
  $$values (8::bigint, 6::bigint, 2::bigint)$$,
  'a count sets on_hand and leaves the 6 reserved units alone');
select results_eq($$select reason, on_hand_delta, reserved_delta from catalog.stock_movements where reason = 'sync'$$,
  $$values ('sync'::text, -2::bigint, 0::bigint)$$, 'the difference is one sync movement');

select throws_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 5)))$$, :'variant', :'warehouse'),
  'B2210', format('stock of variant %s in warehouse %s cannot be set to 5: open orders have 6 units reserved there', :'variant', :'warehouse'),
  'a count below the reserved units is refused');
select lives_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 6)))$$, :'variant', :'warehouse'),
  'a count of exactly the reserved units is accepted');
select is((select available from catalog.stock_levels where warehouse_id = :'warehouse'), 0::bigint, '... and leaves nothing available');
select tests.throws_constraint(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', -1)))$$, :'variant', :'east'),
  'chk_stock_levels_on_hand_not_negative', 'a negative count is refused (stock_negative)');

select throws_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 3), tests.stock_row(%L, %L, 'on_hand', 1)))$$,
  :'variant', :'east', :'variant', :'warehouse'), 'B2210', null, 'one count below reserved refuses the whole batch');
select is((select count(*) from catalog.stock_levels where warehouse_id = :'east'), 0::bigint, '... nothing of it is written');

select results_eq(
  format($$select warehouse_id, on_hand from catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 3), tests.stock_row(%L, %L, 'on_hand', 7)))$$,
    :'variant', :'east', :'variant', :'warehouse'),
  format($$select * from (values (%L::uuid, 3::bigint), (%L::uuid, 7::bigint)) v order by 1$$, :'east', :'warehouse'),
  'a batch creates new levels and updates existing ones, returned by (variant, warehouse)');

update catalog.warehouses set is_active = false where warehouse_id = :'warehouse';
select lives_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 9)))$$, :'variant', :'warehouse'),
  'a deactivated warehouse still takes counts (its units are still there)');
select throws_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 0)))$$, :'variant', :'warehouse'),
  'B2210', null, '... and keeps its reservations protected');

select throws_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 1.5)))$$, :'variant', :'east'),
  'B2211', null, 'a fractional count is refused');
select throws_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 1), tests.stock_row(%L, %L, 'on_hand', 2)))$$,
  :'variant', :'east', :'variant', :'east'), 'B2211', null, 'a level counted twice in one batch is refused');
select throws_ok($$select catalog.sync_stock_levels(app.current_tenant_id(), '[{"variant_id": "x", "warehouse_id": "y", "on_hand": 1}]')$$,
  'B2211', null, 'malformed ids are refused with the typed error, not a cast error');
select throws_ok(format($$select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'on_hand', 1)), 'order')$$, :'variant', :'east'),
  'B2211', null, 'a count is recorded as sync or adjustment only');

select * from finish();
rollback;
