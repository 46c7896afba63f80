-- What the catalog workloads draw from, numbered for pgbench (schema `bench`, readable by b2b_app), as
-- scripts/lib/bench/suites/catalog.ts samples it: tenants (with their currency), their live products, and
-- per tenant 50 search terms from random product names: the first word, or the first two, alternately
-- (the number the seed appends to names is left out, as a person searches by words).
\set ON_ERROR_STOP on
create schema bench;
create table bench.tenants as
  select row_number() over (order by tenant_id) as n, tenant_id, default_currency as currency
  from tenancy.tenants;
create table bench.products as
  select tenant_id, row_number() over (partition by tenant_id order by product_id) as n, product_id
  from catalog.products where archived_at is null;
create table bench.terms as
  select tenant_id, row_number() over (partition by tenant_id order by pick) as n, locale,
    array_to_string((array_remove(words, null))[1:case when pick % 2 = 0 then 1 else 2 end], ' ') as term
  from (
    select t.tenant_id, t.locale, row_number() over (partition by t.tenant_id order by random()) as pick,
      array(select w from regexp_split_to_table(t.name, '\s+') w where w !~ '^\d+$' and w <> '') as words
    from catalog.product_translations t
    join catalog.products p on p.tenant_id = t.tenant_id and p.product_id = t.product_id
    where p.archived_at is null
  ) s
  where pick <= 50;
create unique index on bench.tenants (n);
create unique index on bench.products (tenant_id, n);
create unique index on bench.terms (tenant_id, n);
grant usage on schema bench to b2b_app;
grant select on all tables in schema bench to b2b_app;
analyze bench.tenants;
analyze bench.products;
analyze bench.terms;
-- For run.sh: tenants, and the fewest products and terms any tenant has (each request draws below both).
select (select count(*) from bench.tenants) as tenants,
  (select min(c) from (select count(*) as c from bench.products group by tenant_id) x) as products,
  (select min(c) from (select count(*) as c from bench.terms group by tenant_id) x) as terms
\gset
\echo tenants=:tenants products=:products terms=:terms
