-- As b2b_app with the data key: tax ids and phone numbers are stored as ciphertext (not the plain value,
-- and not the same ciphertext twice), read back exactly with the key, and carry their masked hint; the
-- canonical form and the checks apply to the plain value before encryption; tax ids stay unique.
begin;
select plan(12);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_buyer_role(:'alpha', 'Purchaser') as role \gset
select tests.create_buyer(:'alpha', :'acme', :'role', 'ann@acme.example') as ann \gset

select tests.act_as(:'alpha');
select tests.use_data_key();
update accounts.companies set tax_id = app.encrypt_personal('de 123.456-789') where company_id = :'acme';
update accounts.buyers set phone = app.encrypt_personal('+4930123456') where buyer_id = :'ann';
insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code, phone)
values (:'acme', 'billing', 'Acme', 'Weg 1', 'Bonn', '53111', 'DE', app.encrypt_personal('+4922812345'));

select is(pg_typeof(tax_id)::text, 'bytea', 'the tax id is stored as bytea') from accounts.companies where company_id = :'acme';
select ok(position(convert_to('DE123456789', 'UTF8') in tax_id) = 0 and position(convert_to('de 123', 'UTF8') in tax_id) = 0,
  'the stored tax id does not contain the plain value') from accounts.companies where company_id = :'acme';
select ok(position(convert_to('4930123456', 'UTF8') in phone) = 0, 'the stored phone does not contain the number')
  from accounts.buyers where buyer_id = :'ann';
select isnt(app.encrypt_personal('DE123456789'), app.encrypt_personal('DE123456789'),
  'the same value encrypts differently each time (random salt and session key): equal values cannot be spotted');
select is(app.decrypt_personal(tax_id), 'DE123456789', 'round trip with the key: the tax id in its canonical form')
  from accounts.companies where company_id = :'acme';
select is(app.decrypt_personal(phone), '+4930123456', 'round trip: the buyer''s phone') from accounts.buyers where buyer_id = :'ann';
select is(app.decrypt_personal(phone), '+4922812345', 'round trip: the address''s phone') from accounts.addresses where company_id = :'acme';
select is(row(tax_id_hint, tax_id_digest = app.personal_digest('DE123456789'))::text, row('••••••••789', true)::text,
  'the tax id''s masked hint and keyed hash are filled by app.seal_personal')
  from accounts.companies where company_id = :'acme';
select is(phone_hint, '+49••••••56', 'the phone''s masked hint') from accounts.buyers where buyer_id = :'ann';
select tests.throws_constraint($$insert into accounts.companies (legal_name, tax_id, default_currency, default_locale)
  values ('Copy', app.encrypt_personal('DE-123456789'), 'EUR', 'en')$$,
  'uq_companies_tenant_id_tax_id', 'tax ids stay unique within the tenant (keyed hash of the canonical form)');
select throws_ok($$update accounts.buyers set phone = app.encrypt_personal('0049 30 123') where email = 'ann@acme.example'$$,
  'B4106', null, 'an invalid phone is refused before it is encrypted');
select throws_ok($$update accounts.companies set tax_id = app.encrypt_personal(repeat('A', 60))$$,
  'B4105', null, 'an overlong tax id is refused before it is encrypted');

select * from finish();
rollback;
