-- orders.request_fingerprint, the canonical form an idempotency key is bound to: equal for requests that
-- differ only in spelling (JSON key order, whitespace, uuid spelling, line order, Unicode normalization of
-- the purchase order number), different for every field that changes what the request does.
begin;
select plan(20);

\set company '''11111111-1111-4111-8111-111111111111'''
\set buyer '''22222222-2222-4222-8222-222222222222'''
\set v1 '''aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'''
\set v2 '''bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'''
\set addr '''33333333-3333-4333-8333-333333333333'''

create temporary table base as
select orders.request_fingerprint('place_order', :company, :buyer, 'EUR',
  format('[{"variant_id": "%s", "quantity": 1}, {"variant_id": "%s", "quantity": 2}]', :v1, :v2)::jsonb,
  'PO-É', null, :addr) as fp;

create function pg_temp.fp(op text = 'place_order', company uuid = :company, buyer uuid = :buyer, currency text = 'EUR',
  lines jsonb = format('[{"variant_id": "%s", "quantity": 1}, {"variant_id": "%s", "quantity": 2}]', :v1, :v2)::jsonb,
  po text = 'PO-É', billing uuid = null, shipping uuid = :addr)
returns bytea language sql as $$ select orders.request_fingerprint(op, company, buyer, currency, lines, po, billing, shipping) $$;

select is(octet_length((select fp from base)), 32, 'a fingerprint is one SHA-256 digest');
select is(pg_temp.fp(), (select fp from base), 'the same request gives the same fingerprint');
select is(pg_temp.fp(lines => format('[{"quantity":1,"variant_id":"%s"},{"quantity":2,"variant_id":"%s"}]', upper(:v1), upper(:v2))::jsonb),
  (select fp from base), 'JSON key order, whitespace and uuid case do not count');
select is(pg_temp.fp(lines => format('[{"variant_id": "%s", "quantity": 2}, {"variant_id": "%s", "quantity": 1}]', :v2, :v1)::jsonb),
  (select fp from base), 'the order of the lines does not count');
select is(pg_temp.fp(lines => format('[{"variant_id": "%s", "quantity": 1, "note": "x"}, {"variant_id": "%s", "quantity": 2}]', :v1, :v2)::jsonb),
  (select fp from base), 'members the order functions do not read do not count');
select is(pg_temp.fp(po => normalize('PO-É', nfd)), (select fp from base), 'the purchase order number compares in NFC');
select is(pg_temp.fp(lines => format('[{"variant_id": "{%s}", "quantity": 1}, {"variant_id": "%s", "quantity": 2}]',
    replace(:v1, '-', ''), upper(:v2))::jsonb),
  (select fp from base), 'a uuid in braces or without hyphens is the same uuid');
select throws_ok(format($$select orders.request_fingerprint('place_order', null, null, null, '[{"variant_id": "%s", "quantity": "1"}]', null, null, null)$$, :v1),
  'B3007', null, 'a quantity sent as a string is refused with the typed lines error, not fingerprinted');
select throws_ok($$select orders.request_fingerprint('place_order', null, null, null, '{"not": "an array"}', null, null, null)$$,
  'B3007', null, 'lines that are not an array are refused with the typed lines error');
select throws_ok($$select orders.request_fingerprint('place_order', null, null, null, '[1, "x"]', null, null, null)$$,
  'B3007', null, 'so are elements that are not line objects');

select isnt(pg_temp.fp(op => 'create_draft'), (select fp from base), 'another operation differs');
select isnt(pg_temp.fp(company => '44444444-4444-4444-8444-444444444444'), (select fp from base), 'another company differs');
select isnt(pg_temp.fp(buyer => '44444444-4444-4444-8444-444444444444'), (select fp from base), 'another buyer differs');
select isnt(pg_temp.fp(currency => 'USD'), (select fp from base), 'another currency differs');
select isnt(pg_temp.fp(lines => format('[{"variant_id": "%s", "quantity": 1}, {"variant_id": "%s", "quantity": 3}]', :v1, :v2)::jsonb),
  (select fp from base), 'another quantity differs');
select isnt(pg_temp.fp(lines => format('[{"variant_id": "%s", "quantity": 1}]', :v1)::jsonb),
  (select fp from base), 'a line less differs');
select isnt(pg_temp.fp(po => 'PO-E'), (select fp from base), 'another purchase order number differs');
select isnt(pg_temp.fp(po => null), (select fp from base), 'no purchase order number differs');
select isnt(pg_temp.fp(shipping => null), (select fp from base), 'the default address instead of a named one differs');
select isnt(pg_temp.fp(billing => :addr, shipping => null), (select fp from base), 'a billing address is not a shipping address');

select * from finish();
rollback;
