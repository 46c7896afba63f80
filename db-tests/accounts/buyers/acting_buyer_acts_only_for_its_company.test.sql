-- accounts.acting_buyer: a buyer acts only for its own company and only while active; the same error for
-- an unknown buyer and another company's buyer, and another tenant's buyer is unknown. As b2b_app.
begin;
select plan(10);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_company(:'alpha', 'Bolt') as bolt \gset
select tests.create_buyer_role(:'alpha', 'Purchaser', '{orders.create,orders.view_all}') as purchaser \gset
select tests.create_buyer(:'alpha', :'acme', :'purchaser', 'ann@acme.example') as ann \gset

select tests.act_as(:'alpha');

select is((accounts.acting_buyer(app.current_tenant_id(), :'ann', :'acme')).buyer_id, :'ann'::uuid,
  'a buyer acts for its own company');
select throws_ok(format('select accounts.acting_buyer(app.current_tenant_id(), %L, %L)', :'ann', :'bolt'), 'B2104', null,
  'a buyer cannot act for another company of the tenant');
select throws_ok(format('select accounts.acting_buyer(app.current_tenant_id(), %L, %L)', gen_random_uuid(), :'acme'), 'B2104', null,
  'an unknown buyer gets the same error');
select ok(accounts.buyer_has_permission(app.current_tenant_id(), :'ann', 'orders.create'), 'the role grants orders.create');
select ok(not accounts.buyer_has_permission(app.current_tenant_id(), :'ann', 'orders.approve'), 'the role does not grant orders.approve');
select ok(not accounts.buyer_has_permission(app.current_tenant_id(), gen_random_uuid(), 'orders.create'), 'an unknown buyer has no permission');

update accounts.buyers set status = 'disabled' where buyer_id = :'ann';
select throws_ok(format('select accounts.acting_buyer(app.current_tenant_id(), %L, %L)', :'ann', :'acme'), 'B2105', null,
  'a disabled buyer cannot act');

select tests.act_as(:'beta');
select throws_ok(format('select accounts.acting_buyer(app.current_tenant_id(), %L, %L)', :'ann', :'acme'), 'B2104', null,
  'another tenant''s buyer is unknown');
select ok(not accounts.buyer_has_permission(app.current_tenant_id(), :'ann', 'orders.create'),
  'another tenant''s buyer has no permission');

select tests.clear_actor();
select throws_ok(format('select accounts.acting_buyer(app.current_tenant_id(), %L, %L)', :'ann', :'acme'), 'B2001', null,
  'without a tenant context the check refuses');

select * from finish();
rollback;
