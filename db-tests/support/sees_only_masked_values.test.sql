-- As b2b_support acting for a tenant: the support views show emails, phones and tax ids only partially (no
-- data key needed, none given), only the tenant's rows, and nothing without a tenant.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_company(:'beta', 'Bolt') as bolt \gset
select tests.create_buyer_role(:'alpha', 'Purchaser') as role \gset
select tests.create_buyer(:'alpha', :'acme', :'role', 'ann.smith@acme.example') as ann \gset
select tests.create_buyer_role(:'beta', 'Purchaser') as b_role \gset
select tests.create_buyer(:'beta', :'bolt', :'b_role', 'bob@bolt.example') as bob \gset
select tests.act_as(:'alpha');
select tests.use_data_key();
update accounts.companies set tax_id = app.encrypt_personal('DE123456789');
update accounts.buyers set phone = app.encrypt_personal('+4930123456');
insert into accounts.addresses (company_id, kind, recipient, line1, locality, postal_code, country_code, phone)
values (:'acme', 'billing', 'Ann Smith', 'Weg 1', 'Bonn', '53111', 'DE', app.encrypt_personal('+4922812345'));

select tests.clear_actor();
select tests.act_as(:'alpha', db_role => 'b2b_support');
select is((select row(email_masked, full_name, phone_masked)::text from support.buyers),
  row('a•••@acme.example', 'ann.smith', '+49••••••56')::text, 'support sees a buyer''s email and phone masked');
select is((select tax_id_masked from support.companies), '••••••••789', 'and a company''s tax id masked');
select is((select row(locality, phone_masked)::text from support.addresses), row('Bonn', '+49••••••45')::text,
  'and an address''s town, with the phone masked (no street, no recipient)');
select is((select count(*)::int from support.buyers where buyer_id = :'bob'), 0, 'not another tenant''s buyers');
select is((select count(*)::int from support.companies), 1, 'only the tenant''s companies');
select is_empty($$
  select c.table_name || '.' || c.column_name from information_schema.columns c
  where c.table_schema = 'support' and c.column_name ~ '(^|_)(email|phone|tax_id)$'
$$, 'no column of the support views holds an email, phone or tax id unmasked (each is named *_masked)');
select tests.clear_actor();
select tests.act_as(null, db_role => 'b2b_support');
select is((select count(*)::int from support.buyers), 0, 'without a tenant, support sees no one');

select * from finish();
rollback;
