-- As the application role, a tenant cannot see or change another tenant's approval rules, tiers, order
-- approval steps or decisions, nor point its own rules at another tenant's company or roles.
begin;
select plan(11);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'beta', stock => 100, prefix => 'bolt') \gset b_
select tests.create_buyer_role(:'beta', 'manager', array['orders.approve']) as b_manager_role \gset
select tests.create_buyer(:'beta', :'b_company', :'b_manager_role', 'manager@example.com') as b_manager \gset
select tests.create_approval_rule(:'beta', :'b_company', 'big', 10, null, array[:'b_manager_role']::uuid[]) as b_rule \gset

select tests.act_as(:'beta', :'b_buyer');
select order_id as b_order from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 2), p_idempotency_key => 'b1') \gset
select orders.approve_order(app.current_tenant_id(), :'b_order', :'b_manager');

select tests.act_as(:'alpha', :'buyer');
select is_empty('select 1 from orders.approval_rules', 'approval_rules: invisible');
select is_empty('select 1 from orders.approval_rule_tiers', 'approval_rule_tiers: invisible');
select is_empty('select 1 from orders.order_approval_steps', 'order_approval_steps: invisible');
select is_empty('select 1 from orders.order_approvals', 'order_approvals: invisible');
-- update and delete, written as an attacker writes them (no WHERE, no RETURNING: a statement that reads
-- no column meets only its own command's policy), each run as alpha and checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['orders.approval_rules', 'orders.approval_rule_tiers', 'orders.order_approval_steps', 'orders.order_approvals'])$$, :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s approval rules, tiers, steps and decisions');
select tests.act_as(:'alpha', :'buyer');
select tests.throws_constraint(format($$insert into orders.approval_rules (company_id, name, min_total_amount, currency) values (%L, 'x', 1, 'EUR')$$, :'b_company'),
  'fk_approval_rules_tenant_id_company_id_companies', 'approval_rules: not for another tenant''s company');
select tests.throws_constraint(format($$insert into orders.approval_rule_tiers (approval_rule_id, tier, approver_role_id) values (%L, 2, %L)$$, :'b_rule', :'b_manager_role'),
  'fk_approval_rule_tiers_tenant_id_approval_rule_id_rules', 'approval_rule_tiers: not on another tenant''s rule');
select tests.throws_constraint(format($$insert into orders.order_approvals (order_id, tier, approver_id, decision) values (%L, 2, %L, 'approved')$$, :'b_order', :'b_manager'),
  'fk_order_approvals_tenant_id_order_id_orders', 'order_approvals: not on another tenant''s order');
select tests.throws_constraint(format($$insert into orders.order_approval_steps (order_id, tier, approver_role_id) values (%L, 2, %L)$$, :'b_order', :'b_manager_role'),
  'fk_order_approval_steps_tenant_id_order_id_orders', 'order_approval_steps: not on another tenant''s order');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'b_order', :'b_manager'), 'B3013', null,
  'approve_order: another tenant''s order is unknown');

select tests.act_as(:'beta');
select is((select count(*) from orders.order_approvals where decision = 'approved'), 1::bigint, 'beta''s decision is unchanged');

select * from finish();
rollback;
