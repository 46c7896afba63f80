-- pgbench has no arrays: the orders fixture's buyers and each tenant's variants are numbered in schema
-- `bench` (readable by b2b_app), as scripts/lib/bench/suites/orders-pgbench.ts does.
\set ON_ERROR_STOP on
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
-- For run.sh: how many buyers, and a fifth of the variants of a tenant (each order takes one per fifth).
select (select count(*) from bench.buyers) as buyers,
  (select min(c) / 5 from (select count(*) as c from bench.variants group by tenant_id) x) as fifth
\gset
\echo buyers=:buyers fifth=:fifth
