-- Outside failure case (pgcrypto, OpenPGP): a value encrypted without a modification detection code
-- ('disable-mdc=1') and altered afterwards decrypts to a wrong value without any error. Writes take
-- ciphertext from the client (SealPersonal), so the client could send such a value; app.seal_personal
-- stores its own encryption of the checked value instead (always with MDC), so altering what is stored
-- fails loudly (B4102), for every encrypted column.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_buyer_role(:'alpha', 'Purchaser') as role \gset
select tests.create_buyer(:'alpha', :'acme', :'role', 'ann@acme.example') as ann \gset

-- the control: without MDC, flipping the last bit of the ciphertext flips the last bit of the value
select extensions.pgp_sym_encrypt('DE123456789', tests.data_key(), 'disable-mdc=1, cipher-algo=aes256') as no_mdc_tax \gset
select extensions.pgp_sym_encrypt('+4930123456', tests.data_key(), 'disable-mdc=1, cipher-algo=aes256') as no_mdc_phone \gset
select is(extensions.pgp_sym_decrypt(set_byte(:'no_mdc_tax'::bytea, length(:'no_mdc_tax'::bytea) - 1,
            get_byte(:'no_mdc_tax'::bytea, length(:'no_mdc_tax'::bytea) - 1) # 1), tests.data_key()),
  'DE123456788', 'control: an altered value sealed without MDC decrypts to a wrong value, no error');

select tests.act_as(:'alpha');
select tests.use_data_key();
update accounts.companies set tax_id = :'no_mdc_tax'::bytea where company_id = :'acme';
update accounts.buyers set phone = :'no_mdc_phone'::bytea where buyer_id = :'ann';
select isnt((select tax_id from accounts.companies where company_id = :'acme'), :'no_mdc_tax'::bytea,
  'the tax id the client sealed without MDC is not what is stored');
select is((select app.decrypt_personal(tax_id) from accounts.companies where company_id = :'acme'), 'DE123456789',
  'what is stored opens to the same tax id');
select tests.clear_actor();

-- alter the last byte of what is stored (a superuser with triggers off, a restored backup, a disk)
set local session_replication_role = replica;
update accounts.companies set tax_id = set_byte(tax_id, length(tax_id) - 1, get_byte(tax_id, length(tax_id) - 1) # 1)
 where company_id = :'acme';
update accounts.buyers set phone = set_byte(phone, length(phone) - 1, get_byte(phone, length(phone) - 1) # 1)
 where buyer_id = :'ann';
set local session_replication_role = origin;
select tests.act_as(:'alpha');
select tests.use_data_key();
select throws_ok(format($$select app.decrypt_personal(tax_id) from accounts.companies where company_id = %L$$, :'acme'),
  'B4102', null, 'the altered tax id fails loudly (B4102), never a wrong value');
select throws_ok(format($$select app.decrypt_personal(phone) from accounts.buyers where buyer_id = %L$$, :'ann'),
  'B4102', null, 'so does the altered phone');
select tests.clear_actor();
select is((select count(*)::int from pg_trigger where tgfoid = 'app.seal_personal()'::regprocedure and not tgisinternal), 3,
  'the three encrypted columns (companies.tax_id, buyers.phone, addresses.phone) all go through app.seal_personal');

select * from finish();
rollback;
