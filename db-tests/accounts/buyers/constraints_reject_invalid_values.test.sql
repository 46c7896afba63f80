-- Every constraint of accounts.buyers refuses what it must.
begin;
select plan(12);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_buyer_role(:'alpha', 'Purchaser', '{orders.create}') as purchaser \gset
select tests.create_buyer(:'alpha', :'acme', :'purchaser', 'ann@acme.example') as ann \gset

select tests.act_as(:'alpha');
select tests.use_data_key();

prepare ins(text, text, text, text, numeric, text) as
  insert into accounts.buyers (company_id, buyer_role_id, email, full_name, phone, status, spending_limit, spending_period)
  select c.company_id, r.buyer_role_id, $1, $2, app.encrypt_personal($3), $4, $5, $6
  from accounts.companies c, accounts.buyer_roles r;

select tests.throws_constraint($$execute ins('ann@acme.example', 'Ann', null, 'active', null, null)$$,
  'uq_buyers_tenant_id_company_id_email', 'a buyer email is unique within the company');
select tests.throws_constraint($$execute ins('Ann@ACME.example', 'Ann', null, 'active', null, null)$$,
  'uq_buyers_tenant_id_company_id_email', 'an email in capitals is the same email (stored in lower case)');
select tests.throws_constraint($$execute ins('bob', 'Bob', null, 'active', null, null)$$,
  'chk_buyers_email_format', 'email must look like an email');
select tests.throws_constraint($$execute ins('bob@acme.example', ' ', null, 'active', null, null)$$,
  'chk_buyers_full_name_not_blank', 'full name must not be blank');
select throws_ok($$execute ins('bob@acme.example', 'Bob', '0049 89 123', 'active', null, null)$$,
  'B4106', null, 'phone must be E.164 (checked before encryption, app.seal_personal)');
select tests.throws_constraint($$execute ins('bob@acme.example', 'Bob', null, 'gone', null, null)$$,
  'chk_buyers_status', 'status is active or disabled');
select tests.throws_constraint($$execute ins('bob@acme.example', 'Bob', null, 'active', -1, 'day')$$,
  'chk_buyers_spending_limit_not_negative', 'spending limit cannot be negative');
select tests.throws_constraint($$execute ins('bob@acme.example', 'Bob', null, 'active', 100, 'year')$$,
  'chk_buyers_spending_period', 'spending period is day, week or month');
select tests.throws_constraint($$execute ins('bob@acme.example', 'Bob', null, 'active', 100, null)$$,
  'chk_buyers_spending_limit_has_period', 'a spending limit needs a period');
select lives_ok($$execute ins('bob@acme.example', 'Bob', '+498912345678', 'active', 500, 'week')$$,
  'a buyer with an E.164 phone and a weekly spending limit is accepted');
select tests.throws_constraint(
  format($$insert into accounts.buyers (company_id, buyer_role_id, email, full_name) values (gen_random_uuid(), %L, 'x@y.example', 'X')$$, :'purchaser'),
  'fk_buyers_tenant_id_company_id_companies', 'the company must exist in the tenant');
select tests.throws_constraint(
  format($$insert into accounts.buyers (buyer_id, company_id, buyer_role_id, email, full_name) values (%L, %L, %L, 'z@y.example', 'Z')$$, :'ann', :'acme', :'purchaser'),
  'pk_buyers', 'buyer ids are unique within the tenant');

select * from finish();
rollback;
