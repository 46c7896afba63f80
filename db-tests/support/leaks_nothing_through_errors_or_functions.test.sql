-- Outside failure case (a view as an access boundary; Materialize's security-barrier design note, the
-- PostgreSQL rules docs): a reader's fallible predicate, planned below the view's own filter, runs on rows
-- the view hides, and the error message carries their values ("invalid input syntax for type integer:
-- "<value>""). The support views are security_barrier over row-level security, so b2b_support acting for a
-- tenant with no rows gets no row and no error, however it casts; and it can create no function to leak
-- through (no CREATE on any schema).
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_company(:'beta', 'Bolt Secret GmbH') as bolt \gset
select tests.create_buyer_role(:'beta', 'Purchaser') as b_role \gset
select tests.create_buyer(:'beta', :'bolt', :'b_role', 'bob.secret@bolt.example') as bob \gset
select tests.act_as(:'beta');
update accounts.buyers set full_name = 'Bob Secret' where buyer_id = :'bob';
insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code)
values (:'bolt', 'billing', 'Bob Secret', 'Hidden Way 1', 'Secrettown', '53111', 'DE');
select tests.clear_actor();

-- support acting for alpha, which has no companies, buyers or addresses: any error could only come from beta's
select tests.act_as(:'alpha', db_role => 'b2b_support');
select is((select count(*)::int from support.buyers where full_name::int > 0 or email_masked::int > 0), 0,
  'a failing cast on support.buyers reaches no hidden row (no error naming beta''s buyer)');
select is((select count(*)::int from support.companies where legal_name::int > 0), 0,
  'nor on support.companies');
select is((select count(*)::int from support.addresses where locality::int > 0 or postal_code::int < 0), 0,
  'nor on support.addresses');
select tests.clear_actor();

select is_empty($$
  select c.relname from pg_class c
  where c.relnamespace = 'support'::regnamespace and c.relkind = 'v'
    and not coalesce('security_barrier=true' = any (c.reloptions), false)
  order by 1
$$, 'every support view is a security barrier');
select is_empty($$
  select n.nspname from pg_namespace n where has_schema_privilege('b2b_support', n.oid, 'CREATE') order by 1
$$, 'b2b_support can create no function or object in any schema');

select * from finish();
rollback;
