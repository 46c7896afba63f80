-- Fix the kind: every table and column that feeds the product page read model (what the view
-- catalog.product_page_sources reads, from the catalog's own dependency records) has the row trigger that
-- rewrites the page (catalog.refresh_product_pages) after insert, delete and an update of that column, so
-- a column or table added to the page later without its trigger fails here. The trigger's argument names
-- the column that leads to the product, which the table must have. And the check can fail: without the
-- prices trigger it names the prices columns.
begin;
select plan(5);

create temporary view page_sources as
select distinct d.refobjid::regclass as tbl, d.refobjsubid as attnum, a.attname
from pg_catalog.pg_depend d
join pg_catalog.pg_rewrite r on r.oid = d.objid
join pg_catalog.pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
where d.classid = 'pg_catalog.pg_rewrite'::regclass
  and d.refclassid = 'pg_catalog.pg_class'::regclass
  and r.ev_class = 'catalog.product_page_sources'::regclass
  and d.refobjid <> 'catalog.product_page_sources'::regclass
  and d.refobjsubid > 0;

create temporary view uncovered as
select format('%s.%s feeds catalog.product_page_sources, but no trigger rewrites the page after insert, delete and update of it', s.tbl, s.attname) as problem
from page_sources s
where not exists (
  select 1 from pg_catalog.pg_trigger t
  where t.tgrelid = s.tbl
    and t.tgfoid = 'catalog.refresh_product_pages()'::regprocedure
    and t.tgenabled <> 'D'
    and t.tgtype & 1 = 1          -- for each row
    and t.tgtype & 2 = 0          -- after
    and t.tgtype & (4 | 8 | 16) = (4 | 8 | 16)  -- insert, delete and update
    and (t.tgattr = ''::int2vector or s.attnum = any(t.tgattr::int2[]))
);

select is((select count(distinct tbl)::int from page_sources), 4,
  'the view reads four tables (products, product_translations, variants, prices): the dependencies are found');

select is_empty($$ select problem from uncovered order by 1 $$,
  'every column the read model is computed from has the trigger that rewrites the page');

select is_empty($$
  select format('%s: trigger %s names %s, which the table does not have', t.tgrelid::regclass, t.tgname, a.arg)
  from pg_catalog.pg_trigger t
  cross join lateral (select split_part(encode(t.tgargs, 'escape'), '\000', 1) as arg) a
  where t.tgfoid = 'catalog.refresh_product_pages()'::regprocedure
    and a.arg not in ('product_id', 'variant_id')
     or (t.tgfoid = 'catalog.refresh_product_pages()'::regprocedure and not exists (
       select 1 from pg_catalog.pg_attribute c where c.attrelid = t.tgrelid and c.attname = a.arg and not c.attisdropped))
$$, 'each page trigger names the column that leads to the product (product_id, or variant_id), a column of its table');

-- the stock is read live by catalog.product_page, never copied: the stock writes (every order reserves,
-- releases and ships) and the orders' own tables rewrite no page
select is_empty($$
  select format('%s has a page trigger (%s): the orders'' hot path would rewrite pages', t.tgrelid::regclass, t.tgname)
  from pg_catalog.pg_trigger t
  join pg_catalog.pg_class c on c.oid = t.tgrelid
  where t.tgfoid = 'catalog.refresh_product_pages()'::regprocedure
    and (c.relnamespace = 'orders'::regnamespace
      or t.tgrelid in ('catalog.stock_levels'::regclass, 'catalog.stock_movements'::regclass, 'catalog.warehouses'::regclass))
$$, 'no stock or order table rewrites pages (the page reads stock live)');

drop trigger trg_prices_zz_page on catalog.prices;
select ok((select count(*) from uncovered where problem like 'catalog.prices.%') >= 6,
  'without the prices trigger the check names the prices columns (it can fail)');

select * from finish();
rollback;
