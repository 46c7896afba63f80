-- As the application role, a tenant cannot see or change another tenant's quotes and quote lines, nor
-- act on them through the quote functions.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'beta', stock => 10, prefix => 'bolt') \gset b_

select tests.act_as(:'beta', :'b_buyer');
select quote_id as b_quote from orders.request_quote(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 2)) \gset

select tests.act_as(:'alpha', :'buyer');
select is_empty('select 1 from orders.quotes', 'quotes: invisible');
select is_empty('select 1 from orders.quote_lines', 'quote_lines: invisible');
-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['orders.quotes', 'orders.quote_lines'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s quotes and quote lines');
select tests.act_as(:'alpha', :'buyer');
select tests.throws_constraint(format($$insert into orders.quote_lines (quote_id, line_number, variant_id, quantity) values (%L, 2, %L, 1)$$, :'b_quote', :'variant'),
  'fk_quote_lines_tenant_id_quote_id_quotes', 'quote_lines: not on another tenant''s quote');
select throws_ok(format($$select orders.stage_quote(app.current_tenant_id(), %L, '[]', now() + interval '1 day')$$, :'b_quote'), 'B3305', null,
  'stage_quote: another tenant''s quote is unknown');
select throws_ok(format($$select orders.accept_quote(app.current_tenant_id(), %L, %L)$$, :'b_quote', :'buyer'), 'B3305', null, 'accept_quote: unknown');

select tests.act_as(:'beta');
select is((select state from orders.quotes), 'requested', 'beta''s quote is unchanged');

select * from finish();
rollback;
