-- A company can never be its own ancestor: not directly (check constraint), not through a chain (trigger, B2101).
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Holding') as holding \gset
select tests.create_company(:'alpha', 'Division', :'holding') as division \gset
select tests.create_company(:'alpha', 'Plant', :'division') as plant \gset

select tests.act_as(:'alpha');

select tests.throws_constraint(
  format($$update accounts.companies set parent_company_id = company_id where company_id = %L$$, :'holding'),
  'chk_companies_not_own_parent', 'a company cannot be its own parent');
select throws_ok(
  format($$update accounts.companies set parent_company_id = %L where company_id = %L$$, :'division', :'holding'),
  'B2101', null, 'a company cannot move under its child (two-company cycle)');
select throws_ok(
  format($$update accounts.companies set parent_company_id = %L where company_id = %L$$, :'plant', :'holding'),
  'B2101', null, 'a company cannot move under its grandchild (longer cycle)');
select lives_ok(
  format($$update accounts.companies set parent_company_id = null where company_id = %L$$, :'division'),
  'a subtree can be detached to the top level');
select lives_ok(
  format($$update accounts.companies set parent_company_id = %L where company_id = %L$$, :'plant', :'holding'),
  'once detached, the former ancestor may move under the former grandchild');
-- the moves happened (an update that RLS or a trigger silently skipped would live too)
select results_eq(
  $$select c.legal_name, p.legal_name from accounts.companies c left join accounts.companies p
    on p.tenant_id = c.tenant_id and p.company_id = c.parent_company_id order by c.legal_name$$,
  $$values ('Division', null::text), ('Holding', 'Plant'), ('Plant', 'Division')$$,
  'the tree is now Division > Plant > Holding');

select * from finish();
rollback;
