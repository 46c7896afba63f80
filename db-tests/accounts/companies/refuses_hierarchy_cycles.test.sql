-- A company can never be its own ancestor: not directly (check constraint), not through a chain (trigger, B2101).
begin;
select plan(5);

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

select * from finish();
rollback;
