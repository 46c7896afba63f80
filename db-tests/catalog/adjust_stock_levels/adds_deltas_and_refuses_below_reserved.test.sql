-- A relative adjustment adds signed deltas to on_hand (never reserved), journaled as adjustment; a result
-- below what open orders have reserved, or below 0, is refused.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_warehouse(:'alpha', 'ACME-EAST') as east \gset


select tests.act_as(:'alpha', :'buyer');
select orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'a');

select results_eq(
  format($$select on_hand, reserved from catalog.adjust_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'delta', -3), tests.stock_row(%L, %L, 'delta', 5)))$$,
    :'variant', :'warehouse', :'variant', :'east'),
  format($$select o, r from (values (%L::uuid, 7::bigint, 6::bigint), (%L::uuid, 5::bigint, 0::bigint)) v(w, o, r) order by w$$, :'warehouse', :'east'),
  'deltas move on_hand of existing and new levels; reserved stays');
select results_eq($$select warehouse_id, on_hand_delta, reason from catalog.stock_movements where reason = 'adjustment' and moved_by is not null order by 1$$,
  format($$select * from (values (%L::uuid, -3::bigint, 'adjustment'::text), (%L::uuid, 5::bigint, 'adjustment'::text)) v order by 1$$, :'warehouse', :'east'),
  'each is one adjustment movement');
select throws_ok(format($$select catalog.adjust_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'delta', -2)))$$, :'variant', :'warehouse'),
  'B2210', null, 'an adjustment below the reserved units is refused');
select lives_ok(format($$select catalog.adjust_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'delta', -1)))$$, :'variant', :'warehouse'),
  'down to exactly the reserved units is accepted');
select tests.throws_constraint(format($$select catalog.adjust_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'delta', -6)))$$, :'variant', :'east'),
  'chk_stock_levels_on_hand_not_negative', 'below 0 is refused (stock_negative)');
select lives_ok(format($$select catalog.adjust_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(%L, %L, 'delta', 0)))$$, :'variant', :'east'),
  'a zero delta is accepted');
select is((select count(*) from catalog.stock_movements where reason = 'adjustment' and moved_by is not null), 3::bigint,
  '... and journals nothing');

select * from finish();
rollback;
