-- accounts.erase_buyer, as b2b_app: the buyer's personal data is gone from every table (every column the
-- inventory marks as the buyer's, and no row of the tenant anywhere still contains the name, email or phone),
-- every row and foreign key stays, other buyers and other tenants keep theirs, and another tenant cannot erase.
begin;
select plan(21);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select * from tests.create_order_world(:'beta', stock => 10, prefix => 'bolt') \gset b_
select tests.create_buyer_role(:'alpha', 'manager', array['orders.approve', 'quotes.request']) as manager_role \gset
select tests.create_buyer(:'alpha', :'company', :'manager_role', 'mary.major@acme.example') as mary \gset
select tests.create_buyer(:'beta', :'b_company', :'b_purchaser_role', 'mary.major@bolt.example') as b_mary \gset
select tests.create_approval_rule(:'alpha', :'company', 'big', 10, null, array[:'manager_role']::uuid[]) as rule \gset

-- Mary's personal data in every place the domain keeps a buyer's: her account (name, email, encrypted
-- phone), an approval comment, a quote note, a return reason.
select tests.act_as(:'alpha', :'buyer');
select tests.use_data_key();
update accounts.buyers set full_name = 'Mary Major', phone = app.encrypt_personal('+4930111222')
where buyer_id = :'mary';
select order_id from orders.place_order(:'alpha', p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 2), p_idempotency_key => 'o1') \gset
select orders.approve_order(:'alpha', :'order_id', :'mary', 'Fine by Mary Major');
select quote_id from orders.request_quote(:'alpha', p_company_id => :'company', p_buyer_id => :'mary',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 5), p_note => 'Call Mary Major on +4930111222') \gset
select tests.clear_actor();
insert into orders.returns (tenant_id, order_id, buyer_id, reason)
values (:'alpha', :'order_id', :'mary', 'Mary Major changed her mind');
-- a row that was hers and is gone: its insert and delete events in the trail still hold her words
insert into orders.returns (tenant_id, order_id, buyer_id, reason)
values (:'alpha', :'order_id', :'mary', 'Mary Major sent it back twice') returning return_id as gone_return \gset
delete from orders.returns where return_id = :'gone_return';
-- the trail so far is sealed: erasure must keep the sealed chain verifiable
select audit.seal(:'alpha');
select ok((select count(*) from audit.events where tenant_id = :'alpha' and (old_values::text like '%Mary Major%'
           or new_values::text like '%Mary Major%' or new_values::text like '%mary.major%')) >= 5,
  'before erasure the trail holds her name and email (insert and update events of her rows, a deleted row''s too)');
select tests.act_as(:'beta');
update accounts.buyers set full_name = 'Mary Major' where buyer_id = :'b_mary';

select tests.act_as(:'alpha');
select throws_ok(format($$select accounts.erase_buyer(%L, %L)$$, :'beta', :'b_mary'), 'B2002', null,
  'alpha cannot erase in another tenant');
select throws_ok(format($$select accounts.erase_buyer(%L, %L)$$, :'alpha', :'b_mary'), 'B4108', null,
  'another tenant''s buyer is unknown here');
select accounts.erase_buyer(:'alpha', :'mary') as erased \gset
select is(:'erased'::jsonb - 'audit.events',
  '{"accounts.buyers": 1, "orders.quotes": 1, "orders.returns": 1, "orders.order_approvals": 1}'::jsonb,
  'erase_buyer pseudonymizes the buyer''s rows in every table the inventory names, without a data key');
select cmp_ok((:'erased'::jsonb ->> 'audit.events')::int, '>=', 7,
  'and rewrites the audit events of those rows (inserts, updates, the erasing updates, the deleted return''s)');

select tests.clear_actor();
select is_empty(format($$select * from tests.rows_containing(%L, 'Mary Major')$$, :'alpha'),
  'her name is in no row of the tenant, in any table (JSON snapshots included)');
select is_empty(format($$select * from tests.rows_containing(%L, 'mary.major')$$, :'alpha'),
  'nor her email');
select is_empty(format($$select * from tests.rows_containing(%L, '4930111222')$$, :'alpha'),
  'nor her phone number (in clear)');
select is((select row(phone, phone_hint, status)::text from accounts.buyers where buyer_id = :'mary'),
  row(null::bytea, null::text, 'disabled')::text, 'her encrypted phone and its hint are gone, the account disabled');
select is((select email from accounts.buyers where buyer_id = :'mary'), 'erased-' || :'mary' || '@erased.invalid',
  'her email is a pseudonym that stays unique and well-formed');
-- every column the inventory marks as a buyer's holds its erasure value (or null) in her rows
select is_empty(format($$select * from tests.erasure_leftovers(%L, %L)$$, :'alpha', :'mary'),
  'every column of the inventory with subject buyer holds its erasure value in her rows');
select is((select count(*)::int from orders.order_approvals where approver_id = :'mary'), 1,
  'her approval stays (as an erased buyer''s): the order''s history keeps its meaning');
select is((select count(*)::int from orders.quotes where buyer_id = :'mary' and note is null), 1, 'her quote stays, without its note');
-- the audit trail: every event of every row that is or was hers, every personal column of its table
select is_empty(format($$select * from tests.audit_erasure_leftovers(%L, %L)$$, :'alpha', :'mary'),
  'no audit event of her rows (the deleted one included) holds a personal column''s value: each is its keyed hash');
select is_empty(format($$select 1 from audit.events where tenant_id = %L and (old_values::text ilike '%%Mary Major%%'
  or new_values::text ilike '%%Mary Major%%' or old_values::text ilike '%%mary.major%%' or new_values::text ilike '%%mary.major%%')$$, :'alpha'),
  'her name and email appear in no audit row of the tenant');
select is_empty(format($$select * from audit.verify(%L)$$, :'alpha'), 'the sealed chain still verifies after erasure');
select audit.seal(:'alpha');
select is_empty(format($$select * from audit.verify(%L)$$, :'alpha'), 'and after sealing the erasure''s own events');
select is_empty('select * from tests.foreign_key_violations()', 'every foreign key of every table still holds, row by row');
select is((select email from accounts.buyers where buyer_id = :'buyer'), 'acme.buyer@example.com',
  'another buyer of the tenant keeps their data');
select is((select full_name from accounts.buyers where buyer_id = :'b_mary'), 'Mary Major',
  'another tenant''s Mary Major keeps hers');
select is((select count(*)::int from accounts.buyers where buyer_id = :'mary'), 1, 'no row was deleted');

select * from finish();
rollback;
