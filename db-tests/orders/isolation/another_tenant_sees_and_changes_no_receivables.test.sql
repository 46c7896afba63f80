-- As the application role, a tenant cannot see another tenant's invoices or ledger, nor book entries on
-- another tenant's company or invoice.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'beta', stock => 10, prefix => 'bolt') \gset b_

select tests.act_as(:'beta', :'b_buyer');
select orders.fulfil_order(app.current_tenant_id(), order_id) from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'b_variant', 2), p_idempotency_key => 'b1');
select invoice_id as b_invoice from orders.invoices \gset

select tests.act_as(:'alpha', :'buyer');
select is_empty('select 1 from orders.invoices', 'invoices: invisible');
select is_empty('select 1 from orders.receivable_entries', 'receivable_entries: invisible');
select is(orders.open_balance(app.current_tenant_id(), :'b_company'), 0.0000::numeric(19,4), 'another tenant''s balance reads as nothing');
-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['orders.invoices', 'orders.receivable_entries'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s invoices and ledger');
select tests.act_as(:'alpha', :'buyer');
select tests.throws_constraint(format($$insert into orders.receivable_entries (company_id, kind, amount, currency) values (%L, 'payment', 1, 'EUR')$$, :'b_company'),
  'fk_receivable_entries_tenant_id_company_id_companies', 'receivable_entries: not on another tenant''s company');
select tests.throws_constraint(format($$insert into orders.receivable_entries (company_id, kind, amount, currency, invoice_id) values (%L, 'payment', 1, 'EUR', %L)$$, :'company', :'b_invoice'),
  'fk_receivable_entries_tenant_id_invoice_id_invoices', 'receivable_entries: not against another tenant''s invoice');

select tests.act_as(:'beta');
select is(orders.open_balance(app.current_tenant_id(), :'b_company'), 20.0000::numeric(19,4), 'beta''s balance is unchanged');

select * from finish();
rollback;
