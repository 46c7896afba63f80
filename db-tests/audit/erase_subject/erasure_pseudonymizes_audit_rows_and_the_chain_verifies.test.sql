-- audit.erase_subject (the contract with accounts.erase_buyer): after the row itself is pseudonymized, every
-- audit event of that row holds no personal value (app.personal_data_columns) any more, neither the old nor
-- the new, sealed or not; the other columns and other rows' events are untouched; the chain still verifies,
-- before and after the next sealing run. As b2b_app, for its own tenant only.
begin;
select plan(8);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select * from tests.create_order_world(:'alpha') \gset
select tests.act_as(:'alpha');
select tests.use_data_key();
update accounts.buyers set full_name = 'Erika Mustermann', phone = app.encrypt_personal('+49301234567') where buyer_id = :'buyer';
select tests.clear_actor();
select audit.seal(:'alpha');
select tests.act_as(:'alpha');
update accounts.buyers set email = 'erika.m@alpha.example', status = 'disabled' where buyer_id = :'buyer';
select tests.clear_actor();
select email as old_email from accounts.buyers where buyer_id = :'buyer' \gset

-- what erase_buyer does: pseudonymize the row, then the trail
select tests.act_as(:'alpha');
update accounts.buyers set email = 'erased-' || buyer_id || '@erased.invalid', full_name = 'erased', phone = null
 where buyer_id = :'buyer';
select cmp_ok(audit.erase_subject(:'alpha', 'accounts.buyers', jsonb_build_object('buyer_id', :'buyer'::uuid)), '>=', 4::bigint,
  'erase_subject rewrites the buyer''s events (insert, two updates, the erasure itself)');
select throws_ok(format($$select audit.erase_subject(%L, 'accounts.buyers', '{}')$$, :'beta'), 'B2002', null,
  'erase_subject refuses another tenant');
select tests.clear_actor();

select is_empty(format($$
  select e.event_id, v.key, v.value from audit.events e
  cross join lateral jsonb_each(coalesce(e.old_values, '{}') || coalesce(e.new_values, '{}')) v
  where e.tenant_id = %L and e.table_name = 'accounts.buyers' and e.row_key ->> 'buyer_id' = %L
    and v.key in ('email', 'full_name', 'phone') and v.value <> 'null'::jsonb and v.value #>> '{}' not like 'erased:%%'$$,
  :'alpha', :'buyer'),
  'no personal value is left in any event of the buyer');
select is_empty(format($$select 1 from audit.events where tenant_id = %L and (old_values::text like '%%Mustermann%%'
  or new_values::text like '%%Mustermann%%' or old_values::text like '%%301234567%%' or new_values::text like '%%erika.m@%%')$$, :'alpha'),
  'the name, phone and email appear nowhere in the trail');
select is((select count(*)::int from audit.events where tenant_id = :'alpha' and table_name = 'accounts.buyers'
            and row_key ->> 'buyer_id' = :'buyer' and (new_values ->> 'status') = 'disabled'), 1,
  'columns that are not personal are kept');
select isnt((select new_values ->> 'email' from audit.events where tenant_id = :'alpha' and table_name = 'accounts.buyers'
              and row_key ->> 'buyer_id' = :'buyer' and operation = 'insert'),
            (select new_values ->> 'email' from audit.events where tenant_id = :'alpha' and table_name = 'accounts.buyers'
              and row_key ->> 'buyer_id' = :'buyer' and operation = 'update' and new_values ? 'status'),
  'different values get different pseudonyms');
select is_empty(format($$select * from audit.verify(%L)$$, :'alpha'), 'the sealed part of the chain still verifies');
select audit.seal(:'alpha');
select is_empty(format($$select * from audit.verify(%L)$$, :'alpha'), 'and so does the chain after the next sealing run');

select * from finish();
rollback;
