-- Trigger function (after insert, update of the page's columns, or delete, for each row) on the tables
-- that feed catalog.product_pages: rewrites the page of the product the row belongs to (both products when
-- an update moved the row), in the writing transaction, so a page is never older than the last committed
-- write. The rows are those catalog.product_page_sources defines (the definition of a page), computed per
-- product by a copy of its query.
--
-- No lost update between two transactions writing parts of one product: the page is rewritten under a
-- transaction-level advisory lock on (tenant, product), taken before its source rows are read, and every
-- statement of this (volatile) function reads with a fresh snapshot: a second writer waits for the first
-- to commit, then reads what it committed. Under repeatable read or serializable the snapshot is the
-- transaction's: the upsert of a page another transaction rewrote since then fails (SQLSTATE 40001, retry)
-- rather than writing an older page. No order function writes a source table, and the lock is taken by
-- nothing else, so the orders' lock order (stock rows by variant, warehouse) is untouched.
--
-- Row-level, as the caller (b2b_app writes through its own grants and policies; trg_product_pages_guard
-- refuses any write that does not come from here, B5040): Citus runs it on the shard, where the page of
-- the same tenant lives. tg_argv[0] names the column that leads to the product: product_id, or variant_id
-- (prices: the product is the variant's). Not tg_table_name: on Citus that is the shard's name.
create or replace function catalog.refresh_product_pages() returns trigger
language plpgsql
as $$
declare
  tenant uuid;
  products uuid[];
  product uuid;
  page_attributes jsonb;
  page_created_at timestamptz;
  page_translations jsonb;
  page_variants jsonb;
begin
  -- new is null in a delete, old in an insert
  tenant := coalesce(new.tenant_id, old.tenant_id);
  if tg_argv[0] = 'variant_id' then
    select array_agg(distinct v.product_id) into products
    from catalog.variants v where v.tenant_id = tenant and v.variant_id in (old.variant_id, new.variant_id);
  elsif old.product_id is distinct from new.product_id and old.product_id is not null and new.product_id is not null then
    products := array[old.product_id, new.product_id];
  else
    products := array[coalesce(new.product_id, old.product_id)];
  end if;

  foreach product in array coalesce(products, '{}') loop
    perform pg_catalog.pg_advisory_xact_lock(
      pg_catalog.hashtextextended('catalog.product_pages:' || tenant::text || ':' || product::text, 0));
    -- catalog.product_page_sources for one product, written out with every table filtered on the tenant
    -- itself: on Citus the trigger runs on the shard, where only a statement Citus routes to that one shard
    -- may run, and it routes only a statement whose every table is filtered on the distribution value (the
    -- view's subqueries are filtered on the outer row's tenant, which Citus does not route); then a
    -- single-row insert (an INSERT ... SELECT is not routed either). The pgTAP and Citus tests compare the
    -- pages written here with the view after every kind of write.
    select p.attributes, p.created_at,
      coalesce((
        select jsonb_object_agg(tr.locale, jsonb_build_object('name', tr.name, 'slug', tr.slug, 'description', tr.description))
        from catalog.product_translations tr
        where tr.tenant_id = tenant and tr.product_id = product
      ), '{}'::jsonb),
      coalesce((
        select jsonb_agg(jsonb_build_object(
            'variant_id', v.variant_id, 'sku', v.sku, 'attributes', v.attributes,
            'prices', coalesce((
              select jsonb_agg(jsonb_build_object(
                  'price_list_id', pr.price_list_id, 'currency', pr.currency, 'unit_price', pr.unit_price,
                  'quantities', pr.quantities, 'valid_during', pr.valid_during)
                order by pr.price_list_id, pr.currency, pr.quantities, pr.valid_during)
              from catalog.prices pr
              where pr.tenant_id = tenant and pr.variant_id = v.variant_id
            ), '[]'::jsonb))
          order by v.sku)
        from catalog.variants v
        where v.tenant_id = tenant and v.product_id = product and v.archived_at is null
      ), '[]'::jsonb)
    into page_attributes, page_created_at, page_translations, page_variants
    from catalog.products p
    where p.tenant_id = tenant and p.product_id = product and p.archived_at is null;
    if found then
      insert into catalog.product_pages (tenant_id, product_id, attributes, created_at, translations, variants)
      values (tenant, product, page_attributes, page_created_at, page_translations, page_variants)
      on conflict (tenant_id, product_id) do update
      set attributes = excluded.attributes, created_at = excluded.created_at,
        translations = excluded.translations, variants = excluded.variants;
    else
      -- archived (or deleted): no page
      delete from catalog.product_pages pp where pp.tenant_id = tenant and pp.product_id = product;
    end if;
  end loop;
  return null;
end
$$;
comment on function catalog.refresh_product_pages() is
  'Trigger function (after each row written in catalog.products, product_translations, variants, prices; tg_argv[0]: product_id, or variant_id for prices): rewrites catalog.product_pages of the row''s product (old and new product when it moved) as catalog.product_page_sources defines them, or deletes it when the product is archived or gone; under a transaction advisory lock per (tenant, product), so concurrent writers of one product are serialised and none is lost. Runs as the caller.';
