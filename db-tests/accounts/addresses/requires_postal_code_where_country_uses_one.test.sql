-- A postal code is required only where the country uses one (B2103); addresses are international.
begin;
select plan(5);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset

select tests.act_as(:'alpha');
select tests.use_data_key();

select throws_ok(
  format($$insert into accounts.addresses (company_id, kind, recipient, line1, locality, country_code)
    values (%L, 'shipping', 'Acme GmbH', 'Hauptstrasse 1', 'Berlin', 'DE')$$, :'acme'),
  'B2103', null, 'a German address without a postal code is refused');
select lives_ok(
  format($$insert into accounts.addresses (company_id, kind, recipient, line1, locality, region, postal_code, country_code, phone)
    values (%L, 'shipping', 'Acme GmbH', 'Hauptstrasse 1', 'Berlin', null, '10115', 'DE', app.encrypt_personal('+493012345678'))$$, :'acme'),
  'a German address with a postal code is accepted');
select lives_ok(
  format($$insert into accounts.addresses (company_id, kind, recipient, line1, locality, country_code)
    values (%L, 'billing', 'Acme FZE', 'Office 12, Building 4', 'Dubai', 'AE')$$, :'acme'),
  'an address in the United Arab Emirates needs no postal code');
select lives_ok(
  format($$insert into accounts.addresses (company_id, kind, recipient, line1, line2, locality, region, postal_code, country_code)
    values (%L, 'shipping', 'Acme Inc.', '350 Fifth Avenue', 'Suite 4200', 'New York', 'NY', '10118', 'US')$$, :'acme'),
  'a US address with region and ZIP code is accepted');
select throws_ok(
  format($$update accounts.addresses set postal_code = null where company_id = %L and country_code = 'US'$$, :'acme'),
  'B2103', null, 'removing the postal code of a US address is refused');

select * from finish();
rollback;
