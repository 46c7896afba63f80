-- Every constraint of accounts.companies refuses what it must.
begin;
select plan(10);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.act_as(:'alpha');
select tests.use_data_key();
update accounts.companies set tax_id = app.encrypt_personal('DE123456789') where company_id = :'acme';


prepare ins(text, text, text, text, int, numeric, text) as
  insert into accounts.companies (legal_name, tax_id, default_currency, default_locale, payment_terms_days, credit_limit, status)
  values ($1, app.encrypt_personal($2), $3, $4, $5, $6, $7);

select tests.throws_constraint($$execute ins('  ', null, 'EUR', 'en', 30, null, 'active')$$,
  'chk_companies_legal_name_not_blank', 'legal name must not be blank');
select tests.throws_constraint($$execute ins('X', 'DE123456789', 'EUR', 'en', 30, null, 'active')$$,
  'uq_companies_tenant_id_tax_id', 'tax id is unique within the tenant');
select throws_ok($$execute ins('X', ' bad!', 'EUR', 'en', 30, null, 'active')$$,
  'B4104', null, 'tax id must look like a registration number (checked before encryption, app.seal_personal)');
select tests.throws_constraint($$execute ins('X', null, 'XXX', 'en', 30, null, 'active')$$,
  'fk_companies_default_currency_minor_units_currencies', 'default currency must be a known ISO 4217 currency');
select tests.throws_constraint($$execute ins('X', null, 'EUR', 'xx', 30, null, 'active')$$,
  'fk_companies_default_locale_locales', 'default locale must be a known locale');
select tests.throws_constraint($$execute ins('X', null, 'EUR', 'en', -1, null, 'active')$$,
  'chk_companies_payment_terms_days', 'payment terms cannot be negative');
select tests.throws_constraint($$execute ins('X', null, 'EUR', 'en', 30, -0.01, 'active')$$,
  'chk_companies_credit_limit_not_negative', 'credit limit cannot be negative');
select tests.throws_constraint($$execute ins('X', null, 'EUR', 'en', 30, null, 'frozen')$$,
  'chk_companies_status', 'status is active, on_hold or closed');
select tests.throws_constraint(
  $$insert into accounts.companies (legal_name, parent_company_id, default_currency, default_locale)
    values ('X', gen_random_uuid(), 'EUR', 'en')$$,
  'fk_companies_tenant_id_parent_company_id_companies', 'the parent company must exist in the tenant');
select tests.throws_constraint(
  format($$insert into accounts.companies (company_id, legal_name, default_currency, default_locale) values (%L, 'X', 'EUR', 'en')$$, :'acme'),
  'pk_companies', 'company ids are unique within the tenant');

select * from finish();
rollback;
