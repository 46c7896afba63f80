-- DERIVED DATA, SWITCHED OFF BEFORE THE BULK LOAD (run.sh runs this file in each benchmark database
-- before its loads; derived.sql switches them on again and builds what they maintain). The product page
-- read model (catalog.product_pages) is rewritten by a row trigger per source row written: right for the
-- application's writes, far too slow for a load of millions of rows (each price row would rebuild its
-- product's page). As the large seed does (scripts/lib/bulk-checks.ts, seed-large.ts), the triggers are
-- found by their function, so a source table added to the page later is covered too.
\set ON_ERROR_STOP on
do $$
declare
  t record;
begin
  for t in
    select tg.tgrelid::regclass as tbl, tg.tgname
    from pg_catalog.pg_trigger tg
    where tg.tgfoid = 'catalog.refresh_product_pages()'::regprocedure and tg.tgenabled <> 'D'
  loop
    execute format('alter table %s disable trigger %I', t.tbl, t.tgname);
  end loop;
end
$$;
select count(*) || ' product page triggers off for the load' as derived
from pg_catalog.pg_trigger where tgfoid = 'catalog.refresh_product_pages()'::regprocedure and tgenabled = 'D';
