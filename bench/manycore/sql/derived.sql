-- DERIVED DATA, BUILT AFTER THE BULK LOAD (run.sh runs this file in each benchmark database after its
-- load and before VACUUM ANALYZE). derived-before-load.sql switched the product page read model's row
-- triggers off for the load: here they go back on and every tenant's pages are built set-based
-- (catalog.build_product_pages, one statement per tenant in its tenant context, as the large seed does), in
-- one transaction, so the product page is measured on the model the application reads.
\set ON_ERROR_STOP on
begin;
-- statistics of the rows just loaded first: without them the build's plan reads whole tables per product
analyze catalog.products, catalog.product_translations, catalog.variants, catalog.prices;
do $$
declare
  t record;
begin
  for t in
    select tg.tgrelid::regclass as tbl, tg.tgname
    from pg_catalog.pg_trigger tg
    where tg.tgfoid = 'catalog.refresh_product_pages()'::regprocedure and tg.tgenabled = 'D'
  loop
    execute format('alter table %s enable trigger %I', t.tbl, t.tgname);
  end loop;
  for t in select tenant_id from tenancy.tenants order by tenant_id loop
    perform app.set_tenant(t.tenant_id);
    perform catalog.build_product_pages(t.tenant_id);
  end loop;
  perform app.set_tenant(null);
end
$$;
select count(*) || ' product pages built' as derived from catalog.product_pages;
commit;
