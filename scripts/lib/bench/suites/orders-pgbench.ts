// placeOrder driven by pgbench instead of Node: the same transaction (begin and tenant context, one call
// to orders.place_order, commit) as b2b_app from a C client with prepared statements. Beside the Node
// rows it shows how much of an order's cost is the client's: nearly none, so the distance to pgbench's
// TPC-B is the work an order does in the database.
import { withClient } from '@b2b/testing';
import type { CustomScript } from '../pgbench';
import { VARIANTS_PER_TENANT } from './orders-fixture';

/**
 * pgbench has no arrays, so the buyers and the variants of each tenant are numbered in two tables of the
 * scratch database (schema `bench`, readable by b2b_app; dropped with the database).
 */
const SAMPLE_TABLES = `
create schema bench;
create table bench.buyers as
  select row_number() over (order by b.buyer_id) as n, b.tenant_id, b.company_id, b.buyer_id, c.default_currency as currency
  from accounts.buyers b join accounts.companies c using (tenant_id, company_id);
create table bench.variants as
  select tenant_id, row_number() over (partition by tenant_id order by variant_id) as n, variant_id
  from catalog.variants;
create unique index on bench.variants (tenant_id, n);
create unique index on bench.buyers (n);
grant usage on schema bench to b2b_app;
grant select on all tables in schema bench to b2b_app;
analyze bench.buyers;
analyze bench.variants;
`;

/**
 * A random buyer and its order's lines (read with \gset before the transaction: one round trip the Node
 * client does not make) order 5 distinct random variants of its tenant, one from each fifth of them, 1 to
 * 10 units each. The lines and the idempotency key reach place_order as parameters: on Citus a call
 * whose argument is a subquery (bench.variants is a table of the coordinator only) or a volatile
 * expression (gen_random_uuid()) is not delegated to the tenant's worker, and place_order run on the
 * coordinator fails in the worker ("cannot execute a distributed query from a query on a shard": its
 * statements that call catalog.resolve_price are pushed to the shard, and resolve_price reads tables).
 */
const SCRIPT = `
\\set u random(1, :buyers)
\\set v1 random(1, :fifth)
\\set v2 :fifth + random(1, :fifth)
\\set v3 2 * :fifth + random(1, :fifth)
\\set v4 3 * :fifth + random(1, :fifth)
\\set v5 4 * :fifth + random(1, :fifth)
\\set q1 random(1, 10)
\\set q2 random(1, 10)
\\set q3 random(1, 10)
\\set q4 random(1, 10)
\\set q5 random(1, 10)
select b.tenant_id as tenant, b.company_id as company, b.buyer_id as buyer, b.currency, (select jsonb_agg(jsonb_build_object('variant_id', v.variant_id, 'quantity', x.q)) from (values (:v1::bigint, :q1::int), (:v2::bigint, :q2::int), (:v3::bigint, :q3::int), (:v4::bigint, :q4::int), (:v5::bigint, :q5::int)) x(n, q) join bench.variants v on v.tenant_id = b.tenant_id and v.n = x.n) as lines, :prefix::text || gen_random_uuid()::text as idempotency_key from bench.buyers b where b.n = :u \\gset
begin;
select app.set_tenant(:tenant, :buyer);
select order_id from orders.place_order(p_tenant_id => :tenant::uuid, p_company_id => :company::uuid, p_buyer_id => :buyer::uuid, p_currency => :currency::text, p_lines => :lines::jsonb, p_idempotency_key => :idempotency_key::text);
commit;
`;

/** Numbers the fixture's buyers and variants in the scratch database and returns the pgbench script. */
export async function placeOrderScript(adminUrl: string, prefix: string): Promise<CustomScript> {
  const buyers = await withClient(adminUrl, async (client) => {
    await client.query(SAMPLE_TABLES);
    const { rows } = await client.query<{ n: string }>('select count(*) as n from bench.buyers');
    return Number(rows[0]?.n);
  });
  return {
    name: 'placeOrder via pgbench',
    text: SCRIPT,
    variables: {
      buyers: String(buyers),
      fifth: String(Math.floor(VARIANTS_PER_TENANT / 5)),
      prefix: `${prefix}-`,
    },
  };
}
