-- Every change of on_hand or reserved is one journal row with its reason, order or return, and who; the
-- journal is written only by those changes and never rewritten.
begin;
select plan(10);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_warehouse(:'alpha', 'ACME-RETURNS') as returns_wh \gset
select tests.create_staff_user(:'alpha', 'stock.keeper@example.com') as keeper \gset

select results_eq(
  format($$select reason, on_hand_delta, reserved_delta, moved_by from catalog.stock_movements where variant_id = %L$$, :'variant'),
  $$values ('adjustment'::text, 10::bigint, 0::bigint, null::uuid)$$,
  'creating a stock level journals its first on_hand (a write without a reason is an adjustment)');

select tests.act_as(:'alpha', :'buyer');
select order_id as shipped from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 4), p_idempotency_key => 'shipped') \gset
select order_id as cancelled from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 2), p_idempotency_key => 'cancelled') \gset
select orders.cancel_order(app.current_tenant_id(), :'cancelled');
select orders.fulfil_order(app.current_tenant_id(), :'shipped', tests.lines(:'variant', 1));
select orders.fulfil_order(app.current_tenant_id(), :'shipped', tests.lines(:'variant', 3));
select return_id from orders.request_return(app.current_tenant_id(), p_order_id => :'shipped', p_buyer_id => :'buyer',
  p_lines => tests.lines(:'variant', 2)) \gset
select orders.receive_return(app.current_tenant_id(), :'return_id', :'returns_wh');

select tests.act_as(:'alpha', :'keeper');
select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(jsonb_build_object('variant_id', :'variant', 'warehouse_id', :'warehouse', 'on_hand', 9)));
select catalog.adjust_stock_levels(app.current_tenant_id(), jsonb_build_array(jsonb_build_object('variant_id', :'variant', 'warehouse_id', :'returns_wh', 'delta', -1)));
update catalog.stock_levels set on_hand = on_hand + 1 where warehouse_id = :'warehouse';

select results_eq(
  format($$select reason, warehouse_id = %L, on_hand_delta, reserved_delta, order_id, return_id, moved_by
    from catalog.stock_movements where variant_id = %L and moved_by is not null order by 1, 2, 3, 4$$, :'warehouse', :'variant'),
  format($$select * from (values
    ('order', true, 0::bigint, 4::bigint, %1$L::uuid, null::uuid, %3$L::uuid),
    ('order', true, 0, 2, %2$L, null, %3$L),
    ('cancel', true, 0, -2, %2$L, null, %3$L),
    ('fulfilment', true, -1, -1, %1$L, null, %3$L),
    ('fulfilment', true, -3, -3, %1$L, null, %3$L),
    ('return', false, 2, 0, %1$L, %4$L, %3$L),
    ('sync', true, 3, 0, null, null, %5$L),
    ('adjustment', false, -1, 0, null, null, %5$L),
    ('adjustment', true, 1, 0, null, null, %5$L)) v order by 1, 2, 3, 4$$, :'shipped', :'cancelled', :'buyer', :'return_id', :'keeper'),
  'each order, cancel, shipment, return, sync, adjustment and direct write is one movement with its order or return and who');

select results_eq(
  $$select s.warehouse_id, s.on_hand, s.reserved from catalog.stock_levels s order by 1$$,
  $$select m.warehouse_id, sum(m.on_hand_delta)::bigint, sum(m.reserved_delta)::bigint from catalog.stock_movements m group by 1 order by 1$$,
  'per level, the journal adds up to on_hand and reserved');

select lives_ok($$update catalog.stock_levels set on_hand = on_hand$$, 'a write that changes nothing is allowed');
select is((select count(*) from catalog.stock_movements), 10::bigint, '... and journals nothing');

select throws_ok(format($$insert into catalog.stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason)
  values (%L, %L, 100, 0, 'adjustment')$$, :'variant', :'warehouse'), 'B2213', null,
  'the application cannot write the journal directly');
select throws_ok($$update catalog.stock_movements set on_hand_delta = 0$$, '42501', null, 'the application cannot update the journal');
select throws_ok($$delete from catalog.stock_movements$$, '42501', null, 'the application cannot delete from the journal');

select tests.clear_actor();
select throws_ok($$update catalog.stock_movements set on_hand_delta = 0$$, 'B2214', null, 'the journal is append-only, even for the owner');
select throws_ok($$delete from catalog.stock_movements$$, 'B2214', null, '... no delete either');

select * from finish();
rollback;
