-- Every constraint of accounts.addresses refuses what it must.
begin;
select plan(11);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset

select tests.act_as(:'alpha');
select tests.use_data_key();

prepare ins(text, text, text, text, text, text, boolean) as
  insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code, phone, is_default)
  select company_id, $1, $2, $3, $4, $5, 'DE', app.encrypt_personal($6), $7 from accounts.companies;

select tests.throws_constraint($$execute ins('office', 'Acme', 'Weg 1', 'Bonn', '53111', null, false)$$,
  'chk_addresses_kind', 'kind is billing or shipping');
select tests.throws_constraint($$execute ins('billing', ' ', 'Weg 1', 'Bonn', '53111', null, false)$$,
  'chk_addresses_recipient_not_blank', 'a recipient is required');
select tests.throws_constraint($$execute ins('billing', 'Acme', '', 'Bonn', '53111', null, false)$$,
  'chk_addresses_line1_not_blank', 'the first address line is required');
select tests.throws_constraint($$execute ins('billing', 'Acme', 'Weg 1', ' ', '53111', null, false)$$,
  'chk_addresses_locality_not_blank', 'a locality is required');
select tests.throws_constraint($$execute ins('billing', 'Acme', 'Weg 1', 'Bonn', '53111!', null, false)$$,
  'chk_addresses_postal_code_format', 'a postal code is letters, digits, spaces and hyphens');
select throws_ok($$execute ins('billing', 'Acme', 'Weg 1', 'Bonn', '53111', '+0123', false)$$,
  'B4106', null, 'phone must be E.164 (checked before encryption, app.seal_personal)');
select lives_ok($$execute ins('billing', 'Acme', 'Weg 1', 'Bonn', '53111', null, true)$$,
  'a default billing address is accepted');
select tests.throws_constraint($$execute ins('billing', 'Acme', 'Weg 2', 'Bonn', '53111', null, true)$$,
  'uq_addresses_default_per_company_kind', 'a second default billing address is refused');
select tests.throws_constraint(
  format($$insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code)
    values (%L, 'billing', 'Acme', 'Weg 1', 'Bonn', '53111', 'XX')$$, :'acme'),
  'fk_addresses_country_code_countries', 'the country must be a known ISO 3166-1 country');
select tests.throws_constraint(
  $$insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code)
    values (gen_random_uuid(), 'billing', 'Acme', 'Weg 1', 'Bonn', '53111', 'DE')$$,
  'fk_addresses_tenant_id_company_id_companies', 'the company must exist in the tenant');
select tests.throws_constraint(
  $$insert into accounts.addresses (address_id, company_id, kind, recipient, line1, locality, postal_code, country_code)
    select address_id, company_id, kind, recipient, line1, locality, postal_code, country_code from accounts.addresses$$,
  'pk_addresses', 'address ids are unique within the tenant');

select * from finish();
rollback;
