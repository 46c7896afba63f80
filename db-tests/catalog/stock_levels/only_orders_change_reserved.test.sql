-- Reserved stock belongs to the orders that reserved it: the application role cannot insert it or update
-- it at all (no grant names it: only the security definer stock writers change it), and cannot take
-- on_hand below it; the order functions can. A role that holds the privilege (the owner) still cannot
-- change it without an order reason (trg_stock_levels_after_update). Forged reasons:
-- a_forged_stock_reason_cannot_change_reserved.test.sql.
begin;
select plan(11);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.create_warehouse(:'alpha', 'SPARE') as spare \gset

select tests.act_as(:'alpha', :'buyer');
select order_id as order_a from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 6), p_idempotency_key => 'a') \gset
select is((select reserved from catalog.stock_levels where variant_id = :'variant'), 6::bigint, 'placing an order reserves');

select throws_ok(format($$insert into catalog.stock_levels (variant_id, warehouse_id, on_hand, reserved) values (%L, %L, 1, 1)$$,
  :'variant', :'spare'), 'B1060', null,
  'a direct insert cannot set reserved (B1060: trg_stock_levels_before_insert_columns)');
select throws_ok($$update catalog.stock_levels set reserved = 0$$, '42501', null,
  'a direct update cannot release reserved stock (not in the update grant)');
select throws_ok($$update catalog.stock_levels set on_hand = 10, reserved = 7$$, '42501', null,
  'nor reserve more, even together with on_hand');
select tests.clear_actor(); -- the session's superuser holds every privilege
select throws_ok($$update catalog.stock_levels set reserved = 0$$, 'B2212', null,
  'a role that holds the privilege (here the superuser) still cannot change reserved without an order reason');
select throws_ok($$select catalog.set_stock_reason('adjustment'); update catalog.stock_levels set reserved = 0$$, 'B2212', null,
  'nor with an adjustment or sync reason');
select tests.throws_constraint($$select catalog.set_stock_reason('order'); update catalog.stock_levels set reserved = 0$$,
  'chk_stock_movements_deltas_fit_reason', 'and an order reason must still fit: an order only adds reservations, for a named order');
select tests.clear_actor();
select tests.act_as(:'alpha', :'buyer');
select tests.throws_constraint($$update catalog.stock_levels set on_hand = 5$$,
  'chk_stock_levels_reserved_within_on_hand', 'a direct write cannot take on_hand below the reserved units');
select lives_ok($$update catalog.stock_levels set on_hand = 6$$, 'on_hand down to exactly the reserved units is a plain adjustment');

select is((orders.cancel_order(app.current_tenant_id(), :'order_a')).state, 'cancelled', 'the order that reserved the units can release them');
select is((select (on_hand, reserved)::text from catalog.stock_levels where variant_id = :'variant'), '(6,0)',
  'cancelling released exactly its 6 units');

select * from finish();
rollback;
