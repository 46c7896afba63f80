-- place_order copies the shipping address into the order with its phone number still encrypted (the
-- address's ciphertext, base64, and its masked hint): placing needs no data key, no phone is copied in clear,
-- and the key opens the copy.
begin;
select plan(4);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 10) \gset
select tests.act_as(:'alpha');
select tests.use_data_key();
insert into accounts.addresses (company_id, kind, is_default, recipient, line1, locality, postal_code, country_code, phone)
values (:'company', 'shipping', true, 'Acme dock 3', 'Hafenstr. 1', 'Hamburg', '20457', 'DE', app.encrypt_personal('+494012345678'));

select tests.clear_actor();
select tests.act_as(:'alpha', :'buyer');
select shipping_address from orders.place_order(:'alpha', p_company_id => :'company', p_buyer_id => :'buyer',
  p_currency => 'EUR', p_lines => tests.lines(:'variant', 1), p_idempotency_key => 'o1') \gset

select is((:'shipping_address'::jsonb) ? 'phone', false, 'the snapshot has no phone in clear, and was made without a data key');
select is(strpos(:'shipping_address', '4012345678'), 0, 'the number appears nowhere in the snapshot');
select is((:'shipping_address'::jsonb) ->> 'phone_hint', '+49••••••••78', 'the masked hint is copied');
select tests.use_data_key();
select is(app.decrypt_personal(decode((:'shipping_address'::jsonb) ->> 'phone_encrypted', 'base64')), '+494012345678',
  'the data key opens the copied ciphertext');

select * from finish();
rollback;
