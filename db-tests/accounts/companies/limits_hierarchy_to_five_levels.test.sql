-- The company hierarchy is at most 5 levels deep, on insert and when a subtree moves (B2102).
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'L1') as l1 \gset
select tests.create_company(:'alpha', 'L2', :'l1') as l2 \gset
select tests.create_company(:'alpha', 'L3', :'l2') as l3 \gset
select tests.create_company(:'alpha', 'L4', :'l3') as l4 \gset
select tests.create_company(:'alpha', 'Other root') as other \gset
select tests.create_company(:'alpha', 'Other child', :'other') as other_child \gset

select tests.act_as(:'alpha');

select lives_ok(
  format($$insert into accounts.companies (legal_name, parent_company_id, default_currency, default_locale)
    values ('L5', %L, 'EUR', 'en')$$, :'l4'),
  'a fifth level is allowed');
select is((select p.legal_name from accounts.companies c join accounts.companies p
    on p.tenant_id = c.tenant_id and p.company_id = c.parent_company_id where c.legal_name = 'L5'), 'L4',
  'L5 sits under L4');
select throws_ok(
  format($$insert into accounts.companies (legal_name, parent_company_id, default_currency, default_locale)
    select 'L6', company_id, 'EUR', 'en' from accounts.companies where legal_name = 'L5'$$),
  'B2102', null, 'a sixth level is refused');
select throws_ok(
  format($$update accounts.companies set parent_company_id = %L where company_id = %L$$, :'l4', :'other'),
  'B2102', null, 'moving a two-level subtree under level 4 is refused (it would reach level 6)');
select lives_ok(
  format($$update accounts.companies set parent_company_id = %L where company_id = %L$$, :'l3', :'other'),
  'moving the same subtree under level 3 is allowed (it reaches level 5)');
select is((select parent_company_id from accounts.companies where company_id = :'other'), :'l3'::uuid,
  'the subtree now hangs under L3');

select * from finish();
rollback;
