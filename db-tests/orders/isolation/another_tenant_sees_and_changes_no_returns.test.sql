-- As the application role, a tenant cannot see or change another tenant's returns and return lines, nor
-- return units of another tenant's order.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'beta', stock => 10, prefix => 'bolt') \gset b_

select tests.act_as(:'beta', :'b_buyer');
select order_id as b_order from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 2), p_idempotency_key => 'b1') \gset
select orders.fulfil_order(app.current_tenant_id(), :'b_order');
select return_id as b_return from orders.request_return(app.current_tenant_id(), :'b_order', :'b_buyer', tests.lines(:'b_variant', 1)) \gset

select tests.act_as(:'alpha', :'buyer');
select is_empty('select 1 from orders.returns', 'returns: invisible');
select is_empty('select 1 from orders.return_lines', 'return_lines: invisible');
-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['orders.returns', 'orders.return_lines'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s returns and return lines');
select tests.act_as(:'alpha', :'buyer');
select tests.throws_constraint(format($$insert into orders.return_lines (return_id, order_id, variant_id, quantity) values (%L, %L, %L, 1)$$,
  :'b_return', :'b_order', :'b_variant'), 'fk_return_lines_tenant_id_return_id_order_id_returns', 'return_lines: not on another tenant''s return');
select throws_ok(format($$select orders.request_return(app.current_tenant_id(), %L, %L, tests.lines(%L, 1))$$, :'b_order', :'buyer', :'b_variant'),
  'B3013', null, 'request_return: another tenant''s order is unknown');
select throws_ok(format($$select orders.receive_return(app.current_tenant_id(), %L, %L)$$, :'b_return', :'warehouse'), 'B3402', null,
  'receive_return: another tenant''s return is unknown');

select tests.act_as(:'beta');
select is((select state from orders.returns), 'requested', 'beta''s return is unchanged');

select * from finish();
rollback;
