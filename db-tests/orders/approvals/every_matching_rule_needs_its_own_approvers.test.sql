-- Every approval rule that matches an order needs its own approvers: the tiers of two matching rules are
-- not merged by tier number (where one buyer holding any role of the merged tier decided it, so a lead's
-- rule and a director's rule were both satisfied by the lead alone). Each rule's tiers are copied one
-- after the other (rules by name, then each rule's tiers in order) and numbered 1, 2, 3...; one person still
-- decides at most one tier; a tier naming two roles is still decided by a holder of either; two matching
-- rules with the same tiers are satisfied by the same decisions.
begin;
select plan(19);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 1000) \gset
select * from tests.create_order_world(:'alpha', stock => 1000, prefix => 'bolt') \gset b_
select * from tests.create_order_world(:'alpha', stock => 1000, prefix => 'cobalt') \gset c_
select tests.create_buyer_role(:'alpha', 'lead', array['orders.approve']) as lead_role \gset
select tests.create_buyer_role(:'alpha', 'director', array['orders.approve']) as director_role \gset
select tests.create_buyer(:'alpha', :'company', :'lead_role', 'lead@example.com') as lead \gset
select tests.create_buyer(:'alpha', :'company', :'lead_role', 'lead2@example.com') as lead2 \gset
select tests.create_buyer(:'alpha', :'company', :'director_role', 'director@example.com') as director \gset
select tests.create_buyer(:'alpha', :'b_company', :'lead_role', 'bolt.lead@example.com') as b_lead \gset
select tests.create_buyer(:'alpha', :'b_company', :'director_role', 'bolt.director@example.com') as b_director \gset
-- acme: a lead approves orders of 100 EUR and more, a director orders of 500 EUR and more
select tests.create_approval_rule(:'alpha', :'company', '1 leads', 100, null, array[:'lead_role']::uuid[]);
select tests.create_approval_rule(:'alpha', :'company', '2 directors', 500, null, array[:'director_role']::uuid[]);
-- bolt: two rules with the same single tier (lead), and one whose tier names two roles (lead or director)
select tests.create_approval_rule(:'alpha', :'b_company', 'big', 100, null, array[:'lead_role']::uuid[]);
select tests.create_approval_rule(:'alpha', :'b_company', 'also big', 100, null, array[:'lead_role']::uuid[]);
select tests.create_approval_rule(:'alpha', :'b_company', 'huge', 500, null, array[:'lead_role']::uuid[]) as huge \gset
insert into orders.approval_rule_tiers (tenant_id, approval_rule_id, tier, approver_role_id)
values (:'alpha', :'huge', 1, :'director_role');
-- cobalt: two matching rules of ten tiers each: twenty steps, past the ten of one rule
select tests.create_approval_rule(:'alpha', :'c_company', 'ten leads', 100, null, array_fill(:'lead_role'::uuid, array[10]));
select tests.create_approval_rule(:'alpha', :'c_company', 'ten directors', 100, null, array_fill(:'director_role'::uuid, array[10]));

select tests.act_as(:'alpha', :'buyer');
select order_id as both_rules from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 60), p_idempotency_key => 'both') \gset
select is((select state from orders.orders where order_id = :'both_rules'), 'pending_approval', '600 EUR matches both rules: pending approval');
select results_eq(format($$select tier, approver_role_id from orders.order_approval_steps where order_id = %L order by tier$$, :'both_rules'),
  format($$values (1, %L::uuid), (2, %L::uuid)$$, :'lead_role', :'director_role'),
  'each rule''s tier is a step of its own, rules by name: the lead''s, then the director''s');

select tests.act_as(:'alpha', :'lead');
select is((orders.approve_order(app.current_tenant_id(), :'both_rules', :'lead')).state, 'pending_approval',
  'the lead''s approval does not satisfy the director''s rule: still pending');
select is((orders.approve_order(app.current_tenant_id(), :'both_rules', :'lead')).state, 'pending_approval',
  'the lead approving again is a replay: still pending');
select tests.act_as(:'alpha', :'lead2');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'both_rules', :'lead2'), 'B3101', null,
  'another lead cannot decide the director''s step');
select tests.act_as(:'alpha', :'director');
select is((orders.approve_order(app.current_tenant_id(), :'both_rules', :'director')).state, 'placed', 'the director approves too: placed');
select results_eq(format($$select tier, approver_id, decision from orders.order_approvals where order_id = %L order by tier$$, :'both_rules'),
  format($$values (1, %L::uuid, 'approved'), (2, %L::uuid, 'approved')$$, :'lead', :'director'),
  'one decision per step, by the lead and the director');

-- the director alone cannot place it either: the lead's step comes first
select tests.act_as(:'alpha', :'buyer');
select order_id as director_first from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 50), p_idempotency_key => 'director-first') \gset
select tests.act_as(:'alpha', :'director');
select throws_ok(format($$select orders.approve_order(app.current_tenant_id(), %L, %L)$$, :'director_first', :'director'), 'B3101', null,
  'the director cannot decide the lead''s step');
select tests.act_as(:'alpha', :'lead');
select is((orders.reject_order(app.current_tenant_id(), :'director_first', :'lead', 'no')).state, 'rejected', 'the lead''s rejection rejects the order');

-- one rule matching: as before
select tests.act_as(:'alpha', :'buyer');
select order_id as one_rule from orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'variant', 20), p_idempotency_key => 'one') \gset
select results_eq(format($$select tier, approver_role_id from orders.order_approval_steps where order_id = %L$$, :'one_rule'),
  format($$values (1, %L::uuid)$$, :'lead_role'), '200 EUR matches the lead''s rule only: one step');
select tests.act_as(:'alpha', :'lead');
select is((orders.approve_order(app.current_tenant_id(), :'one_rule', :'lead')).state, 'placed', 'the lead alone places it');

-- bolt: two rules with the same tiers need one decision; a tier naming two roles is decided by either
select tests.act_as(:'alpha', :'b_buyer');
select order_id as same_tiers from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 20), p_idempotency_key => 'same') \gset
select results_eq(format($$select tier, approver_role_id from orders.order_approval_steps where order_id = %L$$, :'same_tiers'),
  format($$values (1, %L::uuid)$$, :'lead_role'), 'two matching rules with the same tiers give one step');
select tests.act_as(:'alpha', :'b_lead');
select is((orders.approve_order(app.current_tenant_id(), :'same_tiers', :'b_lead')).state, 'placed', 'one lead''s approval satisfies both');
select tests.act_as(:'alpha', :'b_buyer');
select order_id as three_rules from orders.place_order(app.current_tenant_id(), p_company_id => :'b_company', p_buyer_id => :'b_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 60), p_idempotency_key => 'three') \gset
select results_eq(format($$select tier, approver_role_id from orders.order_approval_steps where order_id = %L order by tier, approver_role_id$$, :'three_rules'),
  format($$select * from (values (1, %L::uuid), (2, %L::uuid), (2, %L::uuid)) v order by 1, 2$$, :'lead_role', :'lead_role', :'director_role'),
  'the identical rules give one step, the rule of two roles its own');
select tests.act_as(:'alpha', :'b_lead');
select is((orders.approve_order(app.current_tenant_id(), :'three_rules', :'b_lead')).state, 'pending_approval', 'the lead decides the first step');
select is((orders.approve_order(app.current_tenant_id(), :'three_rules', :'b_lead')).state, 'pending_approval',
  'the lead approving again is a replay: it does not decide the second step, though a lead may');
select tests.act_as(:'alpha', :'b_director');
select is((orders.approve_order(app.current_tenant_id(), :'three_rules', :'b_director')).state, 'placed', 'a director decides the step of lead or director');

-- cobalt: twenty steps
select tests.act_as(:'alpha', :'c_buyer');
select order_id as twenty from orders.place_order(app.current_tenant_id(), p_company_id => :'c_company', p_buyer_id => :'c_buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'c_variant', 10), p_idempotency_key => 'twenty') \gset
select results_eq(format($$select count(*)::int, min(tier), max(tier) from orders.order_approval_steps where order_id = %L$$, :'twenty'),
  $$values (20, 1, 20)$$, 'two matching rules of ten tiers each: twenty steps, numbered 1 to 20');
select is((select state from orders.orders where order_id = :'twenty'), 'pending_approval', 'and the order waits for them');

select * from finish();
rollback;
