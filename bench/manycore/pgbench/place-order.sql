-- placeOrder as `pnpm bench orders` drives it through pgbench (scripts/lib/bench/suites/orders-pgbench.ts):
-- a random buyer orders 5 distinct random variants of its tenant (one from each fifth), 1 to 10 units
-- each, with a unique idempotency key; begin, tenant and buyer context, one call, commit, as b2b_app.
\set u random(1, :buyers)
\set v1 random(1, :fifth)
\set v2 :fifth + random(1, :fifth)
\set v3 2 * :fifth + random(1, :fifth)
\set v4 3 * :fifth + random(1, :fifth)
\set v5 4 * :fifth + random(1, :fifth)
\set q1 random(1, 10)
\set q2 random(1, 10)
\set q3 random(1, 10)
\set q4 random(1, 10)
\set q5 random(1, 10)
select b.tenant_id as tenant, b.company_id as company, b.buyer_id as buyer, b.currency, (select jsonb_agg(jsonb_build_object('variant_id', v.variant_id, 'quantity', x.q)) from (values (:v1::bigint, :q1::int), (:v2::bigint, :q2::int), (:v3::bigint, :q3::int), (:v4::bigint, :q4::int), (:v5::bigint, :q5::int)) x(n, q) join bench.variants v on v.tenant_id = b.tenant_id and v.n = x.n) as lines, :prefix::text || gen_random_uuid()::text as idempotency_key from bench.buyers b where b.n = :u \gset
begin;
select app.set_tenant(:tenant, :buyer);
select order_id from orders.place_order(p_tenant_id => :tenant::uuid, p_company_id => :company::uuid, p_buyer_id => :buyer::uuid, p_currency => :currency::text, p_lines => :lines::jsonb, p_idempotency_key => :idempotency_key::text);
commit;
