-- As b2b_app: without the data key, reading or writing an encrypted value raises B4101; a wrong key is
-- refused when supplied (B4102, against the key check value) and, if slipped in around app.set_data_key,
-- fails on every value it cannot open (B4102: pgcrypto's modification detection code), never garbage;
-- a malformed key is B4103. A null needs no key.
begin;
select plan(10);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset

select tests.act_as(:'alpha');
select throws_ok($$select app.encrypt_personal('DE123456789')$$, 'B4101', null, 'encrypting without a key: B4101');
select throws_ok(format($$update accounts.companies set tax_id = app.encrypt_personal('DE123456789') where company_id = %L$$, :'acme'),
  'B4101', null, 'writing a tax id without a key: B4101');
select is(app.decrypt_personal(null), null, 'a null needs no key');
select tests.use_data_key();
update accounts.companies set tax_id = app.encrypt_personal('DE123456789') where company_id = :'acme';
select set_config('app.data_key', '', true);
select throws_ok($$select app.decrypt_personal(tax_id) from accounts.companies$$, 'B4101', null,
  'reading a tax id without a key: B4101');
select throws_ok($$select app.set_data_key('short')$$, 'B4103', null, 'a malformed key: B4103');
select throws_ok($$select app.set_data_key(repeat('x', 64))$$, 'B4102', null,
  'a wrong key is refused when supplied: B4102');
-- a wrong key slipped in around app.set_data_key
select set_config('app.data_key', repeat('y', 64), true);
select throws_ok($$select app.decrypt_personal(tax_id) from accounts.companies$$, 'B4102', null,
  'reading with a wrong key: B4102');
select tests.use_data_key();
select is((
  with sealed as (select app.encrypt_personal('DE123456789') as v)
  select count(*)::int from sealed, generate_series(1, 300) g
  where tests.opens_with(sealed.v, 'wrong-key-' || g || repeat('z', 40))
), 0, '300 wrong keys: not one opens the value (each raises B4102, none returns garbage)');
select throws_ok($$select app.decrypt_personal(overlay(app.encrypt_personal('DE123456789') placing '\x00'::bytea from 40))$$,
  'B4102', null, 'a value altered at rest does not decrypt: B4102');
select is(app.decrypt_personal(tax_id), 'DE123456789', 'with the right key again: the value')
  from accounts.companies;

select * from finish();
rollback;
