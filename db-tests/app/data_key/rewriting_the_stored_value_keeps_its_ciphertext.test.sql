-- As b2b_app with the data key: a write of a fresh ciphertext of the value already stored (an upsert, an
-- edit form sending every field; each encryption differs, random salt) keeps the stored ciphertext, so
-- the row does not change and the audit trail records nothing (app.seal_personal compares the keyed hash
-- of a tax id, the opened value of a phone). A different value is written and recorded. Every encrypted
-- column is covered: the list of sealed columns is checked against the catalog, so a new one fails here
-- until it is added.
begin;
select plan(10);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_buyer_role(:'alpha', 'Purchaser') as role \gset
select tests.create_buyer(:'alpha', :'acme', :'role', 'ann@acme.example') as ann \gset

select is(array(
    select format('%s.%s', g.tgrelid::regclass, a) from pg_trigger g
    cross join lateral unnest(string_to_array(rtrim(encode(g.tgargs, 'escape'), '\000'), '\000')) a
    where g.tgfoid = 'app.seal_personal()'::regprocedure and not g.tgisinternal order by 1),
  array['accounts.addresses.phone:phone', 'accounts.buyers.phone:phone', 'accounts.companies.tax_id:tax_id'],
  'the encrypted columns this test covers are every column app.seal_personal seals');

select tests.act_as(:'alpha');
select tests.use_data_key();
update accounts.companies set tax_id = app.encrypt_personal('DE123456789') where company_id = :'acme';
update accounts.buyers set phone = app.encrypt_personal('+4930123456') where buyer_id = :'ann';
insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code, phone)
values (:'acme', 'billing', 'Acme', 'Weg 1', 'Bonn', '53111', 'DE', app.encrypt_personal('+4922812345'))
returning address_id as address \gset

select (select tax_id from accounts.companies where company_id = :'acme') as s_tax_id,
       (select phone from accounts.buyers where buyer_id = :'ann') as s_buyer_phone,
       (select phone from accounts.addresses where address_id = :'address') as s_address_phone \gset
select tests.clear_actor();
select count(*) as s_events from audit.events where tenant_id = :'alpha' \gset
select tests.act_as(:'alpha');
select tests.use_data_key();

-- the same values again, freshly encrypted (the tax id in another spelling of the same canonical form)
update accounts.companies set tax_id = app.encrypt_personal('de 123.456-789') where company_id = :'acme';
update accounts.buyers set phone = app.encrypt_personal('+4930123456') where buyer_id = :'ann';
update accounts.addresses set phone = app.encrypt_personal('+4922812345') where address_id = :'address';

select is((select tax_id from accounts.companies where company_id = :'acme'), (:'s_tax_id')::bytea,
  'the same tax id again keeps the stored ciphertext');
select is((select phone from accounts.buyers where buyer_id = :'ann'), (:'s_buyer_phone')::bytea,
  'the same buyer phone again keeps the stored ciphertext');
select is((select phone from accounts.addresses where address_id = :'address'), (:'s_address_phone')::bytea,
  'the same address phone again keeps the stored ciphertext');
select tests.clear_actor();
select is((select count(*) from audit.events where tenant_id = :'alpha'), :'s_events'::bigint,
  'and the audit trail records no change');
select tests.act_as(:'alpha');
select tests.use_data_key();

-- different values are written, checked and recorded
update accounts.companies set tax_id = app.encrypt_personal('DE999888777') where company_id = :'acme';
update accounts.buyers set phone = app.encrypt_personal('+4930999888') where buyer_id = :'ann';
update accounts.addresses set phone = app.encrypt_personal('+4922899999') where address_id = :'address';
select is((select row(app.decrypt_personal(tax_id), tax_id_hint)::text from accounts.companies where company_id = :'acme'),
  row('DE999888777', '••••••••777')::text, 'a different tax id is written, with its hint');
select is((select app.decrypt_personal(phone) from accounts.buyers where buyer_id = :'ann'), '+4930999888',
  'a different buyer phone is written');
select is((select app.decrypt_personal(phone) from accounts.addresses where address_id = :'address'), '+4922899999',
  'a different address phone is written');
select tests.clear_actor();
select is((select count(*) from audit.events where tenant_id = :'alpha'), :'s_events'::bigint + 3,
  'and each change is recorded');
select tests.act_as(:'alpha');
select tests.use_data_key();
select throws_ok(format($$update accounts.buyers set phone = app.encrypt_personal('+49 30 999888') where buyer_id = %L$$, :'ann'),
  'B4106', null, 'a new value is still checked (not E.164: B4106)');

select * from finish();
rollback;
