-- Every table with tenant_id, found in the catalog (so a table added later is attacked too), resists the
-- bare statements an attacker writes as b2b_app acting as another tenant: `delete from t`,
-- `update t set tenant_id = <own tenant>` and `update t set <column> = default` for every column the
-- application may update. The victim's rows are counted and summed before and after each statement, and a
-- probe tells whether a statement reached them at all (see db-tests/_support/0007_isolation_attacks.sql).
-- The victim has a row in every tenant table: a new table without one here fails, named, until it has.
-- Without a tenant context, the application and read-only roles see no row of any of them.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
-- beta's world: a row in every tenant table (db-tests/_support/0007), the order tables through the order functions
select * from tests.create_isolation_world(:'beta') \gset b_
select tests.act_as(:'beta', :'b_buyer');
select order_id as b_order from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'b_variant', 3), p_idempotency_key => 'b1') \gset
select orders.approve_order(app.current_tenant_id(), :'b_order', :'b_manager');
select orders.fulfil_order(app.current_tenant_id(), :'b_order', tests.lines(:'b_variant', 2));
select return_id as b_return from orders.request_return(app.current_tenant_id(), :'b_order', :'b_buyer', tests.lines(:'b_variant', 1)) \gset
select orders.receive_return(app.current_tenant_id(), :'b_return', :'b_warehouse');
select orders.record_payment(app.current_tenant_id(), p_company_id => :'b_company', p_amount => 5, p_currency => 'EUR', p_reference => 'b-pay');
select orders.request_quote(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 2));
select tests.clear_actor();
-- the audit trail: beta's events are captured; sealing them gives beta a chain (seals, head, key)
select audit.seal(:'beta');

select cmp_ok((select count(*)::int from tests.linted_tables where has_tenant_id), '>=', 35,
  'the check sees every tenant table (35 when it was written)');
select is_empty(format($$select b from tests.cross_tenant_breaches(%L, %L) b
    where b like '%%has no row here%%'$$, :'beta', :'alpha'),
  'beta has a row in every tenant table, so every table is attacked');
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L)$$, :'beta', :'alpha'),
  'no bare delete or update by alpha changes or reaches a row of beta, in any tenant table; alpha sees none of them');

select tests.act_as(null);
select is_empty($$select qualified from tests.linted_tables where has_tenant_id and tests.rows_visible(oid::regclass) > 0$$,
  'b2b_app without a tenant sees no row of any tenant table');
select tests.act_as(null, null, 'b2b_readonly');
select is_empty($$select qualified from tests.linted_tables where has_tenant_id and tests.rows_visible(oid::regclass) > 0$$,
  'b2b_readonly without a tenant sees no row of any tenant table');

select * from finish();
rollback;
