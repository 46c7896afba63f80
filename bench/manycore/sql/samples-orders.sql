-- pgbench has no arrays: the orders fixture's buyers and each tenant's variants are numbered in schema
-- `bench` (readable by b2b_app). Plain SQL, no psql commands: run.sh runs it with psql, and `pnpm bench
-- orders` (scripts/lib/bench/suites/orders-pgbench.ts) sends it as one query.
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
